import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { type StoreServices, storeModule } from '@petfriendly/store';
import { controlledEntries } from '@petfriendly/store/controlled-tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CancelInput, PacProvider } from '../src/cfdi/index';
import { createBillingModule } from '../src/index';
import { statusAfterPayment } from '../src/invoice.service';
import type { BillingServices } from '../src/services';

/** A PAC on a script: stamps with a fresh UUID and records what it was asked. */
const stamped: string[] = [];
const cancelled: CancelInput[] = [];
const scriptedPac: PacProvider = {
  name: 'scripted',
  stamps: true,
  async stamp(xml) {
    stamped.push(xml);
    return {
      uuid: `5f1e6c5a-0b1c-4c55-9a1e-${String(stamped.length).padStart(12, '0')}`,
      xml,
      stampedAt: '2026-03-10T10:00:05',
      satCertificateNumber: '30001000000500003456',
      pacId: `fac-${stamped.length}`,
    };
  },
  async cancel(input) {
    cancelled.push(input);
    return { status: input.motive === '02' ? 'cancelled' : 'pending' };
  },
};

let platform: TestPlatform;
let s: BillingServices;
let store: StoreServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
const fiscal = { rfc: 'XOJI740919U48', legalName: 'Ingrid Xodar Jiménez', regimenFiscal: '612', postalCode: '88965', usoCfdi: 'G03' };

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, multilingualModule, storeModule, createBillingModule({ pac: scriptedPac })],
    { now: '2026-03-10T16:00:00Z' },
  );
  s = platform.services.billing;
  store = platform.services.store;
  vet = await StaffFactory(platform, 'veterinarian');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

async function paidOrderInvoice() {
  const owner = await OwnerFactory(platform);
  const p = await ProductFactory(platform, { price: '120.00' });
  await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id });
  const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
  await s.payments.recordPayment(vet.actor, order.invoiceId!, { amount: order.total, method: 'cash' });
  await s.fiscal.saveFiscalProfile(owner.actor, fiscal);
  return { owner, invoiceId: order.invoiceId! };
}

describe('stamping through a PAC', () => {
  it('stores the UUID and the PAC id, and cancels with the SAT motive', async () => {
    const { owner, invoiceId } = await paidOrderInvoice();
    const issued = await s.cfdi.issueCfdi(owner.actor, invoiceId);
    expect(issued).toMatchObject({ cfdiStatus: 'stamped', cfdiPacId: `fac-${stamped.length}` });
    expect(issued.cfdiUuid).toMatch(/^5f1e6c5a-/);
    expect(stamped.at(-1)).toContain('Sello="');
    await expect(s.cfdi.cancelCfdi(vet.actor, invoiceId, { motive: '02' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '01' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'replacementUuid' })],
    });
    const done = await s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '02' });
    expect(done).toMatchObject({ cfdiStatus: 'cancelled', cfdiCancelMotive: '02' });
    expect(cancelled.at(-1)).toMatchObject({ uuid: issued.cfdiUuid, motive: '02', pacId: issued.cfdiPacId, issuerRfc: 'EKU9003173C9' });
  });

  it('a cancellation the receiver must accept stays pending', async () => {
    const { owner, invoiceId } = await paidOrderInvoice();
    const first = await s.cfdi.issueCfdi(owner.actor, invoiceId);
    const done = await s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '01', replacementUuid: '6a2b7c8d-1111-4222-8333-944455556666' });
    expect(done.cfdiStatus).toBe('cancel_pending');
    expect(cancelled.at(-1)).toMatchObject({ uuid: first.cfdiUuid, replacementUuid: '6a2b7c8d-1111-4222-8333-944455556666' });
  });
});

describe('controlled substances at the desk', () => {
  it('need a current prescription for the invoice’s pet, and each one handed over is logged', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const tramadol = await ProductFactory(platform, {
      name: 'Tramadol 50 mg',
      requiresPrescription: true,
      isControlled: true,
      prescriptionName: 'tramadol',
      stock: 5,
    });
    const invoice = await s.invoices.createManual(vet.actor, { ownerId: owner.user.id });
    const stranger = await OwnerFactory(platform);
    const strangersPet = await PetFactory(platform, stranger.actor);
    await expect(s.invoices.setPet(vet.actor, invoice.id, strangersPet.id)).rejects.toMatchObject({ statusCode: 422, code: 'billing.pet_not_owners' });
    await expect(s.invoices.addLine(vet.actor, invoice.id, { productId: tramadol.id, quantity: 1 })).rejects.toMatchObject({ code: 'store.rx_pet_required' });
    await s.invoices.setPet(vet.actor, invoice.id, pet.id);
    await expect(s.invoices.addLine(vet.actor, invoice.id, { productId: tramadol.id, quantity: 1 })).rejects.toMatchObject({ code: 'store.rx_missing' });
    expect(await platform.ctx.db.select().from(controlledEntries).where(eq(controlledEntries.productId, tramadol.id))).toEqual([]);
    const vetClinic = platform.services['vet-clinic'];
    const rx = (await vetClinic.records.addMedication(
      pet.id,
      { name: 'Tramadol', dosage: '50 mg', frequency: 'cada 12 h', route: 'oral', startDate: '2026-03-10', endDate: '2026-03-15' },
      vet.actor,
    )) as { id: number };
    await s.invoices.addLine(vet.actor, invoice.id, { productId: tramadol.id, quantity: 2 });
    // The factory's stock predates the book: it opens with those 5, then the dispensing.
    const book = await platform.ctx.db.select().from(controlledEntries).where(eq(controlledEntries.productId, tramadol.id)).orderBy(controlledEntries.id);
    expect(book).toMatchObject([
      { type: 'opening', quantity: 5, balance: 5 },
      {
        type: 'dispensing',
        quantity: -2,
        balance: 3,
        petId: pet.id,
        ownerId: owner.user.id,
        prescriptionId: rx.id,
        by: vet.user.id,
        reference: `invoice:${invoice.id}`,
      },
    ]);
    const owners = await store.carts.admissible(owner.actor, { ownerId: owner.user.id }, tramadol.id, pet.id).catch((e) => e);
    expect(owners).toMatchObject({ code: 'store.controlled_in_clinic_only' });
  });
});

describe('invoice status after payments', () => {
  it.each([
    ['nothing paid, not due', '0.00', '100.00', '2026-03-20', 'sent'],
    ['nothing paid, past due', '0.00', '100.00', '2026-03-01', 'overdue'],
    ['part paid', '40.00', '100.00', '2026-03-20', 'partial'],
    ['part paid, past due', '40.00', '100.00', '2026-03-01', 'overdue'],
    ['paid to the cent', '100.00', '100.00', '2026-03-01', 'paid'],
    ['refunded back to nothing', '0.00', '100.00', null, 'sent'],
  ] as const)('%s → %s', (_name, paid, total, dueDate, expected) => {
    expect(statusAfterPayment({ status: 'sent', dueDate }, paid, total, '2026-03-10')).toBe(expected);
  });
});
