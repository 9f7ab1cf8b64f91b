import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModule } from '../src/index';
import { imageUrl } from '../src/product-image.service';
import type { StoreServices } from '../src/services';
import { productImages, products } from '../src/store.tables';
import { ProductFactory } from '../src/testing';

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
/** The first bytes of a JPEG (SOI, APP0 "JFIF"): enough for its type to be recognised. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');

let platform: TestPlatform;
let s: StoreServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let receptionist: Awaited<ReturnType<typeof StaffFactory>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: '2026-03-10T16:00:00Z' });
  s = platform.services.store;
  manager = await StaffFactory(platform, 'manager');
  receptionist = await StaffFactory(platform, 'receptionist');
  owner = await OwnerFactory(platform);
});
afterAll(async () => platform?.close());

const fileOf = (key: string) => key.split('/').pop()!;

describe('product images', () => {
  it('stores a real image under the product, the first one primary, and serves it with its type', async () => {
    const product = await ProductFactory(platform);
    const first = await s.images.addImage(manager.actor, product.id, { bytes: PNG, altText: '  Bolsa de croquetas  ' });
    expect(first).toMatchObject({ productId: product.id, isPrimary: true, order: 0, altText: 'Bolsa de croquetas' });
    expect(first.image).toMatch(new RegExp(`^store/products/${product.id}/[0-9a-f-]{36}\\.png$`));
    expect(platform.storage.keys()).toContain(first.image);

    const second = await s.images.addImage(manager.actor, product.id, { bytes: JPEG });
    expect(second).toMatchObject({ isPrimary: false, order: 1 });
    expect(second.image).toMatch(/\.jpg$/);

    const served = await s.images.getImage(anonymous(), product.id, fileOf(second.image));
    expect(served).toMatchObject({ contentType: 'image/jpeg', isPublic: true });
    expect(Buffer.from(served.bytes).equals(Buffer.from(JPEG))).toBe(true);

    // Cards and the product page carry the public address, not the storage key.
    const url = `/store/images/${product.id}/${fileOf(first.image)}`;
    expect(imageUrl(first.image)).toBe(url);
    const card = (await s.products.searchProducts(anonymous(), { category: product.category.slug })).items[0]!;
    expect(card.image).toBe(url);
    const page = await s.products.getProduct(anonymous(), product.id);
    expect(page.images.map((i) => i.url)).toEqual([url, `/store/images/${product.id}/${fileOf(second.image)}`]);
  });

  it('moves the primary mark, and hands it on when the primary image is removed', async () => {
    const product = await ProductFactory(platform);
    const a = await s.images.addImage(manager.actor, product.id, { bytes: PNG });
    const b = await s.images.addImage(manager.actor, product.id, { bytes: PNG });
    const c = await s.images.addImage(manager.actor, product.id, { bytes: JPEG });
    const primaries = async () => (await s.images.listImages(manager.actor, product.id)).filter((i) => i.isPrimary).map((i) => i.id);

    await s.images.setPrimary(manager.actor, product.id, c.id);
    expect(await primaries()).toEqual([c.id]);
    expect((await s.products.searchProducts(anonymous(), { category: product.category.slug })).items[0]!.image).toBe(imageUrl(c.image));

    await s.images.removeImage(manager.actor, product.id, c.id);
    expect(await primaries()).toEqual([a.id]); // the first in order takes over
    expect(platform.storage.keys()).not.toContain(c.image);

    await s.images.removeImage(manager.actor, product.id, b.id); // not the primary: nothing moves
    expect(await primaries()).toEqual([a.id]);
    await s.images.removeImage(manager.actor, product.id, a.id);
    expect(await s.images.listImages(manager.actor, product.id)).toEqual([]);

    // An image of another product is not found through this one.
    const other = await ProductFactory(platform);
    const theirs = await s.images.addImage(manager.actor, other.id, { bytes: PNG });
    await expect(s.images.setPrimary(manager.actor, product.id, theirs.id)).rejects.toMatchObject({ statusCode: 404, code: 'store.image_not_found' });
    await expect(s.images.removeImage(manager.actor, product.id, theirs.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('judges the type by the bytes, whatever the file is called, and refuses big files', async () => {
    const product = await ProductFactory(platform);
    const before = platform.storage.keys().length;
    // Text and a GIF, say from "foto.png": refused, whatever the name or the browser claimed.
    for (const bytes of [new TextEncoder().encode('<svg onload=alert(1)>'), GIF]) {
      await expect(s.images.addImage(manager.actor, product.id, { bytes })).rejects.toMatchObject({
        statusCode: 422,
        code: 'store.image_type',
        fields: [{ field: 'image' }],
      });
    }
    const huge = new Uint8Array(s.settings.IMAGE_MAX_BYTES + 1);
    huge.set(PNG);
    await expect(s.images.addImage(manager.actor, product.id, { bytes: huge })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.image_too_large',
      fields: [{ field: 'image', params: { mb: 5 } }],
    });
    await expect(s.images.addImage(manager.actor, product.id, { bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'store.image_missing' });
    await expect(s.images.addImage(manager.actor, product.id, { bytes: PNG, altText: 'x'.repeat(201) })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'altText' }],
    });
    await expect(s.images.addImage(manager.actor, 999_999, { bytes: PNG })).rejects.toMatchObject({ statusCode: 404, code: 'store.product_not_found' });
    expect(platform.storage.keys().length).toBe(before);
    expect(await platform.ctx.db.select().from(productImages).where(eq(productImages.productId, product.id))).toEqual([]);
  });

  it('only managers and admins change images: an owner gets 403, so does a receptionist; a guest must sign in', async () => {
    const product = await ProductFactory(platform);
    const image = await s.images.addImage(manager.actor, product.id, { bytes: PNG });
    for (const actor of [owner.actor, receptionist.actor]) {
      await expect(s.images.addImage(actor, product.id, { bytes: PNG })).rejects.toMatchObject({ statusCode: 403 });
      await expect(s.images.setPrimary(actor, product.id, image.id)).rejects.toMatchObject({ statusCode: 403 });
      await expect(s.images.removeImage(actor, product.id, image.id)).rejects.toMatchObject({ statusCode: 403 });
    }
    await expect(s.images.addImage(anonymous(), product.id, { bytes: PNG })).rejects.toMatchObject({ statusCode: 401 });
    await expect(s.images.listImages(owner.actor, product.id)).rejects.toMatchObject({ statusCode: 403 });
    expect((await s.images.listImages(receptionist.actor, product.id)).map((i) => i.id)).toEqual([image.id]);
  });

  it('serves images of inactive products to staff only, and nothing that is not a stored image', async () => {
    const product = await ProductFactory(platform);
    const image = await s.images.addImage(manager.actor, product.id, { bytes: PNG });
    await platform.ctx.db.update(products).set({ isActive: false }).where(eq(products.id, product.id));
    const file = fileOf(image.image);
    await expect(s.images.getImage(anonymous(), product.id, file)).rejects.toMatchObject({ statusCode: 404 });
    await expect(s.images.getImage(owner.actor, product.id, file)).rejects.toMatchObject({ statusCode: 404 });
    expect(await s.images.getImage(receptionist.actor, product.id, file)).toMatchObject({ contentType: 'image/png', isPublic: false });

    const active = await ProductFactory(platform);
    for (const name of ['../../secrets.png', `${file}`, 'foto.png', '00000000-0000-0000-0000-000000000000.png']) {
      await expect(s.images.getImage(anonymous(), active.id, name)).rejects.toMatchObject({ statusCode: 404 });
    }
  });

  it('lists inactive products in a search for staff who ask, never for shoppers', async () => {
    const category = 'inactivos';
    const on = await ProductFactory(platform, { name: 'Collar visible', categorySlug: category });
    const off = await ProductFactory(platform, { name: 'Collar retirado', categorySlug: category, isActive: false });
    const ids = async (actor: Parameters<typeof s.products.searchProducts>[0]) =>
      (await s.products.searchProducts(actor, { category, includeInactive: true })).items.map((p) => [p.id, p.isActive]);
    expect(await ids(manager.actor)).toEqual([
      [off.id, false],
      [on.id, true],
    ]);
    expect(await ids(owner.actor)).toEqual([[on.id, true]]);
    expect(await ids(anonymous())).toEqual([[on.id, true]]);
  });
});
