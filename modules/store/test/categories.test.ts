import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModule } from '../src/index';
import type { StoreServices } from '../src/services';

let platform: TestPlatform;
let s: StoreServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: '2026-03-10T16:00:00Z' });
  s = platform.services.store;
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

describe('the shop’s category tree in managers’ hands', () => {
  it('builds a tree the shop shows depth-first, moves a branch, and orders siblings', async () => {
    const food = await s.categories.createCategory(manager.actor, { name: 'Alimento' });
    const dogs = await s.categories.createCategory(manager.actor, { name: 'Alimento para perro', parentId: food.id });
    const cats = await s.categories.createCategory(manager.actor, { name: 'Alimento para gato', parentId: food.id });
    const toys = await s.categories.createCategory(manager.actor, { name: 'Juguetes' });
    const shop = await s.products.listCategories();
    expect(shop.filter((c) => [food.id, dogs.id, cats.id, toys.id].includes(c.id)).map((c) => [c.name, c.depth])).toEqual([
      ['Alimento', 0],
      ['Alimento para perro', 1],
      ['Alimento para gato', 1],
      ['Juguetes', 0],
    ]);
    await s.categories.reorderCategories(manager.actor, { parentId: food.id, ids: [cats.id, dogs.id] });
    const moved = await s.categories.updateCategory(manager.actor, toys.id, { name: 'Juguetes para perro', parentId: dogs.id });
    expect(moved.parentId).toBe(dogs.id);
    const tree = (await s.categories.listTree(manager.actor)).filter((c) => [food.id, dogs.id, cats.id, toys.id].includes(c.id));
    expect(tree.map((c) => [c.name, c.depth])).toEqual([
      ['Alimento', 0],
      ['Alimento para gato', 1],
      ['Alimento para perro', 1],
      ['Juguetes para perro', 2],
    ]);
  });

  it('never puts a category under itself or one of its own', async () => {
    const a = await s.categories.createCategory(manager.actor, { name: 'Higiene' });
    const b = await s.categories.createCategory(manager.actor, { name: 'Champús', parentId: a.id });
    await expect(s.categories.updateCategory(manager.actor, a.id, { name: 'Higiene', parentId: b.id })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.category_cycle',
    });
    await expect(s.categories.updateCategory(manager.actor, a.id, { name: 'Higiene', parentId: a.id })).rejects.toMatchObject({ code: 'store.category_cycle' });
    expect((await s.categories.listTree(manager.actor)).find((c) => c.id === a.id)!.parentId).toBeNull();
  });

  it('retires a category: the shop stops showing it, staff still see it', async () => {
    const c = await s.categories.createCategory(manager.actor, { name: 'Temporada' });
    await s.categories.retireCategory(manager.actor, c.id, { retired: true });
    expect((await s.products.listCategories()).map((x) => x.id)).not.toContain(c.id);
    expect((await s.categories.listTree(manager.actor, { includeRetired: true })).find((x) => x.id === c.id)!.isActive).toBe(false);
  });

  it('refuses bad input and people who may not change it', async () => {
    await expect(s.categories.createCategory(manager.actor, { name: 'X' })).rejects.toMatchObject({ statusCode: 422 });
    await expect(s.categories.createCategory(manager.actor, { name: 'Huérfana', parentId: 999_999 })).rejects.toMatchObject({ code: 'store.category_unknown' });
    await expect(s.categories.reorderCategories(manager.actor, { ids: [1] })).rejects.toMatchObject({ code: 'store.reorder_incomplete' });
    const receptionist = await StaffFactory(platform, 'receptionist');
    await expect(s.categories.createCategory(receptionist.actor, { name: 'Otra' })).rejects.toMatchObject({ statusCode: 403 });
    const owner = await OwnerFactory(platform);
    await expect(s.categories.listTree(owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.categories.listTree(anonymous('es'))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('keeps a product’s stock location, reorder quantity and weight', async () => {
    const c = await s.categories.createCategory(manager.actor, { name: 'Medicamentos' });
    const product = await s.products.createProduct(manager.actor, {
      name: 'Amoxicilina 250 mg',
      sku: 'AMX-250',
      categoryId: c.id,
      price: '189.00',
      reorderPoint: '5',
      reorderQuantity: '24',
      location: 'Farmacia, anaquel 2',
      weightKg: '0.125',
    });
    expect(product.weightKg).toBe('0.125');
    const read = await s.products.getProduct(manager.actor, product.id);
    expect(read).toMatchObject({ reorderPoint: 5, reorderQuantity: 24, location: 'Farmacia, anaquel 2' });
    await s.products.updateProduct(manager.actor, product.id, {
      name: 'Amoxicilina 250 mg',
      sku: 'AMX-250',
      categoryId: c.id,
      price: '189.00',
      location: 'Refrigerador',
      weightKg: '',
    });
    const again = await s.products.getProduct(manager.actor, product.id);
    expect(again).toMatchObject({ location: 'Refrigerador', reorderQuantity: 0, weightKg: null });
    const owner = await OwnerFactory(platform);
    expect(await s.products.getProduct(owner.actor, product.id)).toMatchObject({ location: null, reorderQuantity: null });
    await expect(
      s.products.createProduct(manager.actor, { name: 'Collar', sku: 'COL-1', categoryId: c.id, price: '99.00', weightKg: '2,5' }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [expect.objectContaining({ field: 'weightKg' })] });
  });
});
