// A merchant's webhook endpoints and each endpoint's delivery log; the signing secret is shown
// once, when the endpoint is made.
import { z } from 'zod';
import { listOf } from './common.ts';

export const WebhookEventName = z
  .string()
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)*)$/, 'an event name such as application.executed, or *');
export type WebhookEventName = z.infer<typeof WebhookEventName>;

export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointList = listOf(WebhookEndpoint);
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

export const WebhookEndpointRequest = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  events: z.array(WebhookEventName).min(1).max(50),
});
export type WebhookEndpointRequest = z.infer<typeof WebhookEndpointRequest>;

/** A new endpoint with its signing secret, shown this once. */
export const WebhookEndpointCreated = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreated>;

export const WebhookDelivery = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryList = listOf(WebhookDelivery);
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
