// A merchant's terminals as the merchant platform shows and changes them: the list, one locked
// for a change, freezing (report lost) and deactivation (return, replacement). Scoped to one
// merchant: another merchant's terminal is never found.
import { and, asc, eq } from 'drizzle-orm';
import type { TerminalStatus } from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { terminals } from '../../schema/index.ts';

export type TerminalRow = typeof terminals.$inferSelect;

export async function listTerminals(db: Db, merchantId: string): Promise<TerminalRow[]> {
  return db
    .select()
    .from(terminals)
    .where(eq(terminals.merchantId, merchantId))
    .orderBy(asc(terminals.terminalId));
}

export async function findTerminal(
  db: Db,
  merchantId: string,
  terminalId: string,
): Promise<TerminalRow | undefined> {
  const [row] = await db
    .select()
    .from(terminals)
    .where(and(eq(terminals.terminalId, terminalId), eq(terminals.merchantId, merchantId)));
  return row;
}

/**
 * The merchant's terminal under its row lock, for a change: a payment of the terminal in flight
 * finishes first, and every later one reads the change.
 */
export async function lockTerminal(
  db: Db,
  merchantId: string,
  terminalId: string,
): Promise<TerminalRow | undefined> {
  const [row] = await db
    .select()
    .from(terminals)
    .where(and(eq(terminals.terminalId, terminalId), eq(terminals.merchantId, merchantId)))
    .for('update');
  return row;
}

/** Sets the terminal's status; a frozen terminal carries why, any other status no reason. */
export async function setTerminalStatus(
  db: Db,
  input: {
    readonly merchantId: string;
    readonly terminalId: string;
    readonly status: TerminalStatus;
    readonly frozenReason?: string;
  },
): Promise<TerminalRow | undefined> {
  const [row] = await db
    .update(terminals)
    .set({
      status: input.status,
      frozenReason: input.status === 'frozen' ? (input.frozenReason ?? null) : null,
    })
    .where(
      and(eq(terminals.terminalId, input.terminalId), eq(terminals.merchantId, input.merchantId)),
    )
    .returning();
  return row;
}
