import { crc32, deflateSync } from 'node:zlib';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { categories, products } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

/** A real RGB PNG (sky, sun and grass), encoded here so the test needs no image files. */
function landscapePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sun = (x - width * 0.7) ** 2 + (y - height * 0.3) ** 2 < (height * 0.15) ** 2;
      const [r, g, b] = sun ? [250, 204, 21] : y > height * 0.65 ? [22, 163, 74] : [56, 189, 248 - Math.round((y / height) * 80)];
      rows.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.skipIf(!hasChromium)('store administration in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    await StaffFactory(p, 'receptionist', { name: 'Paty Recepción', email: 'paty@clinica.mx', password: 'agenda-llena-1' });
    const kibble = await ProductFactory(p, {
      name: 'Croquetas Perro Adulto Pollo 3 kg',
      species: ['dog'],
      price: '450.00',
      categorySlug: 'alimento',
      stock: 12,
      isFeatured: true,
    });
    await p.ctx.db.insert(categories).values({ name: 'Alimento húmedo', slug: 'alimento-humedo', parentId: kibble.category.id });
    await ProductFactory(p, { name: 'Arena aglomerante 10 kg', species: ['cat'], price: '180.00', categorySlug: 'higiene', stock: 0 });
    await ProductFactory(p, { name: 'Shampoo avena (descontinuado)', price: '150.00', categorySlug: 'higiene', isActive: false });
  });
  afterAll(async () => env?.close());

  it('a manager on a phone adds a product (a bad price is sent back next to the field), uploads its photo, and shoppers see it', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await Promise.all([page.waitForURL('**/admin/products'), page.click('.topnav a[href="/admin/products"]')]);
    // Staff see inactive products too, with their stock and shelf price.
    await expect.poll(() => page.locator('.product-rows li').count()).toBe(3);
    const shampoo = page.locator('.product-rows li', { hasText: 'Shampoo avena' });
    expect(await shampoo.locator('.badge').textContent()).toBe('Inactivo');
    expect(await shampoo.locator('.meta').textContent()).toContain('$150.00'); // the shelf price, IVA included
    expect(await page.locator('.product-rows li', { hasText: 'Croquetas' }).locator('.badge').textContent()).toContain('Destacado');
    await snapshot(page, 'admin-products');

    await Promise.all([page.waitForURL('**/admin/products/new'), page.click('a[href="/admin/products/new"]')]);
    // Sub-categories are indented under their parent.
    const options = await page.locator('select[name=categoryId] option').allTextContents();
    expect(options.findIndex((o) => o.includes('Alimento húmedo'))).toBe(options.findIndex((o) => o.endsWith('Categoría alimento')) + 1);
    expect(options.find((o) => o.includes('Alimento húmedo'))).toMatch(/^\s+↳ Alimento húmedo$/);
    const taxOptions = await page.locator('select[name=taxClass] option').allTextContents();
    expect(taxOptions).toEqual([
      'IVA 16 % — tasa general',
      'IVA 8 % — estímulo de la región fronteriza',
      'IVA 0 % — tasa cero (p. ej. medicinas de patente)',
      'Exento — no causa IVA',
    ]);

    await page.fill('input[name=name]', 'Croquetas Perro Senior Cordero 2 kg');
    await page.fill('input[name=sku]', 'CRO-SEN-2');
    await page.selectOption('select[name=categoryId]', { label: 'Categoría alimento' });
    await page.fill('textarea[name=shortDescription]', 'Para perros de 7 años o más, con glucosamina.');
    await page.fill('textarea[name=description]', 'Cordero como primer ingrediente.\nCroqueta pequeña, fácil de masticar.');
    await page.fill('input[name=price]', '349000000'); // nine digits: a slip of the finger
    await page.check('input[name=species][value=dog]');
    await page.check('input[name=lifeStages][value=senior]');
    await page.fill('input[name=reorderPoint]', '4');
    await page.click('.product-form button[type=submit]');
    await expect.poll(() => page.locator('.field.has-error input[name=price]').count()).toBe(1);
    expect(await page.locator('#f-price-error').textContent()).toBe('debe ser un importe como 199.90');
    expect(await page.locator('.field.has-error').count()).toBe(1);
    // What was typed stays, and nothing was created.
    expect(await page.inputValue('input[name=name]')).toBe('Croquetas Perro Senior Cordero 2 kg');
    expect(await page.isChecked('input[name=species][value=dog]')).toBe(true);
    expect(await page.isChecked('input[name=lifeStages][value=senior]')).toBe(true);
    expect(await page.isChecked('input[name=isActive]')).toBe(true);
    expect(await env.t.platform.ctx.db.select().from(products).where(eq(products.sku, 'CRO-SEN-2'))).toEqual([]);
    await snapshot(page, 'admin-product-new-error');

    await page.fill('input[name=price]', '349');
    await Promise.all([page.waitForURL(/\/admin\/products\/\d+(#images)?$/), page.click('.product-form button[type=submit]')]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Creamos Croquetas Perro Senior Cordero 2 kg');
    const [created] = await env.t.platform.ctx.db.select().from(products).where(eq(products.sku, 'CRO-SEN-2'));
    expect(created).toMatchObject({ price: '349.00', species: ['dog'], lifeStages: ['senior'], isActive: true, isFeatured: false, taxClass: 'iva16' });
    // The form now shows the IVA the price includes: 349 = 300.86 + 48.14.
    expect(await page.locator('.field:has(input[name=price]) .hint').textContent()).toContain('Incluye IVA $48.14 (base $300.86).');
    expect(await page.inputValue('input[name=reorderPoint]')).toBe('4');
    expect(await page.locator('#images .empty').textContent()).toBe('Aún no tiene fotos.');

    // Text called "foto.png" is refused by what it is, next to the file field.
    await page.setInputFiles('input[name=image]', { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('no soy una imagen') });
    await page.click('.upload-form button[type=submit]');
    await expect.poll(() => page.locator('#f-image-error').textContent()).toBe('La foto debe ser una imagen JPEG, PNG o WebP.');

    await page.fill('input[name=altText]', 'Bolsa de croquetas senior de cordero');
    await page.setInputFiles('input[name=image]', { name: 'croquetas.png', mimeType: 'image/png', buffer: landscapePng(480, 360) });
    await page.click('.upload-form button[type=submit]');
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Agregamos la foto.');
    const thumb = page.locator('#images .image-grid img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    expect(await page.locator('#images .badge').textContent()).toContain('Principal');

    // A second photo, made the main one; the first is then removed.
    await page.fill('input[name=altText]', 'Bolsa de 2 kg vista de frente');
    await page.setInputFiles('input[name=image]', { name: 'bolsa.png', mimeType: 'image/png', buffer: landscapePng(400, 300) });
    await page.click('.upload-form button[type=submit]');
    await expect.poll(() => page.locator('#images .image-grid li').count()).toBe(2);
    expect(await page.locator('#images .image-grid li').nth(1).locator('.badge').count()).toBe(0);
    await page.locator('#images .image-grid li').nth(1).locator('form[action$="/primary"] button').click();
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Esa foto es ahora la principal.');
    // The main photo comes first.
    expect(
      await page
        .locator('#images .image-grid li')
        .first()
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(400);
    await snapshot(page, 'admin-product-edit');
    page.once('dialog', (d) => d.accept());
    await page.locator('#images .image-grid li').nth(1).locator('form[action$="/delete"] button').click();
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Quitamos la foto.');
    expect(await page.locator('#images .image-grid li').count()).toBe(1);
    expect(await page.locator('#images .badge').textContent()).toContain('Principal');

    // The shop, on a desktop, shows the photo on the product's tile and page.
    const shopper = await newPage(env);
    await shopper.goto(`${env.base}/store?f=1&query=cordero`); // with what is out of stock: none received yet
    const tileImg = shopper.locator('.product-tile .thumb img');
    await expect.poll(() => tileImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
    await Promise.all([shopper.waitForURL(`**/store/${created!.slug}`), shopper.click('.product-tile')]);
    const photo = shopper.locator('.product-page .thumb img');
    expect(await photo.getAttribute('alt')).toBe('Bolsa de 2 kg vista de frente');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
    const src = (await photo.getAttribute('src'))!;
    expect(src).toMatch(new RegExp(`^/store/images/${created!.id}/[0-9a-f-]{36}\\.png$`));
    const response = await shopper.request.get(`${env.base}${src}`);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await snapshot(shopper, 'store-product-photo');
    expect((await shopper.request.get(`${env.base}/store/images/${created!.id}/00000000-0000-4000-8000-000000000000.png`)).status()).toBe(404);
  });

  it('a receptionist sees the catalogue but cannot change it', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/products`);
    expect(await page.locator('a[href="/admin/products/new"]').count()).toBe(0);
    await Promise.all([page.waitForURL(/\/admin\/products\/\d+$/), page.locator('.product-rows a', { hasText: 'Arena' }).click()]);
    expect(await page.locator('.notice').textContent()).toContain('Solo gerentes y administradores');
    expect(await page.isDisabled('.product-form button[type=submit]')).toBe(true);
    expect(await page.locator('.upload-form').count()).toBe(0);
    await snapshot(page, 'admin-product-readonly');
  });
});
