// A merchant's terminals: the list, reporting one lost, and asking for a replacement or a return.
import { z } from 'zod';
import { listOf, ReasonRequest, TerminalIdParam } from './common.ts';

export const TerminalBody = z.object({
  terminalId: z.string(),
  serialNo: z.string(),
  status: z.enum(['pending_activation', 'active', 'frozen', 'deactivated']),
  /** Why it is frozen (`lost` when reported lost); null unless frozen. */
  frozenReason: z.string().nullable(),
  currentBatchNo: z.string(),
  lastSignInAt: z.string().nullable(),
  lastSignOffAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TerminalBody = z.infer<typeof TerminalBody>;

export const TerminalList = listOf(TerminalBody);
export type TerminalList = z.infer<typeof TerminalList>;

export const TerminalParams = z.object({ terminalId: TerminalIdParam });
export type TerminalParams = z.infer<typeof TerminalParams>;

export const ReportLostRequest = z.object({ note: z.string().trim().max(500).optional() });
export type ReportLostRequest = z.infer<typeof ReportLostRequest>;

/** A replacement (换机) or a return (退机), with its reason. */
export const TerminalChangeRequest = ReasonRequest;
export type TerminalChangeRequest = z.infer<typeof TerminalChangeRequest>;
