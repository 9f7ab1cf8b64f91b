import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
afterAll(async () => t?.close());
beforeAll(async () => {
  t = await createTestApp();
});

/** Each call's body passes its declared response schema (a mismatch would answer 500). */
it('answers vet-clinic routes', async () => {
  const ana = await OwnerFactory(t.platform);
  const vet = await StaffFactory(t.platform, 'veterinarian');
  const pet = await PetFactory(t.platform, ana.actor, { name: 'Canela', species: 'dog', dateOfBirth: '2024-01-01' } as never);
  const calls: [string, string, unknown, Record<string, string>][] = [
    ['GET', '/api/v1/pets', undefined, ana.auth],
    ['GET', '/api/v1/pets?query=Can', undefined, vet.auth],
    ['POST', '/api/v1/pets', { name: 'Luna', species: 'cat' }, ana.auth],
    ['POST', `/api/v1/pets/${pet.id}/allergies`, { allergen: 'Pollo', severity: 'mild' }, vet.auth],
    ['GET', `/api/v1/pets/${pet.id}/allergies`, undefined, ana.auth],
    [
      'POST',
      `/api/v1/pets/${pet.id}/medications`,
      { name: 'Amoxicilina', dosage: '250 mg', frequency: 'c/12h', route: 'oral', startDate: '2026-11-01' },
      vet.auth,
    ],
    ['GET', `/api/v1/pets/${pet.id}/medications`, undefined, ana.auth],
    ['GET', `/api/v1/pets/${pet.id}/vaccinations`, undefined, ana.auth],
    ['POST', `/api/v1/pets/${pet.id}/medical-records`, { recordType: 'lab', date: '2026-03-01', title: 'X', internalNotes: 'y' }, vet.auth],
    ['GET', `/api/v1/pets/${pet.id}/medical-records`, undefined, ana.auth],
    ['GET', `/api/v1/pets/${pet.id}/medical-records`, undefined, vet.auth],
    ['POST', `/api/v1/pets/${pet.id}/visits`, { reason: 'Otitis', vitals: { weightKg: '12.5' } }, vet.auth],
    ['GET', `/api/v1/pets/${pet.id}`, undefined, ana.auth],
    ['GET', `/api/v1/pets/${pet.id}/weights`, undefined, ana.auth],
    ['GET', `/api/v1/pets/${pet.id}/visits`, undefined, ana.auth],
    ['PATCH', `/api/v1/pets/${pet.id}`, { name: 'Canela II' }, ana.auth],
    ['GET', '/api/v1/vaccine-protocols?species=dog', undefined, ana.auth],
    ['GET', '/api/v1/travel/requirements?destination=US', undefined, ana.auth],
    ['GET', `/api/v1/travel/requirements?destination=EU&petId=${pet.id}`, undefined, ana.auth],
    ['POST', `/api/v1/pets/${pet.id}/travel-plans`, { destination: 'US', travelDate: '2027-03-01' }, ana.auth],
    ['GET', `/api/v1/pets/${pet.id}/travel-plans`, undefined, ana.auth],
  ];
  const bad: string[] = [];
  for (const [method, url, payload, headers] of calls) {
    const res = await t.app.inject({ method: method as 'GET', url, payload: payload as object, headers });
    if (res.statusCode >= 400) bad.push(`${method} ${url} ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const plans = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${pet.id}/travel-plans`, headers: ana.auth });
  const planId = JSON.parse(plans.body)[0]?.id;
  const one = await t.app.inject({ method: 'GET', url: `/api/v1/travel-plans/${planId}`, headers: ana.auth });
  if (one.statusCode >= 400) bad.push(`plan ${one.body.slice(0, 300)}`);
  const visits = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/v1/pets/${pet.id}/visits`, headers: vet.auth })).body);
  const v = await t.app.inject({ method: 'GET', url: `/api/v1/visits/${visits.items[0].id}`, headers: vet.auth });
  if (v.statusCode >= 400) bad.push(`visit ${v.body.slice(0, 300)}`);
  const p = await t.app.inject({ method: 'PATCH', url: `/api/v1/visits/${visits.items[0].id}`, headers: vet.auth, payload: { plan: 'x' } });
  if (p.statusCode >= 400) bad.push(`visit patch ${p.body.slice(0, 300)}`);
  const a = await t.app.inject({
    method: 'POST',
    url: `/api/v1/visits/${visits.items[0].id}/addenda`,
    headers: vet.auth,
    payload: { section: 'plan', content: 'x' },
  });
  if (a.statusCode >= 400) bad.push(`addenda ${a.body.slice(0, 300)}`);
  expect(bad).toEqual([]);
});

it('answers store routes', async () => {
  const ana = await OwnerFactory(t.platform);
  const admin = await StaffFactory(t.platform, 'admin');
  const product = await ProductFactory(t.platform, { stock: 5 });
  const calls: [string, string, unknown, Record<string, string>][] = [
    ['GET', '/api/v1/store/categories', undefined, ana.auth],
    ['POST', '/api/v1/store/products', { name: 'Croquetas', sku: 'CRQ-1', price: '250.00', categoryId: product.categoryId, shortDescription: 'x' }, admin.auth],
    ['POST', '/api/v1/inventory/receive', { productId: product.id, quantity: 3, costPerUnit: '50.00' }, admin.auth],
    ['POST', '/api/v1/inventory/adjust', { productId: product.id, quantityChange: -1, reason: 'damaged' }, admin.auth],
    ['GET', `/api/v1/inventory/${product.id}/movements`, undefined, admin.auth],
    ['POST', '/api/v1/coupons', { code: 'HOLA10', discountType: 'percent', discountValue: '10' }, admin.auth],
    ['GET', '/api/v1/coupons', undefined, admin.auth],
    ['POST', '/api/v1/cart/items', { productId: product.id, quantity: 1 }, ana.auth],
    ['POST', '/api/v1/checkout', { paymentMethod: 'card_online' }, ana.auth],
    ['GET', '/api/v1/orders', undefined, ana.auth],
  ];
  const bad: string[] = [];
  for (const [method, url, payload, headers] of calls) {
    const res = await t.app.inject({ method: method as 'GET', url, payload: payload as object, headers });
    if (res.statusCode >= 400) bad.push(`${method} ${url} ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const list = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: ana.auth })).body);
  const id = list.items[0]?.id;
  for (const [method, url, payload, headers] of [
    ['GET', `/api/v1/orders/${id}`, undefined, ana.auth],
    ['POST', `/api/v1/orders/${id}/cancel`, undefined, ana.auth],
  ] as const) {
    const res = await t.app.inject({ method, url, payload, headers });
    if (res.statusCode >= 400) bad.push(`${method} ${url} ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  expect(bad).toEqual([]);
});

it("says the API's version on every API response, the version its OpenAPI document has", async () => {
  const { info } = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body);
  for (const url of ['/api/v1/products', '/api/v1/pets/999999', '/api/v1/no-such-route']) {
    expect((await t.app.inject({ method: 'GET', url })).headers['api-version'], url).toBe(info.version);
  }
  expect((await t.app.inject({ method: 'GET', url: '/' })).headers['api-version']).toBeUndefined();
});
