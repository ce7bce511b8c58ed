// Which of a terminal's actions apply, decided here so the API is never asked to refuse one: a
// deactivated terminal takes none; one already reported lost is not reported again; a replacement
// or a return waits while another of either is open (submitted or approved) for that terminal.
import type { ApplicationBody, TerminalBody } from '@shoudan/contracts';

export type TerminalAction = 'reportLost' | 'replacement' | 'return';

export type TerminalActions = Readonly<Record<TerminalAction, boolean>>;

const OPEN: ReadonlySet<string> = new Set(['submitted', 'approved']);

/** The open replacement or return of each terminal, by terminal id. */
export function openChanges(
  applications: readonly ApplicationBody[],
): ReadonlyMap<string, ApplicationBody> {
  const open = new Map<string, ApplicationBody>();
  for (const application of applications) {
    const terminalId = application.payload['terminalId'];
    if (!OPEN.has(application.status) || typeof terminalId !== 'string') continue;
    if (!open.has(terminalId)) open.set(terminalId, application);
  }
  return open;
}

export function actionsFor(
  terminal: Pick<TerminalBody, 'status' | 'frozenReason'>,
  hasOpenChange: boolean,
): TerminalActions {
  if (terminal.status === 'deactivated') {
    return { reportLost: false, replacement: false, return: false };
  }
  const lost = terminal.status === 'frozen' && terminal.frozenReason === 'lost';
  return { reportLost: !lost, replacement: !hasOpenChange, return: !hasOpenChange };
}
