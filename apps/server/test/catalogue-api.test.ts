import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
});
afterAll(async () => t?.close());

describe('an empty clinic', () => {
  it('opens on setup, and only the server’s setup code makes the first admin', async () => {
    for (const url of ['/', '/admin', '/sign-in']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe('/setup');
    }
    const page = await t.app.inject({ url: '/setup' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="code"');
    expect(json(await t.app.inject({ url: '/api/v1/setup' }))).toMatchObject({ needsAdmin: true, complete: false });
    const code = t.platform.services.setup.setup.setupCode();
    const account = { name: 'Dra. Ana Ruiz', email: 'ana@huellitas.mx', password: 'huellitas-2026' };
    await expect(t.platform.services.setup.setup.createFirstAdmin({ ...account, code: 'x' })).rejects.toMatchObject({ statusCode: 422 });
    await t.platform.services.setup.setup.createFirstAdmin({ ...account, code });
    expect((await t.app.inject({ url: '/' })).statusCode).toBe(200);
    // Once the clinic has its admin, the setup form is no longer open to whoever has the code.
    expect([303, 401]).toContain((await t.app.inject({ url: '/setup' })).statusCode);
  });
});

describe('the catalogue over the API', () => {
  it('managers create, edit, order and retire services and categories; every route answers its schema', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const cat = await t.app.inject({ method: 'POST', url: '/api/v1/catalogue/categories', headers: manager.auth, payload: { name: 'Consultas', icon: '🩺' } });
    expect(cat.statusCode).toBe(201);
    const categoryId = json(cat).id as number;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/services',
      headers: manager.auth,
      payload: { categoryId, name: 'Consulta general', durationMinutes: 30, price: '450.00', onlineBookable: true, deposit: '50.00', staffIds: [vet.user.id] },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ price: '450.00', deposit: '50.00', onlineBookable: true, staffIds: [vet.user.id], taxClass: 'iva16' });
    const id = json(created).id as number;
    const owner = await OwnerFactory(t.platform);
    expect(json(await t.app.inject({ url: '/api/v1/services', headers: owner.auth })).map((x: { id: number }) => x.id)).toContain(id);

    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalogue/services/${id}`,
      headers: manager.auth,
      payload: { categoryId, name: 'Consulta general', durationMinutes: 30, price: '450.00', deposit: '900.00' },
    });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.code).toBe('validation.invalid_input');
    const retired = await t.app.inject({ method: 'PUT', url: `/api/v1/catalogue/services/${id}/retired`, headers: manager.auth, payload: { retired: true } });
    expect(json(retired).isActive).toBe(false);
    expect(json(await t.app.inject({ url: '/api/v1/services', headers: owner.auth })).map((x: { id: number }) => x.id)).not.toContain(id);

    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/catalogue/categories', headers: vet.auth, payload: { name: 'Otra' } });
    expect(forbidden.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/catalogue/services/abc', headers: manager.auth })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/api/v1/catalogue/services/999999', headers: manager.auth })).statusCode).toBe(404);
  });

  it('managers keep the shop’s category tree', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const food = json(await t.app.inject({ method: 'POST', url: '/api/v1/store/admin/categories', headers: manager.auth, payload: { name: 'Alimento' } }));
    const dogs = await t.app.inject({
      method: 'POST',
      url: '/api/v1/store/admin/categories',
      headers: manager.auth,
      payload: { name: 'Para perro', parentId: food.id },
    });
    expect(dogs.statusCode).toBe(201);
    const cycle = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/store/admin/categories/${food.id}`,
      headers: manager.auth,
      payload: { name: 'Alimento', parentId: json(dogs).id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(json(cycle).error.code).toBe('store.category_cycle');
    const tree = json(await t.app.inject({ url: '/api/v1/store/admin/categories', headers: manager.auth }));
    expect(tree.map((c: { name: string; depth: number }) => [c.name, c.depth])).toEqual([
      ['Alimento', 0],
      ['Para perro', 1],
    ]);
  });
});
