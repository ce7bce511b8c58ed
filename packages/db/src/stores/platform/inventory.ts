// Terminal inventory (终端库存): devices added in stock, one allocated to a new merchant's terminal
// at the approval of its onboarding, shipped with a tracking number, delivered at first sign-in
// (the trigger of migration 0021 marks that).
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { terminalInventory, terminals } from '../../schema/index.ts';
import { rowsOf } from '../rows.ts';

export type InventoryRow = typeof terminalInventory.$inferSelect;
export const INVENTORY_STATUSES = ['in_stock', 'allocated', 'shipped', 'delivered'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

/** Whether a terminal already has the device `serialNo`. */
export async function serialNoInUse(db: Db, serialNo: string): Promise<boolean> {
  return (await db.$count(terminals, eq(terminals.serialNo, serialNo))) > 0;
}

/** Adds a device in stock; false when its serial number is already in the inventory. */
export async function addDevice(
  db: Db,
  input: { serialNo: string; model: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(terminalInventory)
    .values({ serialNo: input.serialNo, model: input.model, status: 'in_stock', addedAt: input.at })
    .onConflictDoNothing()
    .returning({ serialNo: terminalInventory.serialNo });
  return rows.length === 1;
}

/**
 * Takes one device in stock (the longest in stock first) under its lock, or undefined when none
 * is free. SKIP LOCKED: two approvals at once take two different devices instead of waiting.
 */
export async function takeDeviceInStock(db: Db): Promise<InventoryRow | undefined> {
  const result = await db.execute(sql`
    select serial_no from terminal_inventory
    where status = 'in_stock'
    order by added_at, serial_no
    limit 1
    for update skip locked`);
  const serialNo = rowsOf(result)[0]?.['serial_no'];
  if (typeof serialNo !== 'string') return undefined;
  return findDevice(db, serialNo);
}

/** Marks a device taken by `takeDeviceInStock` allocated to a merchant's new terminal. */
export async function allocateDevice(
  db: Db,
  input: {
    serialNo: string;
    terminalId: string;
    merchantId: string;
    applicationId: string;
    at: Date;
  },
): Promise<void> {
  const rows = await db
    .update(terminalInventory)
    .set({
      status: 'allocated',
      terminalId: input.terminalId,
      merchantId: input.merchantId,
      applicationId: input.applicationId,
      allocatedAt: input.at,
    })
    .where(
      and(eq(terminalInventory.serialNo, input.serialNo), eq(terminalInventory.status, 'in_stock')),
    )
    .returning({ serialNo: terminalInventory.serialNo });
  if (rows.length !== 1) throw new Error(`device ${input.serialNo} left stock under its lock`);
}

/** The device, locked for a change when `lock`. */
export async function findDevice(
  db: Db,
  serialNo: string,
  options: { readonly lock?: boolean } = {},
): Promise<InventoryRow | undefined> {
  const query = db.select().from(terminalInventory).where(eq(terminalInventory.serialNo, serialNo));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The device allocated at the approval of `applicationId`, if any. */
export async function deviceOfApplication(
  db: Db,
  applicationId: string,
): Promise<InventoryRow | undefined> {
  const [row] = await db
    .select()
    .from(terminalInventory)
    .where(eq(terminalInventory.applicationId, applicationId));
  return row;
}

/** Ships an allocated device; false when it is not (or no longer) allocated. */
export async function shipDevice(
  db: Db,
  input: { serialNo: string; carrier: string; trackingNo: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(terminalInventory)
    .set({
      status: 'shipped',
      carrier: input.carrier,
      trackingNo: input.trackingNo,
      shippedAt: input.at,
    })
    .where(
      and(
        eq(terminalInventory.serialNo, input.serialNo),
        eq(terminalInventory.status, 'allocated'),
      ),
    )
    .returning({ serialNo: terminalInventory.serialNo });
  return rows.length === 1;
}

/** Devices by status (all when none), newest first. */
export async function listDevices(
  db: Db,
  filter: { readonly status?: InventoryStatus; readonly limit: number },
): Promise<InventoryRow[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(terminalInventory.status, filter.status));
  return db
    .select()
    .from(terminalInventory)
    .where(and(...where))
    .orderBy(desc(terminalInventory.addedAt), asc(terminalInventory.serialNo))
    .limit(filter.limit);
}
