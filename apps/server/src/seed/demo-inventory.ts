// Demo devices in stock (终端库存), so that an onboarding application can be approved in the demo
// right away: each approval takes one, and ops add more with POST /v1/ops/inventory.
import { type Db, platform } from '@shoudan/db';

export const DEMO_DEVICE_MODEL = 'NEW9220';
export const DEMO_DEVICES = 5;

/** Serial numbers of the demo devices: `N86STOCK` + 4 digits. */
export function demoSerialNo(n: number): string {
  return `N86STOCK${String(n).padStart(4, '0')}`;
}

/** Adds the demo devices in stock; ones already there are left as they are. Returns the count. */
export async function seedDemoInventory(db: Db, input: { readonly at: Date }): Promise<number> {
  let added = 0;
  await db.transaction(async (tx) => {
    for (let n = 1; n <= DEMO_DEVICES; n++) {
      const device = { serialNo: demoSerialNo(n), model: DEMO_DEVICE_MODEL, at: input.at };
      if (await platform.inventory.addDevice(tx, device)) added += 1;
    }
  });
  return added;
}
