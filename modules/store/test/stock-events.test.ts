import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { money, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModule } from '../src/index';
import type { StoreServices } from '../src/services';
import { stockLevels } from '../src/store.tables';
import { ProductFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: StoreServices;
let staff: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: NOW });
  s = platform.services.store;
  staff = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

type Moved = {
  movementId: number;
  productId: number;
  batchId: number;
  quantity: number;
  quantityAfter: number;
  reason: string;
  unitCost: string;
  costAmount: string;
  reference: string;
};

async function stockEvents<P>(name: string, productId: number): Promise<P[]> {
  const rows = await platform.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.name, name), sql`(${outbox.payload} ->> 'productId')::int = ${productId}`))
    .orderBy(asc(outbox.position));
  return rows.map((r) => r.payload as P);
}

const levelOf = async (productId: number) => (await platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;

describe('store.stock_received and store.stock_moved', () => {
  it('every change of stock is an event at its batch unit cost, and the events add up to the stock and its value', async () => {
    const product = await ProductFactory(platform, { price: '300.00', stock: 0 });
    await expect(s.inventory.receiveStock(staff.actor, { productId: product.id, quantity: 5, expiryDate: '2026-09-30' })).rejects.toMatchObject({
      code: 'validation.invalid_input',
    });
    const early = await s.inventory.receiveStock(staff.actor, {
      productId: product.id,
      quantity: 4,
      batchNumber: 'A-1',
      expiryDate: '2026-06-30',
      costPerUnit: '150.25',
      supplier: 'Distribuidora Norte',
    });
    const late = await s.inventory.receiveStock(staff.actor, {
      productId: product.id,
      quantity: 6,
      batchNumber: 'B-2',
      expiryDate: '2027-01-31',
      costPerUnit: '162.40',
    });

    const received = await stockEvents<{ batchId: number; quantity: number; unitCost: string; costAmount: string; supplier: string; batchNumber: string }>(
      'store.stock_received',
      product.id,
    );
    expect(received).toMatchObject([
      { batchId: early.id, batchNumber: 'A-1', quantity: 4, unitCost: '150.25', costAmount: '601.00', supplier: 'Distribuidora Norte' },
      { batchId: late.id, batchNumber: 'B-2', quantity: 6, unitCost: '162.40', costAmount: '974.40', supplier: '' },
    ]);

    // A sale of 5 takes the 4 of the earlier batch and 1 of the later one, each at its own cost.
    const owner = await OwnerFactory(platform);
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity: 5 });
    const order = await s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    await s.inventory.adjustStock(staff.actor, { productId: product.id, quantityChange: -1, reason: 'damaged', notes: 'Envase roto' });
    await s.inventory.adjustStock(staff.actor, { productId: product.id, quantityChange: 2, reason: 'count', batchId: late.id });
    await s.orders.cancelOwnOrder(owner.actor, order.id);

    const moved = await stockEvents<Moved>('store.stock_moved', product.id);
    expect(moved.map((m) => [m.reason, m.batchId, m.quantity, m.unitCost, m.costAmount])).toEqual([
      ['sale', early.id, -4, '150.25', '-601.00'],
      ['sale', late.id, -1, '162.40', '-162.40'],
      ['damaged', late.id, -1, '162.40', '-162.40'],
      ['count', late.id, 2, '162.40', '324.80'],
      ['order_cancelled', early.id, 4, '150.25', '601.00'],
      ['order_cancelled', late.id, 1, '162.40', '162.40'],
    ]);
    expect(moved.filter((m) => m.reason === 'sale' || m.reason === 'order_cancelled').every((m) => m.reference === `order:${order.id}`)).toBe(true);
    expect(moved.find((m) => m.reason === 'damaged')!.reference).toMatch(/^adjustment:\d+$/);
    for (const m of moved) expect(money(m.unitCost).times(m.quantity).toFixed(2)).toBe(m.costAmount);

    // Replayed from the events alone, the units and their value are what the batches hold.
    const units = received.reduce((n, r) => n + r.quantity, 0) + moved.reduce((n, m) => n + m.quantity, 0);
    expect(units).toBe(await levelOf(product.id));
    expect(moved.at(-1)!.quantityAfter).toBe(units);
    const value = [...received.map((r) => r.costAmount), ...moved.map((m) => m.costAmount)].reduce((a, v) => a.plus(v), money(0));
    const batches = await s.inventory.checkStock(staff.actor, product.id);
    expect(value.toFixed(2)).toBe(batches.batches.reduce((a, b) => a.plus(money(b.costPerUnit).times(b.quantity)), money(0)).toFixed(2));
  });

  it('an expired batch written off is an expiry movement at its cost', async () => {
    const product = await ProductFactory(platform, { price: '90.00', stock: 0 });
    const batch = await s.inventory.receiveStock(staff.actor, { productId: product.id, quantity: 3, expiryDate: '2026-03-20', costPerUnit: '41.10' });
    await s.inventory.adjustStock(staff.actor, { productId: product.id, quantityChange: -3, reason: 'expired', batchId: batch.id });
    const [moved] = await stockEvents<Moved>('store.stock_moved', product.id);
    expect(moved).toMatchObject({ reason: 'expired', batchId: batch.id, quantity: -3, quantityAfter: 0, unitCost: '41.10', costAmount: '-123.30' });
  });
});
