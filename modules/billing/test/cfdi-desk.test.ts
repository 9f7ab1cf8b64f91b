import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CancelInput, type PacProvider, validateCfdi, verifySello } from '../src/cfdi/index';
import { createBillingModule } from '../src/index';

// A PAC on a script: stamps with a fresh UUID; its cancellations come back with the SAT's acuse.
let stamps = 0;
const acuseOf = (input: CancelInput) =>
  `<?xml version="1.0" encoding="utf-8"?><Acuse Fecha="2026-03-10T10:05:00" RfcEmisor="${input.issuerRfc}"><Folios xmlns="http://cancelacfd.sat.gob.mx"><UUID>${input.uuid}</UUID><EstatusUUID>201</EstatusUUID></Folios></Acuse>`;
const scriptedPac: PacProvider = {
  name: 'scripted',
  stamps: true,
  async stamp(xml) {
    stamps += 1;
    return {
      uuid: `7c2d1e0f-3a4b-4c5d-8e9f-${String(stamps).padStart(12, '0')}`,
      xml,
      stampedAt: '2026-03-10T10:00:05',
      satCertificateNumber: '1',
      pacId: `p-${stamps}`,
    };
  },
  async cancel(input) {
    return { status: 'cancelled', acuse: acuseOf(input) };
  },
};

const fiscal = { rfc: 'XOJI740919U48', legalName: 'Ingrid Xodar Jiménez', regimenFiscal: '612', postalCode: '88965', usoCfdi: 'G03' };
type Staff = Awaited<ReturnType<typeof StaffFactory>>;

/** Two clinics on one clock: the embedded one (no PAC) and one that stamps. */
let local: TestPlatform;
let stamping: TestPlatform;
const billing = (p: TestPlatform) => p.services.billing;
const staff: Record<string, Record<'desk' | 'manager' | 'vet', Staff>> = {};

beforeAll(async () => {
  const modules = [accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, multilingualModule, storeModule];
  local = await createTestPlatform([...modules, createBillingModule()], { now: '2026-03-10T16:00:00Z' });
  stamping = await createTestPlatform([...modules, createBillingModule({ pac: scriptedPac })], { now: '2026-03-10T16:00:00Z' });
  for (const [name, p] of [
    ['local', local],
    ['stamping', stamping],
  ] as const) {
    staff[name] = {
      desk: await StaffFactory(p, 'receptionist'),
      manager: await StaffFactory(p, 'manager'),
      vet: await StaffFactory(p, 'veterinarian'),
    };
  }
});
afterAll(async () => {
  await local?.close();
  await stamping?.close();
});

/** An order paid at the desk (cash unless told), in the platform's current month. */
async function paidSale(p: TestPlatform, price: string, payment: Record<string, string> = { method: 'cash' }) {
  const store = p.services.store;
  const owner = await OwnerFactory(p);
  const product = await ProductFactory(p, { price, stock: 10 });
  await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id });
  const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
  const desk = staff[p === local ? 'local' : 'stamping']!.desk;
  await billing(p).payments.recordPayment(desk.actor, order.invoiceId!, { amount: order.total, ...payment });
  return { owner, order, invoiceId: order.invoiceId! };
}

describe('card at the terminal', () => {
  it('a debit card is forma de pago 28 and a credit card 04, in a CFDI that passes the SAT XSD', async () => {
    const s = billing(local);
    const { desk } = staff.local!;
    const debit = await paidSale(local, '150.00', { method: 'manual_card', cardType: 'debit' });
    const credit = await paidSale(local, '150.00', { method: 'manual_card', cardType: 'credit' });
    for (const [sale, forma] of [
      [debit, '28'],
      [credit, '04'],
    ] as const) {
      await s.fiscal.saveFiscalProfile(sale.owner.actor, fiscal);
      const xml = (await s.cfdi.issueCfdi(desk.actor, sale.invoiceId)).cfdiXml!;
      expect(xml).toContain(`FormaPago="${forma}"`);
      expect(await validateCfdi(xml)).toMatchObject({ valid: true });
      expect(verifySello(xml)).toMatchObject({ valid: true });
    }
    const detail = await s.invoices.getInvoice(desk.actor, debit.invoiceId);
    expect(detail.payments.map((p) => [p.paymentMethod, p.cardType])).toEqual([['manual_card', 'debit']]);
  });

  it('the desk must say which card it was; nothing is recorded until it does', async () => {
    const s = billing(local);
    const { desk } = staff.local!;
    const store = local.services.store;
    const owner = await OwnerFactory(local);
    const product = await ProductFactory(local, { price: '99.00', stock: 5 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    await expect(s.payments.recordPayment(desk.actor, order.invoiceId!, { amount: order.total, method: 'manual_card' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'cardType' })],
    });
    expect((await s.invoices.getInvoice(desk.actor, order.invoiceId!)).payments).toEqual([]);
  });
});

