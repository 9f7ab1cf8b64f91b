import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { serviceTypes } from '@petfriendly/appointments/tables';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { money } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { BillingServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City. Each test records its visits in a month of its own,
// so a month's report holds only that test's charges.
let t: TestApp;
let s: BillingServices;
let vetClinic: VetClinicServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  s = t.platform.services.billing;
  vetClinic = t.platform.services['vet-clinic'];
  vet = await StaffFactory(t.platform, 'veterinarian');
  manager = await StaffFactory(t.platform, 'manager');
  desk = await StaffFactory(t.platform, 'receptionist');
});
afterAll(async () => t?.close());

async function service(price: string) {
  const row = await ServiceFactory(t.platform, { staffIds: [vet.user.id] });
  await t.platform.ctx.db.update(serviceTypes).set({ price }).where(eq(serviceTypes.id, row.id));
  return row;
}

/** A pet seen on `day` (clinic time, 11:00) with a rabies vaccine charged as a $450.00 product. */
async function vaccinatedVisit(day: string) {
  const owner = await OwnerFactory(t.platform);
  const pet = await PetFactory(t.platform, owner.actor);
  const visit = await VisitFactory(t.platform, pet.id, vet.actor, { visitDate: `${day}T17:00:00Z` });
  const vaccine = await ProductFactory(t.platform, { name: 'Vacuna antirrábica', price: '450.00', stock: 10 });
  await vetClinic.records.addVaccination(
    pet.id,
    { vaccineName: 'Rabisin', administeredDate: day, visitId: visit.id, chargeAs: `product:${vaccine.id}` },
    vet.actor,
  );
  const [item] = await vetClinic.visitItems.chargeableItems(vet.actor, [visit.id]);
  return { owner, pet, visit, vaccine, item: item! };
}

