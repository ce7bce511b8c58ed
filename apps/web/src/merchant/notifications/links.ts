// Where a notification leads in the portal (its application, its ticket, the terminals, the
// rate changes), from its kind and detail; nowhere for a kind the web does not know.
import type { NotificationBody } from '@shoudan/contracts';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export function linkOf(notification: Pick<NotificationBody, 'kind' | 'detail'>): string | null {
  const { kind, detail } = notification;
  const applicationId = text(detail['applicationId']);
  const ticketId = text(detail['ticketId']);
  if (applicationId && (kind.startsWith('application.') || kind.startsWith('onboarding.'))) {
    return `/merchant/applications/${applicationId}`;
  }
  if (ticketId && kind.startsWith('ticket.')) return `/merchant/tickets/${ticketId}`;
  if (kind.startsWith('terminal.')) return '/merchant/terminals';
  if (kind.startsWith('rate_change.')) return '/merchant/rate-changes';
  return null;
}

/** For the English page: the i18n key of a title the web can write itself, else null. */
export function titleKeyOf(kind: string): string | null {
  const known = [
    'application.submitted',
    'application.approved',
    'application.rejected',
    'application.withdrawn',
    'application.executed',
    'ticket.answered',
    'ticket.closed',
    'terminal.reported_lost',
    'terminal.shipped',
    'onboarding.executed',
    'rate_change.announced',
  ];
  return known.includes(kind) ? `kindTitle.${kind}` : null;
}
