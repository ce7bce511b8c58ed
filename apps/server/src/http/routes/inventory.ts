// Terminal inventory and shipping (ops): devices added in stock, the inventory by status, and
// shipping an allocated device with its carrier and tracking number, which its merchant is told.
// Allocation happens at the approval of an onboarding (onboarding/approve.ts).
import type { FastifyRequest } from 'fastify';
import {
  AddDeviceRequest,
  DeviceBody,
  DeviceList,
  ErrorBody,
  InventoryListQuery,
  SerialNoParams,
  ShipDeviceRequest,
} from '@shoudan/contracts';
import { type Db, platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import { staffOf as staffOfAny } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import type { App, RegisterRoutes } from './index.ts';

const INVENTORY_ROLES = ['ops'] as const;

const iso = (at: Date | null) => at?.toISOString() ?? null;

function deviceBody(row: platform.inventory.InventoryRow): DeviceBody {
  return {
    serialNo: row.serialNo,
    model: row.model,
    status: row.status as DeviceBody['status'],
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    applicationId: row.applicationId,
    carrier: row.carrier,
    trackingNo: row.trackingNo,
    addedAt: row.addedAt.toISOString(),
    allocatedAt: iso(row.allocatedAt),
    shippedAt: iso(row.shippedAt),
    deliveredAt: iso(row.deliveredAt),
  };
}

export const registerInventoryRoutes: RegisterRoutes = (app, deps) => {
  registerStock(app, deps);
  registerShip(app, deps);
};

function registerStock(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/ops/inventory',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Add a device (POS机) to the inventory, in stock',
        body: AddDeviceRequest,
        response: { 201: DeviceBody, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      staffOf(request);
      return inTransaction(deps, request, reply, async (tx) => {
        const { serialNo, model } = request.body;
        const at = deps.services.clock.now();
        // A serial number names one device: not twice in stock, nor one a terminal already has.
        const taken = await platform.inventory.serialNoInUse(tx, serialNo);
        if (taken || !(await platform.inventory.addDevice(tx, { serialNo, model, at }))) {
          throw new OutcomeError({ code: 'serial_no_taken', param: 'serialNo' });
        }
        await audit(deps, tx, request, {
          action: 'inventory.device_added',
          objectType: 'device',
          objectId: serialNo,
          merchantId: null,
          detail: { model },
        });
        return { status: 201, body: deviceBody(await deviceOf(tx, serialNo)) };
      });
    },
  );
  app.get(
    '/v1/ops/inventory',
    {
      schema: {
        tags: ['inventory'],
        summary: 'The inventory by status, newest first',
        querystring: InventoryListQuery,
        response: { 200: DeviceList, 403: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request);
      const rows = await platform.inventory.listDevices(deps.services.db, request.query);
      return { data: rows.map(deviceBody) };
    },
  );
}

function registerShip(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/ops/inventory/:serialNo/ship',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Ship an allocated device (邮寄); its merchant is told the tracking number',
        params: SerialNoParams,
        body: ShipDeviceRequest,
        response: { 200: DeviceBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      staffOf(request);
      return inTransaction(deps, request, reply, async (tx) => {
        const { serialNo } = request.params;
        const device = await platform.inventory.findDevice(tx, serialNo, { lock: true });
        if (!device) throw new OutcomeError({ code: 'not_found', param: 'serialNo' });
        const at = deps.services.clock.now();
        const shipped = await platform.inventory.shipDevice(tx, { serialNo, ...request.body, at });
        if (!shipped || !device.merchantId || !device.terminalId) {
          throw new OutcomeError({
            code: 'device_not_allocated',
            detail: { status: device.status },
          });
        }
        const row = await deviceOf(tx, serialNo);
        await audit(deps, tx, request, {
          action: 'inventory.device_shipped',
          objectType: 'device',
          objectId: serialNo,
          merchantId: device.merchantId,
          detail: { ...request.body, terminalId: device.terminalId },
        });
        await notifyShipped(deps, tx, row);
        return { status: 200, body: deviceBody(row) };
      });
    },
  );
}

/** The inventory is ops' (admin's too). */
function staffOf(request: FastifyRequest) {
  return staffOfAny(request, INVENTORY_ROLES);
}

async function deviceOf(tx: Db, serialNo: string): Promise<platform.inventory.InventoryRow> {
  const row = await platform.inventory.findDevice(tx, serialNo);
  if (!row) throw new Error(`device ${serialNo} vanished in its transaction`);
  return row;
}

async function notifyShipped(
  deps: HttpDeps,
  tx: Db,
  row: platform.inventory.InventoryRow,
): Promise<void> {
  if (!row.merchantId) return;
  await platform.notifications.insertNotification(tx, {
    id: deps.ids.next(),
    merchantId: row.merchantId,
    at: deps.services.clock.now(),
    kind: 'terminal.shipped',
    title: '终端已寄出',
    body:
      `终端 ${row.terminalId ?? ''}（序列号 ${row.serialNo}）已由 ${row.carrier ?? ''} 寄出，` +
      `运单号 ${row.trackingNo ?? ''}。收到后开机签到即启用。`,
    detail: {
      serialNo: row.serialNo,
      terminalId: row.terminalId,
      carrier: row.carrier,
      trackingNo: row.trackingNo,
    },
    readAt: null,
  });
}
