// Support tickets (客服工单) and their messages: opened by a merchant, answered by support staff,
// closed by either. A merchant's queries are scoped to it; staff see every merchant's.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { supportTickets, ticketMessages } from '../../schema/index.ts';
import { num, rowsOf } from '../rows.ts';

export type TicketRow = typeof supportTickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
export type TicketStatus = 'open' | 'answered' | 'closed';

/** The next number of the 工单编号 sequence. */
export async function nextTicketSeq(db: Db): Promise<number> {
  const result = await db.execute(sql`select nextval('ticket_no_seq') as n`);
  return num(rowsOf(result)[0]?.['n']);
}

export async function insertTicket(db: Db, row: TicketRow): Promise<void> {
  await db.insert(supportTickets).values(row);
}

export async function insertTicketMessage(db: Db, row: TicketMessageRow): Promise<void> {
  await db.insert(ticketMessages).values(row);
}

const scoped = (id: string, merchantId?: string) =>
  merchantId
    ? and(eq(supportTickets.id, id), eq(supportTickets.merchantId, merchantId))
    : eq(supportTickets.id, id);

/** The ticket (the merchant's own when `merchantId` is given), or undefined. */
export async function findTicket(
  db: Db,
  id: string,
  merchantId?: string,
): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(supportTickets).where(scoped(id, merchantId));
  return row;
}

/** As `findTicket`, locked for a change of its status. */
export async function lockTicket(
  db: Db,
  id: string,
  merchantId?: string,
): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(supportTickets).where(scoped(id, merchantId)).for('update');
  return row;
}

export async function setTicketStatus(
  db: Db,
  input: { readonly id: string; readonly status: TicketStatus; readonly closedAt: Date | null },
): Promise<void> {
  await db
    .update(supportTickets)
    .set({ status: input.status, closedAt: input.closedAt })
    .where(eq(supportTickets.id, input.id));
}

export type TicketFilter = {
  readonly merchantId?: string;
  readonly status?: TicketStatus;
  readonly limit: number;
};

/** Newest first. */
export async function listTickets(db: Db, filter: TicketFilter): Promise<TicketRow[]> {
  const where: SQL[] = [];
  if (filter.merchantId) where.push(eq(supportTickets.merchantId, filter.merchantId));
  if (filter.status) where.push(eq(supportTickets.status, filter.status));
  return db
    .select()
    .from(supportTickets)
    .where(and(...where))
    .orderBy(desc(supportTickets.createdAt), desc(supportTickets.id))
    .limit(filter.limit);
}

/** The ticket's conversation, oldest first. */
export async function ticketMessagesOf(db: Db, ticketId: string): Promise<TicketMessageRow[]> {
  return db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.at), asc(ticketMessages.id));
}
