import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModule } from '../src/index';
import type { StoreServices } from '../src/services';
import { products, stockLevels } from '../src/store.tables';
import { ProductFactory } from '../src/testing';

let platform: TestPlatform;
let s: StoreServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: '2026-03-10T16:00:00Z' });
  s = platform.services.store;
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

describe('managers edit the catalogue', () => {
  it('creates a product with a unique slug and its stock level, and edits it', async () => {
    const { category } = await ProductFactory(platform, { categorySlug: 'collares' });
    const input = { name: 'Collar Antipulgas Perro', sku: 'COL-1', categoryId: category.id, price: '199.90', species: ['dog'], reorderPoint: '3' };
    const first = await s.products.createProduct(manager.actor, input);
    const second = await s.products.createProduct(manager.actor, { ...input, sku: 'COL-2' });
    expect([first.slug, second.slug]).toEqual(['collar-antipulgas-perro', 'collar-antipulgas-perro-2']);
    expect(first).toMatchObject({ price: '199.90', taxClass: 'iva16', satProductCode: '01010101', isActive: true, barcode: null, costPrice: null });
    expect((await platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, first.id)))[0]).toMatchObject({ quantity: 0, reorderPoint: 3 });

    const edited = await s.products.updateProduct(manager.actor, first.id, { ...input, price: '210', isActive: false, reorderPoint: '' });
    expect(edited).toMatchObject({ price: '210.00', isActive: false, slug: 'collar-antipulgas-perro' });
    expect(await s.products.getProduct(manager.actor, first.id)).toMatchObject({ reorderPoint: null, isActive: false });
  });

  it('sends bad input back by field and changes nothing', async () => {
    const { category } = await ProductFactory(platform);
    const base = { name: 'Tramadol 50 mg', sku: 'TRA-50', categoryId: category.id, price: '210' };
    await expect(s.products.createProduct(manager.actor, { ...base, price: '349000000' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'price' }],
    });
    await expect(s.products.createProduct(manager.actor, { ...base, isControlled: true })).rejects.toMatchObject({
      code: 'store.controlled_needs_rx',
      fields: [{ field: 'requiresPrescription' }],
    });
    await expect(s.products.createProduct(manager.actor, { ...base, requiresPrescription: true })).rejects.toMatchObject({
      code: 'store.rx_name_required',
      fields: [{ field: 'prescriptionName' }],
    });
    await s.products.createProduct(manager.actor, base);
    await expect(s.products.createProduct(manager.actor, { ...base, name: 'Otro' })).rejects.toMatchObject({
      code: 'store.sku_taken',
      fields: [{ field: 'sku' }],
    });
    expect((await platform.ctx.db.select().from(products).where(eq(products.sku, 'TRA-50'))).length).toBe(1);
  });

  it('refuses other roles and owners', async () => {
    const { category, id } = await ProductFactory(platform);
    const input = { name: 'Juguete', sku: 'JUG-1', categoryId: category.id, price: '50' };
    for (const actor of [(await StaffFactory(platform, 'receptionist')).actor, (await OwnerFactory(platform)).actor]) {
      await expect(s.products.createProduct(actor, input)).rejects.toMatchObject({ statusCode: 403 });
      await expect(s.products.updateProduct(actor, id, input)).rejects.toMatchObject({ statusCode: 403 });
    }
  });
});
