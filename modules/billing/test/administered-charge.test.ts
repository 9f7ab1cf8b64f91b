import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { StoreServices } from '@petfriendly/store';
import { controlledEntries } from '@petfriendly/store/controlled-tables';
import { stockBatches, stockLevels } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../apps/server/test/helpers';
import type { BillingServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let t: TestApp;
let billing: BillingServices;
let store: StoreServices;
let vetClinic: VetClinicServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  billing = t.platform.services.billing as BillingServices;
  store = t.platform.services.store as StoreServices;
  vetClinic = t.platform.services['vet-clinic'] as VetClinicServices;
  vet = await StaffFactory(t.platform, 'veterinarian', { licenseNumber: '12345678' });
  desk = await StaffFactory(t.platform, 'receptionist');
}, 300_000);
afterAll(async () => t?.close());

const level = async (productId: number) => (await t.platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;

/** A controlled drug (10 ampoules in one batch) given in a visit through the book, and recorded in the visit as medication to charge. */
async function administeredInVisit(doses: number, charged: number, prescribed: boolean) {
  const owner = await OwnerFactory(t.platform);
  const pet = await PetFactory(t.platform, owner.actor);
  const visit = await VisitFactory(t.platform, pet.id, vet.actor, { visitDate: '2026-03-10T15:00:00Z' });
  const drug = await ProductFactory(t.platform, {
    name: 'Butorfanol 10 mg/ml',
    price: '320.00',
    isControlled: true,
    requiresPrescription: true,
    prescriptionName: 'Butorfanol',
    controlledGroup: 'II',
    stock: 10,
  });
  if (prescribed) {
    await vetClinic.records.addMedication(
      pet.id,
      { name: 'Butorfanol', dosage: '0.2 mg/kg', frequency: 'cada 8 h', route: 'oral', startDate: '2026-03-10' },
      vet.actor,
    );
  }
  const [batch] = await t.platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.productId, drug.id));
  await store.book.administer(vet.actor, {
    productId: drug.id,
    batchId: batch!.id,
    petId: pet.id,
    visitId: visit.id,
    quantity: doses,
    dose: '0.2',
    doseUnit: 'ml',
    route: 'IV',
  });
  const item = await vetClinic.visitItems.addItem(vet.actor, visit.id, { kind: 'medication', catalogue: `product:${drug.id}`, quantity: String(charged) });
  const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id, petId: pet.id });
  return { drug, item, invoice, owner, pet };
}

describe('charging a controlled drug that was administered in the visit', () => {
  it('the invoice line for the doses given moves no stock and writes no second book line', async () => {
    const { drug, item, invoice } = await administeredInVisit(2, 2, true);
    expect(await level(drug.id)).toBe(8);
    const charged = await billing.charges.addToInvoice(desk.actor, invoice.id, [item.id]);
    const line = charged.lines.find((l) => l.productId === drug.id)!;
    expect([Number(line.quantity), line.stockTaken]).toEqual([2, 0]);
    // The units left the shelf once, when they were given.
    expect(await level(drug.id)).toBe(8);
    const book = await t.platform.ctx.db
      .select({ type: controlledEntries.type, quantity: controlledEntries.quantity })
      .from(controlledEntries)
      .where(eq(controlledEntries.productId, drug.id))
      .orderBy(asc(controlledEntries.id));
    expect(book).toEqual([
      { type: 'opening', quantity: 10 },
      { type: 'administration', quantity: -2 },
    ]);
    // Removing the line puts nothing back: the doses were given.
    await billing.invoices.removeLine(desk.actor, invoice.id, line.id);
    expect(await level(drug.id)).toBe(8);
  }, 120_000);

  it('charging more units than were given takes only the difference, which needs a prescription as any sale', async () => {
    const { drug, item, invoice } = await administeredInVisit(1, 3, true);
    const charged = await billing.charges.addToInvoice(desk.actor, invoice.id, [item.id]);
    expect(charged.lines.find((l) => l.productId === drug.id)!.stockTaken).toBe(2);
    expect(await level(drug.id)).toBe(7);
  }, 120_000);

  it('a dose given in the visit is charged without a prescription in the record: nothing is dispensed', async () => {
    const { drug, item, invoice } = await administeredInVisit(1, 1, false);
    const charged = await billing.charges.addToInvoice(desk.actor, invoice.id, [item.id]);
    expect(charged.lines.find((l) => l.productId === drug.id)!.stockTaken).toBe(0);
    expect(await level(drug.id)).toBe(9);
    const more = await administeredInVisit(1, 2, false);
    await expect(billing.charges.addToInvoice(desk.actor, more.invoice.id, [more.item.id])).rejects.toMatchObject({ code: 'store.rx_missing' });
  }, 120_000);
});
