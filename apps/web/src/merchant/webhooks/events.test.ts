// The form's checks of a webhook endpoint match the API's: event names and http(s) URLs.
import { describe, expect, it } from 'vitest';
import { invalidEvent, isWebhookUrl } from './events.ts';

describe('webhook form checks', () => {
  it('accepts * and dotted event names, and names the first bad one', () => {
    expect(invalidEvent(['*', 'application.executed', 'ticket.answered'])).toBeUndefined();
    expect(invalidEvent(['application.executed', 'Bad Event', 'x'])).toBe('Bad Event');
  });

  it('takes http and https URLs only', () => {
    expect(isWebhookUrl('https://example.com/hooks')).toBe(true);
    expect(isWebhookUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(isWebhookUrl('ftp://example.com')).toBe(false);
    expect(isWebhookUrl('example.com')).toBe(false);
  });
});
