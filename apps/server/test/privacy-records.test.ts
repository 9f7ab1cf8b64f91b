import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { Actor } from '@petfriendly/core';
import type { PrivacyServices } from '@petfriendly/privacy';
import type { StoreServices } from '@petfriendly/store';
import { stockBatches } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

// Thursday 10 December 2026, 10:00 in Mexico City.
let t: TestApp;
let privacy: PrivacyServices;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-12-10T16:00:00Z' });
  privacy = t.platform.services.privacy as PrivacyServices;
}, 300_000);
afterAll(async () => t?.close());

const asOwner = (o: { user: { id: string } }): Actor => ({ kind: 'owner', userId: o.user.id, language: 'es' });

describe("an owner's clinical charges and controlled-drug lines (ARCO access)", () => {
  it("include their pets' visit items and the book's lines about their pets, and nothing of another owner's", async () => {
    const vet = t.platform.services['vet-clinic'] as VetClinicServices;
    const store = t.platform.services.store as StoreServices;
    const doctor = await StaffFactory(t.platform, 'veterinarian', { licenseNumber: '12345678' });
    const drug = await ProductFactory(t.platform, {
      name: 'Tramadol 50 mg',
      isControlled: true,
      requiresPrescription: true,
      prescriptionName: 'Tramadol',
      stock: 10,
    });
    const [batch] = await t.platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.productId, drug.id));
    const seen = [];
    for (const name of ['Ana', 'Beto']) {
      const owner = await OwnerFactory(t.platform, { name });
      const pet = await PetFactory(t.platform, owner.actor);
      const visit = await VisitFactory(t.platform, pet.id, doctor.actor, { visitDate: '2026-12-09T17:00:00Z' });
      const item = await vet.visitItems.addItem(doctor.actor, visit.id, { kind: 'medication', catalogue: `product:${drug.id}`, quantity: '1' });
      const line = await store.book.administer(doctor.actor, {
        productId: drug.id,
        batchId: batch!.id,
        petId: pet.id,
        visitId: visit.id,
        quantity: 1,
        dose: '2',
        doseUnit: 'mg',
        route: 'PO',
      });
      seen.push({ owner, pet, item, line });
    }
    const [ana, beto] = seen as [(typeof seen)[0], (typeof seen)[0]];
    const data = await privacy.privacy.myData(asOwner(ana.owner));
    expect(data.visitItems).toEqual([expect.objectContaining({ id: ana.item.id, kind: 'medication', productId: drug.id })]);
    expect(data.controlledDrugBook).toEqual([expect.objectContaining({ id: ana.line.id, type: 'administration', petId: ana.pet.id, quantity: -1 })]);
    const json = JSON.stringify(data);
    expect(data.visitItems!.some((i) => i.id === beto.item.id)).toBe(false);
    expect(json).not.toContain(beto.owner.user.id);
  }, 120_000);

  it('gives a request made before Christmas until 11 January: 25 December and 1 January are rest days', async () => {
    const owner = await OwnerFactory(t.platform);
    const request = await privacy.privacy.request(asOwner(owner), { kind: 'access' });
    expect(request.dueBy).toBe('2027-01-11');
  }, 120_000);
});