const report = async (month: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/billing/missed-charges?month=${month}`, headers: manager.auth });
  expect(res.statusCode).toBe(200);
  return json(res);
};

describe('charge capture', () => {
  it('an unbilled vaccine is a missed charge with its catalogue value; invoiced, it is no longer missed', async () => {
    const { visit, vaccine, item } = await vaccinatedVisit('2026-01-15');
    expect(item).toMatchObject({ kind: 'vaccine', productId: vaccine.id, vaccineName: 'Rabisin', doneOn: '2026-01-15' });

    const before = await report('2026-01');
    expect(before.missed.map((m: { id: number; value: string; state: string }) => [m.id, m.value, m.state])).toEqual([[item.id, '450.00', 'pending']]);
    expect(before.missedValue).toBe('450.00');

    // The chart's view through the socket billing fills: done and not charged.
    const chart = await vetClinic.charges()!.statusOf(vet.actor, [visit.id]);
    expect(chart.get(item.id)).toEqual({ state: 'pending', label: 'Vacuna antirrábica', value: '450.00', waivedReason: null });

    const draftId = await s.charges.draftForVisit(desk.actor, visit.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${draftId}/charges`, headers: desk.auth, payload: { items: [item.id] } });
    expect(res.statusCode).toBe(200);
    const invoice = json(res);
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ productId: vaccine.id, unitPrice: '450.00', sourceKind: 'visit_item', sourceId: item.id });
    expect(invoice.total).toBe('450.00');

    const after = await report('2026-01');
    expect(after.missed).toEqual([]);
    expect(after.missedValue).toBe('0.00');
    expect((await vetClinic.charges()!.statusOf(vet.actor, [visit.id])).get(item.id)?.state).toBe('charged');

    // The same item cannot go on a second invoice.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${draftId}/charges`, headers: desk.auth, payload: { items: [item.id] } });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('billing.charge_not_pending');

    // Cancelling the invoice makes the charge missed again.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${draftId}/cancel`, headers: desk.auth, payload: {} })).statusCode).toBe(200);
    expect((await report('2026-01')).missed.map((m: { id: number }) => m.id)).toEqual([item.id]);
  });

  it('a waived charge, with its reason, leaves the missed charges and shows as waived', async () => {
    const { visit, item } = await vaccinatedVisit('2025-12-03');
    const short = await t.app.inject({ method: 'POST', url: `/api/v1/visit-items/${item.id}/waive`, headers: vet.auth, payload: { reason: 'x' } });
    expect(short.statusCode).toBe(422);
    const waived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/visit-items/${item.id}/waive`,
      headers: vet.auth,
      payload: { reason: 'Cortesía: refuerzo por reacción' },
    });
    expect(waived.statusCode).toBe(201);
    expect(json(waived)).toMatchObject({ sourceKind: 'visit_item', sourceId: item.id, reason: 'Cortesía: refuerzo por reacción' });

    const month = await report('2025-12');
    expect(month.missed).toEqual([]);
    expect(month.missedValue).toBe('0.00');
    expect(month.waived.map((w: { id: number; waivedReason: string; value: string }) => [w.id, w.waivedReason, w.value])).toEqual([
      [item.id, 'Cortesía: refuerzo por reacción', '450.00'],
    ]);
    expect(month.waivedValue).toBe('450.00');

    // Waived is final: not twice, and not onto an invoice.
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/visit-items/${item.id}/waive`, headers: vet.auth, payload: { reason: 'Otra vez' } });
    expect(twice.statusCode).toBe(409);
    const draftId = await s.charges.draftForVisit(desk.actor, visit.id);
    await expect(s.charges.addToInvoice(desk.actor, draftId, [item.id])).rejects.toMatchObject({ code: 'billing.charge_not_pending' });
  });

  it('suggested lines add up to the centavo, and the invoice made of them comes to the same total, base and IVA', async () => {
    const owner = await OwnerFactory(t.platform);
    const pet = await PetFactory(t.platform, owner.actor);
    const visit = await VisitFactory(t.platform, pet.id, vet.actor, { visitDate: '2025-11-20T17:00:00Z' });
    const surgery = await service('1234.57');
    const lab = await service('389.99');
    const pills = await ProductFactory(t.platform, { name: 'Meloxicam 1 mg', price: '199.99', stock: 10 });
    const exempt = await ProductFactory(t.platform, { name: 'Alimento renal', price: '80.01', stock: 10, taxClass: 'iva0' });
    for (const input of [
      { kind: 'procedure', catalogue: `service:${surgery.id}`, quantity: '1' },
      { kind: 'hospital_day', catalogue: `service:${surgery.id}`, quantity: '2' },
      { kind: 'lab_test', catalogue: `service:${lab.id}` },
      { kind: 'medication', catalogue: `product:${pills.id}`, quantity: '3' },
      { kind: 'medication', catalogue: `product:${exempt.id}`, quantity: '1', note: 'Para casa' },
    ])
      await vetClinic.visitItems.addItem(vet.actor, visit.id, input);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/visits/${visit.id}/charges`, headers: desk.auth });
    expect(res.statusCode).toBe(200);
    const { items, pending } = json(res);
    expect(items.map((i: { value: string }) => i.value)).toEqual(['1234.57', '2469.14', '389.99', '599.97', '80.01']);
    // 1234.57 + 2469.14 + 389.99 + 599.97 + 80.01 = 4773.68, exactly what the customer pays.
    expect(pending.total).toBe('4773.68');
    expect(money(pending.subtotal).plus(pending.tax).toFixed(2)).toBe('4773.68');
    // The 16 % lines come to 4693.67 with IVA: their base is 4046.27 (to the cent), and the 0 % line adds 80.01 of base.
    expect(pending.subtotal).toBe('4126.28');
    expect(pending.tax).toBe('647.40');

    const draftId = await s.charges.draftForVisit(desk.actor, visit.id);
    const invoice = await s.charges.addToInvoice(
      desk.actor,
      draftId,
      items.map((i: { id: number }) => i.id),
    );
    expect({ subtotal: invoice.subtotal, tax: invoice.taxAmount, total: invoice.total }).toEqual(pending);
    expect(invoice.lines.map((l) => l.sourceId)).toEqual(items.map((i: { id: number }) => i.id));
    expect((await report('2025-11')).missed).toEqual([]);
  });

  it('two desks adding the same charge at once: one invoice gets it, the other is refused', async () => {
    const { owner, pet, item } = await vaccinatedVisit('2025-10-08');
    const drafts = await Promise.all([1, 2].map(async () => (await s.invoices.createManual(desk.actor, { ownerId: owner.user.id, petId: pet.id })).id));
    const results = await Promise.allSettled(drafts.map((id) => s.charges.addToInvoice(desk.actor, id, [item.id])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'billing.charge_not_pending' } });
    const lines = await Promise.all(drafts.map(async (id) => (await s.invoices.getInvoice(desk.actor, id)).lines.length));
    expect(lines.sort()).toEqual([0, 1]);
  });

  it('the report is for managers, checks its month, and comes as CSV a parser reads', async () => {
    const { item } = await vaccinatedVisit('2025-09-30');
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/billing/missed-charges?month=2025-09', headers: desk.auth });
    expect(forbidden.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/billing/missed-charges?month=2025-13', headers: manager.auth });
    expect(bad.statusCode).toBe(422);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/billing/missed-charges.csv?month=2025-09', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        state: 'missed',
        done_on: '2025-09-30',
        visit_id: String(item.visitId),
        item_id: String(item.id),
        pet: 'Luna',
        kind: 'vaccine',
        item: 'Vacuna antirrábica',
        quantity: '1.00',
        unit_price: '450.00',
        value: '450.00',
        reason: '',
      },
    ]);
  });

  it('a visit item names one catalogue entry and a positive quantity; a vaccine charged needs its visit', async () => {
    const owner = await OwnerFactory(t.platform);
    const pet = await PetFactory(t.platform, owner.actor);
    const visit = await VisitFactory(t.platform, pet.id, vet.actor);
    await expect(vetClinic.visitItems.addItem(vet.actor, visit.id, { kind: 'procedure', catalogue: 'nothing' })).rejects.toMatchObject({ statusCode: 422 });
    await expect(vetClinic.visitItems.addItem(vet.actor, visit.id, { kind: 'procedure', catalogue: 'service:1', quantity: '0' })).rejects.toMatchObject({
      statusCode: 422,
    });
    await expect(vetClinic.visitItems.addItem(desk.actor, visit.id, { kind: 'procedure', catalogue: 'service:1' })).rejects.toMatchObject({ statusCode: 403 });
    const day = await service('1800.00');
    const api = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/visits/${visit.id}/items`, headers: vet.auth, payload });
    const res = await api({ kind: 'hospital_day', catalogue: `service:${day.id}`, quantity: '1.5', note: 'Noche en observación' });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ visitId: visit.id, kind: 'hospital_day', serviceTypeId: day.id, productId: null, quantity: '1.50' });
    const halfBox = await api({ kind: 'medication', catalogue: 'product:1', quantity: '0.5' });
    expect(halfBox.statusCode).toBe(422);
    expect(JSON.stringify(json(halfBox))).toContain('quantity');
    await expect(
      vetClinic.records.addVaccination(pet.id, { vaccineName: 'Rabisin', administeredDate: '2026-03-10', chargeAs: 'product:1' }, vet.actor),
    ).rejects.toMatchObject({ code: 'vet_clinic.charge_needs_visit' });
  });
});