describe('cancelling a CFDI', () => {
  it('a stamped CFDI, once cancelled, keeps its XML and the SAT’s acuse, both downloadable by staff and its owner', async () => {
    const s = billing(stamping);
    const { manager } = staff.stamping!;
    const { owner, invoiceId } = await paidSale(stamping, '230.00');
    await s.fiscal.saveFiscalProfile(owner.actor, fiscal);
    const issued = await s.cfdi.issueCfdi(owner.actor, invoiceId);
    const done = await s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '02' });
    expect(done).toMatchObject({ cfdiStatus: 'cancelled', cfdiCancelMotive: '02', cfdiXml: issued.cfdiXml, cfdiUuid: issued.cfdiUuid });
    expect(done.cfdiCancelledAt).not.toBeNull();
    for (const who of [manager, owner]) {
      const xml = await s.cfdi.cfdiFile(who.actor, invoiceId, 'xml');
      expect(xml.body).toBe(issued.cfdiXml);
      expect(await validateCfdi(String(xml.body))).toMatchObject({ valid: true });
      const acuse = await s.cfdi.cfdiFile(who.actor, invoiceId, 'acuse');
      expect(acuse).toMatchObject({ filename: `${issued.cfdiUuid}-acuse.xml`, type: 'application/xml' });
      expect(acuse.body).toContain(`<UUID>${issued.cfdiUuid}</UUID>`);
    }
    const stranger = await OwnerFactory(stamping);
    await expect(s.cfdi.cfdiFile(stranger.actor, invoiceId, 'acuse')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a sealed-only CFDI, once cancelled, keeps its XML (no acuse: the SAT never saw it) and is not issued again over it', async () => {
    const s = billing(local);
    const { manager, desk } = staff.local!;
    const { owner, invoiceId } = await paidSale(local, '120.00');
    await s.fiscal.saveFiscalProfile(owner.actor, fiscal);
    const issued = await s.cfdi.issueCfdi(owner.actor, invoiceId);
    expect(issued).toMatchObject({ cfdiStatus: 'sealed', cfdiUuid: null });
    const done = await s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '03' });
    expect(done).toMatchObject({ cfdiStatus: 'cancelled', cfdiCancelMotive: '03', cfdiXml: issued.cfdiXml, cfdiAcuse: null });
    expect((await s.cfdi.cfdiFile(desk.actor, invoiceId, 'xml')).body).toBe(issued.cfdiXml);
    await expect(s.cfdi.cfdiFile(desk.actor, invoiceId, 'acuse')).rejects.toMatchObject({ code: 'billing.no_acuse', statusCode: 404 });
    await expect(s.cfdi.issueCfdi(owner.actor, invoiceId)).rejects.toMatchObject({ code: 'billing.cfdi_exists' });
    await expect(s.cfdi.cancelCfdi(manager.actor, invoiceId, { motive: '02' })).rejects.toMatchObject({ code: 'billing.no_cfdi' });
  });
});

describe('the monthly global invoice at the desk', () => {
  it('reports the month’s paid sales once, leaving out a cancelled order and a sale whose CFDI was cancelled', async () => {
    const s = billing(local);
    const { desk, manager, vet } = staff.local!;
    const store = local.services.store;
    local.clock.set('2026-05-12T17:00:00Z');
    const kept = await paidSale(local, '80.00');
    const card = await paidSale(local, '300.00', { method: 'manual_card', cardType: 'debit' });
    const cancelledOrder = await paidSale(local, '55.00');
    await store.orders.updateOrderStatus(desk.actor, cancelledOrder.order.id, { status: 'cancelled', reason: 'El cliente ya no lo quiso' });
    await local.ctx.jobs.runReady();
    expect((await s.invoices.getInvoice(desk.actor, cancelledOrder.invoiceId)).status).toBe('paid'); // money not yet refunded
    const withCancelledCfdi = await paidSale(local, '64.00');
    await s.fiscal.saveFiscalProfile(withCancelledCfdi.owner.actor, fiscal);
    await s.cfdi.issueCfdi(desk.actor, withCancelledCfdi.invoiceId);
    await s.cfdi.cancelCfdi(manager.actor, withCancelledCfdi.invoiceId, { motive: '03' });

    await expect(s.cfdi.issueGlobalInvoice(desk.actor, { month: '2026-05' })).rejects.toMatchObject({
      code: 'billing.month_not_over',
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'month' })],
    });
    await expect(s.cfdi.issueGlobalInvoice(desk.actor, { month: 'mayo' })).rejects.toMatchObject({ statusCode: 422 });
    local.clock.set('2026-06-01T15:00:00Z');
    await expect(s.cfdi.issueGlobalInvoice(vet.actor, { month: '2026-05' })).rejects.toMatchObject({ statusCode: 403 });

    // Two desks at once: one reports the sales, the other finds nothing left.
    const [first, second] = await Promise.allSettled([
      s.cfdi.issueGlobalInvoice(desk.actor, { month: '2026-05' }),
      s.cfdi.issueGlobalInvoice(manager.actor, { month: '2026-05' }),
    ]);
    const settled = [first, second];
    const global = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(global).toHaveLength(1);
    expect(settled.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.objectContaining({ code: 'billing.nothing_to_report', statusCode: 409 }),
    });

    const xml = global[0]!.cfdiXml!;
    expect(await validateCfdi(xml)).toMatchObject({ valid: true });
    expect(verifySello(xml)).toMatchObject({ valid: true });
    expect(xml).toContain('Meses="05"');
    expect(xml).toContain('FormaPago="28"'); // the debit card brought in most
    const reported = [...xml.matchAll(/NoIdentificacion="([^"]+)"/g)].map((m) => m[1]);
    const numberOf = async (id: number) => (await s.invoices.getInvoice(desk.actor, id)).invoiceNumber;
    expect(reported.sort()).toEqual([await numberOf(kept.invoiceId), await numberOf(card.invoiceId)].sort());
    expect(global[0]!.total).toBe('380.00');
    expect((await s.invoices.getInvoice(desk.actor, cancelledOrder.invoiceId)).globalInvoiceId).toBeNull();
    expect((await s.invoices.getInvoice(desk.actor, withCancelledCfdi.invoiceId)).globalInvoiceId).toBeNull();
  });
});
