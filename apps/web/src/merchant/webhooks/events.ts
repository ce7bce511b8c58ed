// The webhook events a merchant may subscribe to: every kind of notification the platform sends
// (a delivery's event is its notification's kind), and `*` for all of them.
export const WEBHOOK_EVENTS: readonly string[] = [
  '*',
  'application.submitted',
  'application.approved',
  'application.rejected',
  'application.withdrawn',
  'application.executed',
  'ticket.answered',
  'ticket.closed',
  'terminal.reported_lost',
  'terminal.shipped',
  'rate_change.announced',
];

/** The API's rule for an event name (WebhookEventName): `*`, or dotted lower-case words. */
export const EVENT_NAME = /^(\*|[a-z_]+(\.[a-z_]+)*)$/;

/** The first name the API would refuse, if any. */
export function invalidEvent(events: readonly string[]): string | undefined {
  return events.find((event) => !EVENT_NAME.test(event));
}

/** `http(s)://host…`, as the API takes it (z.url with protocol http or https). */
export function isWebhookUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
