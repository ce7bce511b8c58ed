// Where notifications lead: an application's to its detail, a ticket's to the conversation,
// terminal and rate-change notices to their pages, anything else nowhere.
import { describe, expect, it } from 'vitest';
import { linkOf, titleKeyOf } from './links.ts';

describe('notification links', () => {
  it('leads to the application, the ticket or the page of the kind', () => {
    expect(linkOf({ kind: 'application.executed', detail: { applicationId: 'a1' } })).toBe(
      '/merchant/applications/a1',
    );
    expect(linkOf({ kind: 'ticket.answered', detail: { ticketId: 't1' } })).toBe(
      '/merchant/tickets/t1',
    );
    expect(linkOf({ kind: 'terminal.reported_lost', detail: {} })).toBe('/merchant/terminals');
    expect(linkOf({ kind: 'rate_change.announced', detail: {} })).toBe('/merchant/rate-changes');
    expect(linkOf({ kind: 'application.executed', detail: {} })).toBeNull();
    expect(linkOf({ kind: 'something.else', detail: { applicationId: 'a1' } })).toBeNull();
  });

  it('knows the titles it can write in English', () => {
    expect(titleKeyOf('application.rejected')).toBe('kindTitle.application.rejected');
    expect(titleKeyOf('something.else')).toBeNull();
  });
});
