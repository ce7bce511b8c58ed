// zod schemas shared by the routes: ids, phone numbers, money as decimal strings, the error body.
import { z } from 'zod';

export const PHONE = /^1[0-9]{10}$/;

export const Id = z.uuid();

/** Integer fen as a decimal string (bigint-safe in JSON). */
export const Fen = z.string().regex(/^-?\d{1,18}$/, 'an integer number of fen, as a string');

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  param: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ApplicationBody = z.object({
  id: z.string(),
  applicationNo: z.string(),
  kind: z.string(),
  merchantId: z.string().nullable(),
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn', 'executed']),
  reason: z.string(),
  payload: z.record(z.string(), z.unknown()),
  submittedAt: z.string(),
  submittedBy: z.object({ kind: z.string(), id: z.string().nullable() }),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});

export const TimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
