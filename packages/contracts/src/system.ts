// GET /health (liveness) and GET /status (the database, the business date, counts).
import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof Health>;

export const SystemStatus = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['postgres', 'pglite']), location: z.string() }),
  now: z.string(),
  businessDate: z.string(),
  cutoffTime: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type SystemStatus = z.infer<typeof SystemStatus>;
