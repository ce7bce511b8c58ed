// Where an application stands, as the stages the applicant sees: submitted, reviewed, and once
// approved the merchant opened, the owner's password, the terminal shipped and delivered.
import type { OnboardingStatus } from '@shoudan/contracts';

export type StageKey =
  | 'submitted'
  | 'review'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'opened'
  | 'password'
  | 'shipped'
  | 'delivered';

export type StageState = 'finish' | 'process' | 'wait' | 'error';

export type Stage = {
  readonly key: StageKey;
  readonly state: StageState;
  /** When it happened, if the API says. */
  readonly at: string | null;
};

function reviewStage(s: OnboardingStatus): Stage {
  switch (s.status) {
    case 'submitted':
      return { key: 'review', state: 'process', at: null };
    case 'approved':
    case 'executed':
      return { key: 'approved', state: 'finish', at: s.reviewedAt };
    case 'rejected':
      return { key: 'rejected', state: 'error', at: s.reviewedAt };
    case 'withdrawn':
      return { key: 'withdrawn', state: 'error', at: s.reviewedAt };
    default: {
      const never: never = s.status;
      throw new Error(`unknown application status ${String(never)}`);
    }
  }
}

/** The stages of `s`, in order; an application that ends at review shows no later stage. */
export function stagesOf(s: OnboardingStatus): Stage[] {
  const stages: Stage[] = [
    { key: 'submitted', state: 'finish', at: s.submittedAt },
    reviewStage(s),
  ];
  if (s.status === 'rejected' || s.status === 'withdrawn') return stages;
  const executed = s.status === 'executed';
  const shipment = s.shipment?.status;
  const sent = shipment === 'shipped' || shipment === 'delivered';
  const waitOr = (ready: boolean): StageState => (ready ? 'process' : 'wait');
  stages.push(
    { key: 'opened', state: executed ? 'finish' : waitOr(s.status === 'approved'), at: null },
    {
      key: 'password',
      state: s.merchant?.ownerPasswordSet ? 'finish' : waitOr(executed),
      at: null,
    },
    {
      key: 'shipped',
      state: sent ? 'finish' : waitOr(executed),
      at: s.shipment?.shippedAt ?? null,
    },
    {
      key: 'delivered',
      state: shipment === 'delivered' ? 'finish' : waitOr(sent),
      at: s.shipment?.deliveredAt ?? null,
    },
  );
  return stages;
}

/** The stage to highlight: the first not finished, else the last. */
export function currentStage(stages: readonly Stage[]): number {
  const open = stages.findIndex((stage) => stage.state !== 'finish');
  return open === -1 ? stages.length - 1 : open;
}
