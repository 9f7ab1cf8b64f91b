import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlledBalances, controlledEntries } from '../src/controlled.tables';
import { storeModule } from '../src/index';
import type { StoreServices } from '../src/services';
import { stockBatches } from '../src/store.tables';
import { ProductFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: StoreServices;
type Person = Awaited<ReturnType<typeof StaffFactory>>;
let vet: Person;
let nurseVet: Person;
let manager: Person;
let petId: number;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: NOW });
  s = platform.services.store;
  vet = await StaffFactory(platform, 'veterinarian', { licenseNumber: '12345678' });
  nurseVet = await StaffFactory(platform, 'veterinarian');
  manager = await StaffFactory(platform, 'manager');
  const owner = await OwnerFactory(platform);
  petId = (await PetFactory(platform, owner.actor)).id;
});
afterAll(async () => platform?.close());

/** A controlled product with one batch received through the store, so the book starts at the receipt. */
async function ketamine(units: number) {
  const product = await ProductFactory(platform, {
    name: 'Ketamina 100 mg/ml',
    requiresPrescription: true,
    isControlled: true,
    controlledGroup: 'III',
    stock: 0,
  });
  const batch = await s.inventory.receiveStock(manager.actor, {
    productId: product.id,
    quantity: units,
    batchNumber: 'K-1',
    expiryDate: '2027-01-31',
    costPerUnit: '410.00',
  });
  return { product, batch };
}

const bookOf = (batchId: number) =>
  platform.ctx.db.select().from(controlledEntries).where(eq(controlledEntries.batchId, batchId)).orderBy(asc(controlledEntries.id));
const unitsIn = async (batchId: number) => (await platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, batchId)))[0]!.quantity;

/** Each line's balance is the one before plus its units, from zero; the last equals the batch's stock and its balance row. */
async function expectRunningBalances(batchId: number) {
  const lines = await bookOf(batchId);
  let running = 0;
  for (const line of lines) {
    running += line.quantity;
    expect(line.balance, `line ${line.id} (${line.type})`).toBe(running);
  }
  const [row] = await platform.ctx.db.select().from(controlledBalances).where(eq(controlledBalances.batchId, batchId));
  expect(row?.balance ?? 0).toBe(running);
  expect(await unitsIn(batchId)).toBe(running);
  return { lines, final: running };
}

