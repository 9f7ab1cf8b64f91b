import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { auditLog } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import { visits } from '@petfriendly/vet-clinic/tables';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  manager = await StaffFactory(t.platform, 'manager', { name: 'Mario Gerente' });
  vet = await StaffFactory(t.platform, 'veterinarian', { name: 'Dra. Vera' });
  desk = await StaffFactory(t.platform, 'receptionist', { name: 'Paty Recepción' });
});
afterAll(async () => t?.close());

type Row = {
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};
const logOf = async (query: string) => {
  const res = await t.app.inject({ url: `/api/v1/audit-log?${query}`, headers: manager.auth });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Row[]; hasNext: boolean }>(res);
};

describe('the audit log', () => {
  it('keeps a vet’s edit of a visit with the assessment before and after, and the row’s own who and when', async () => {
    const owner = await OwnerFactory(t.platform);
    const pet = await PetFactory(t.platform, owner.actor);
    const visit = await VisitFactory(t.platform, pet.id, vet.actor, { assessment: 'Sano' });
    const records = t.platform.services['vet-clinic'].records;
    await records.updateVisit(visit.id, { assessment: 'Otitis externa leve', plan: 'Gotas óticas 7 días' }, vet.actor);

    const { items } = await logOf(`entity=visit&entityId=${visit.id}`);
    expect(items.map((r) => r.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({ actorId: vet.user.id, actorName: 'Dra. Vera' });
    expect(items[0]!.changes).toEqual({
      assessment: { before: 'Sano', after: 'Otitis externa leve' },
      plan: { before: 'Control anual', after: 'Gotas óticas 7 días' },
    });
    const [row] = await t.platform.ctx.db.select().from(visits).where(eq(visits.id, visit.id));
    expect(row).toMatchObject({ createdBy: vet.user.id, updatedBy: vet.user.id });

    // An allergy is a medical record too: its creation is logged with what was written.
    await records.addAllergy(pet.id, { allergen: 'Penicilina', severity: 'severe' }, vet.actor);
    const allergies = await logOf('entity=allergy');
    expect(allergies.items[0]!.changes.allergen).toEqual({ before: null, after: 'Penicilina' });
  });

  it('keeps a product’s price change, and nothing of a change that failed', async () => {
    const product = await ProductFactory(t.platform, { name: 'Croquetas 2 kg', price: '389.00', sku: 'CRQ-2' });
    const other = await ProductFactory(t.platform, { sku: 'TAKEN-1' });
    const store = t.platform.services.store.products;
    const input = { name: 'Croquetas 2 kg', sku: 'CRQ-2', categoryId: product.categoryId, price: '415.50' };
    await store.updateProduct(manager.actor, product.id, input);
    // A SKU already taken rolls the change back, and its log row with it.
    await expect(store.updateProduct(manager.actor, product.id, { ...input, sku: other.sku, price: '1.00' })).rejects.toMatchObject({ statusCode: 422 });

    const { items } = await logOf(`entity=product&entityId=${product.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'update', actorId: manager.user.id });
    expect(items[0]!.changes.price).toEqual({ before: '389.00', after: '415.50' });
    expect(Object.keys(items[0]!.changes)).toEqual(['price']);
  });

  it('keeps an invoice’s lines, issue and payment as amounts and status before and after', async () => {
    const owner = await OwnerFactory(t.platform);
    const billing = t.platform.services.billing;
    const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Certificado de salud', unitPrice: '850.00', taxClass: 'exempt' });
    await billing.invoices.issueInvoice(desk.actor, invoice.id);
    await billing.payments.recordPayment(desk.actor, invoice.id, { amount: '850.00', method: 'cash' });

    const { items } = await logOf(`entity=invoice&entityId=${invoice.id}`);
    expect(items.map((r) => r.action)).toEqual(['update', 'issue', 'update', 'create']);
    const [paid, issued, lined] = items;
    expect(lined!.changes.total).toEqual({ before: '0.00', after: '850.00' });
    expect(issued!.changes.status).toEqual({ before: 'draft', after: 'sent' });
    expect(paid!.changes.status).toEqual({ before: 'sent', after: 'paid' });
    expect(paid!.changes.amountPaid).toEqual({ before: '0.00', after: '850.00' });
    expect(items.every((r) => r.actorId === desk.user.id)).toBe(true);
  });

  it('is for managers and admins: a vet and a receptionist get 403, bad filters 422, and the page follows the same rule', async () => {
    for (const who of [vet, desk]) {
      expect((await t.app.inject({ url: '/api/v1/audit-log', headers: who.auth })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/admin/audit', headers: who.auth })).statusCode).toBe(403);
    }
    for (const query of ['entity=pets', 'actorId=nobody', 'from=2026-13-01', 'pageSize=1000']) {
      const res = await t.app.inject({ url: `/api/v1/audit-log?${query}`, headers: manager.auth });
      expect(res.statusCode, query).toBe(422);
    }
    const page = await t.app.inject({ url: '/admin/audit?entity=product', headers: manager.auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('415.50');
    // Periods are the clinic's days: today has every change above, yesterday none.
    expect((await logOf('from=2026-03-10&to=2026-03-10')).items.length).toBeGreaterThanOrEqual(8);
    expect((await logOf('to=2026-03-09')).items).toHaveLength(0);
    const [first, second] = [await logOf('pageSize=2&page=1'), await logOf('pageSize=2&page=2')];
    expect(first.hasNext).toBe(true);
    expect(second.items[0]).not.toEqual(first.items[0]);
    expect(await t.platform.ctx.db.$count(auditLog)).toBeGreaterThanOrEqual(8);
  });
});
