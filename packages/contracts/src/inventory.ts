// Terminal inventory and shipping (ops): adding devices in stock, the inventory by status, and
// shipping an allocated device with its carrier and tracking number.
import { z } from 'zod';
import { listOf } from './common.ts';

/** Where a device is (@shoudan/db `INVENTORY_STATUSES`; constants.test.ts keeps them equal). */
export const InventoryStatus = z.enum(['in_stock', 'allocated', 'shipped', 'delivered']);
export type InventoryStatus = z.infer<typeof InventoryStatus>;

export const SerialNo = z
  .string()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '4 to 32 letters, digits or dashes');
export type SerialNo = z.infer<typeof SerialNo>;

export const DeviceBody = z.object({
  serialNo: z.string(),
  model: z.string(),
  status: InventoryStatus,
  terminalId: z.string().nullable(),
  merchantId: z.string().nullable(),
  applicationId: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  addedAt: z.string(),
  allocatedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type DeviceBody = z.infer<typeof DeviceBody>;

export const DeviceList = listOf(DeviceBody);
export type DeviceList = z.infer<typeof DeviceList>;

export const AddDeviceRequest = z.object({
  serialNo: SerialNo,
  model: z.string().trim().min(1).max(60),
});
export type AddDeviceRequest = z.infer<typeof AddDeviceRequest>;

export const InventoryListQuery = z.object({
  status: InventoryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type InventoryListQuery = z.infer<typeof InventoryListQuery>;

export const SerialNoParams = z.object({ serialNo: SerialNo });
export type SerialNoParams = z.infer<typeof SerialNoParams>;

export const ShipDeviceRequest = z.object({
  carrier: z.string().trim().min(1).max(40),
  trackingNo: z.string().regex(/^[0-9A-Za-z-]{6,40}$/, '6 to 40 letters or digits'),
});
export type ShipDeviceRequest = z.infer<typeof ShipDeviceRequest>;