describe('the controlled-drug book', () => {
  it('books the receipt, an administration with dose, route and cédula, and a witnessed waste', async () => {
    const { product, batch } = await ketamine(10);
    const ref = { productId: product.id, batchId: batch.id };
    const dose = { ...ref, petId, quantity: 1, dose: '2.5', doseUnit: 'ml', route: 'IM' };
    await expect(s.book.administer(manager.actor, dose)).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.book.administer(nurseVet.actor, dose)).rejects.toMatchObject({ code: 'store.book_license_required' });
    await s.book.administer(vet.actor, { ...dose, visitId: 77 });
    await expect(s.book.waste(vet.actor, { ...ref, quantity: 2, witnessId: vet.user.id, reason: 'Frasco roto' })).rejects.toMatchObject({
      code: 'store.book_witness_required',
    });
    await s.book.waste(vet.actor, { ...ref, quantity: 2, witnessId: manager.user.id, reason: 'Frasco roto' });
    await expect(s.book.administer(vet.actor, { ...dose, quantity: 8 })).rejects.toMatchObject({ code: 'store.book_not_enough' });

    const { lines, final } = await expectRunningBalances(batch.id);
    expect(final).toBe(7);
    expect(lines).toMatchObject([
      { type: 'receipt', quantity: 10, balance: 10, by: manager.user.id },
      {
        type: 'administration',
        quantity: -1,
        balance: 9,
        petId,
        dose: '2.500',
        doseUnit: 'ml',
        route: 'IM',
        licenseNumber: '12345678',
        visitId: 77,
        reference: 'visit:77',
      },
      { type: 'waste', quantity: -2, balance: 7, witnessId: manager.user.id, reason: 'Frasco roto' },
    ]);
    const described = await s.book.entries(manager.actor, { productId: product.id });
    expect(described.map((e) => [e.type, e.patient, e.witness])).toEqual([
      ['receipt', null, null],
      ['administration', 'Luna', null],
      ['waste', null, manager.user.name],
    ]);
    await expect(s.inventory.adjustStock(manager.actor, { productId: product.id, quantityChange: -1, reason: 'damaged' })).rejects.toMatchObject({
      code: 'store.controlled_use_book',
    });
  });

  it('stock that predates the book opens it', async () => {
    const product = await ProductFactory(platform, { requiresPrescription: true, isControlled: true, controlledGroup: 'II', stock: 6 });
    const [batch] = await platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.productId, product.id));
    await s.book.administer(vet.actor, { productId: product.id, batchId: batch!.id, petId, quantity: 2, dose: '1', doseUnit: 'tab', route: 'PO' });
    const { lines } = await expectRunningBalances(batch!.id);
    expect(lines.map((l) => [l.type, l.quantity, l.balance])).toEqual([
      ['opening', 6, 6],
      ['administration', -2, 4],
    ]);
  });

  it('keeps every running balance right under racing entries, and never goes below zero', async () => {
    const { product, batch } = await ketamine(60);
    const ref = { productId: product.id, batchId: batch.id };
    const uses = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? s.book.waste(vet.actor, { ...ref, quantity: 1, witnessId: manager.user.id, reason: `Derrame ${i}` })
        : s.book.administer(vet.actor, { ...ref, petId, quantity: 2, dose: '0.5', doseUnit: 'ml', route: 'IV' }),
    );
    const receipts = Array.from({ length: 5 }, () =>
      s.inventory.receiveStock(manager.actor, { productId: product.id, quantity: 3, batchNumber: 'K-2', expiryDate: '2027-02-28', costPerUnit: '410.00' }),
    );
    const results = await Promise.allSettled([...uses, ...receipts]);
    const failed = results.filter((r) => r.status === 'rejected');
    // 30 administrations of 2 and 10 wastes of 1 want 70 of the batch's 60: some are refused, the rest add up.
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect((f as PromiseRejectedResult).reason).toMatchObject({ code: 'store.book_not_enough' });
    const { lines, final } = await expectRunningBalances(batch.id);
    const taken = lines.filter((l) => l.quantity < 0).reduce((n, l) => n - l.quantity, 0);
    expect(final).toBe(60 - taken);
    expect(final).toBeLessThan(2);
    expect(lines.length).toBe(1 + results.slice(0, 40).filter((r) => r.status === 'fulfilled').length);
    const newBatches = await platform.ctx.db
      .select()
      .from(stockBatches)
      .where(sql`${stockBatches.productId} = ${product.id} and ${stockBatches.id} <> ${batch.id}`);
    expect(newBatches).toHaveLength(5);
    for (const b of newBatches) expect((await expectRunningBalances(b.id)).final).toBe(3);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of its lines in SQL', async () => {
    const { batch } = await ketamine(4);
    const [line] = await bookOf(batch.id);
    // What PostgreSQL answers (drizzle wraps it as the cause): restrict_violation from the trigger.
    const refusal = (query: ReturnType<typeof sql>) =>
      platform.ctx.db.execute(query).then(
        () => 'allowed',
        (e: { cause?: { code?: string; message?: string } }) => `${e.cause?.code} ${e.cause?.message}`,
      );
    expect(await refusal(sql`update store.controlled_entries set quantity = 40 where id = ${line!.id}`)).toMatch(/^23001 .*append-only: UPDATE/);
    expect(await refusal(sql`delete from store.controlled_entries where id = ${line!.id}`)).toMatch(/^23001 .*append-only: DELETE/);
    expect(await refusal(sql`truncate store.controlled_entries cascade`)).toMatch(/^23001 .*append-only: TRUNCATE/);
    expect(await bookOf(batch.id)).toMatchObject([{ id: line!.id, quantity: 4, balance: 4 }]);
    expect(Object.keys(s.book)).not.toEqual(expect.arrayContaining(['update', 'remove', 'delete']));
  });
});

describe('a physical count', () => {
  it('matches, or a difference needs a reason and a second person, who posts the adjustment', async () => {
    const { product, batch } = await ketamine(12);
    const ref = { productId: product.id, batchId: batch.id };
    expect(await s.book.count(vet.actor, { ...ref, counted: 12 })).toMatchObject({ status: 'matched', difference: 0 });
    await expect(s.book.count(vet.actor, { ...ref, counted: 10 })).rejects.toMatchObject({ code: 'store.book_count_reason_required', statusCode: 422 });
    const short = await s.book.count(vet.actor, { ...ref, counted: 10, reason: 'Dos ámpulas no aparecen' });
    expect(short).toMatchObject({ status: 'pending', expected: 12, difference: -2 });
    expect(await bookOf(batch.id)).toHaveLength(1);
    await expect(s.book.approveCount(vet.actor, short.id)).rejects.toMatchObject({ code: 'store.count_second_person', statusCode: 403 });
    expect(await s.book.approveCount(manager.actor, short.id)).toMatchObject({ status: 'approved' });
    await expect(s.book.approveCount(manager.actor, short.id)).rejects.toMatchObject({ code: 'store.count_not_pending' });
    const { lines, final } = await expectRunningBalances(batch.id);
    expect(final).toBe(10);
    expect(lines.at(-1)).toMatchObject({ type: 'adjustment', quantity: -2, by: vet.user.id, witnessId: manager.user.id, reason: 'Dos ámpulas no aparecen' });

    const over = await s.book.count(manager.actor, { ...ref, counted: 11, reason: 'Ámpula devuelta del quirófano' });
    await s.book.administer(vet.actor, { ...ref, petId, quantity: 1, dose: '1', doseUnit: 'ml', route: 'IV' });
    await expect(s.book.approveCount(vet.actor, over.id)).rejects.toMatchObject({ code: 'store.count_stale' });
    const again = await s.book.count(manager.actor, { ...ref, counted: 11, reason: 'Ámpula devuelta del quirófano' });
    await s.book.approveCount(vet.actor, again.id);
    expect((await expectRunningBalances(batch.id)).final).toBe(11);
  });
});
