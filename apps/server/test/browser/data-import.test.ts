import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

/** A small export from another system: headers that need a hand, one owner already here, one broken line. */
const FILE = Buffer.from(
  stringify([
    ['Nombre y apellidos', 'E-mail', 'Tel. celular', 'Notas internas'],
    ['Lucía Herrera', 'lucia@example.mx', '55 4000 1111', 'paga en efectivo'],
    ['Ya Registrada', 'ya@clinica.mx', '', ''],
    ['Mateo Ibarra', 'mateo-sin-arroba', '55 4000 2222', ''],
    ['Sofía Campos', 'sofia@example.mx', '', ''],
  ]),
);

describe.skipIf(!hasChromium)('importing data in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const p = env.t.platform;
    await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    await OwnerFactory(p, { name: 'Ya Registrada', email: 'ya@clinica.mx' });
  });
  afterAll(async () => env?.close());

  it('a manager uploads a file on a phone, maps the columns, runs a dry run, imports and reads the report on a laptop', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await page.goto(`${env.base}/admin/imports`);
    expect(await page.textContent('h1')).toContain('Importar datos');
    await page.selectOption('select[name=kind]', 'owners');
    await page.setInputFiles('input[name=file]', { name: 'clientes.csv', mimeType: 'text/csv', buffer: FILE });
    await Promise.all([page.waitForURL(/\/admin\/imports\/\d+$/), page.click('form[action="/admin/imports"] button[type=submit]')]);
    const importUrl = page.url();
    // "E-mail" is recognised; "Nombre y apellidos" and "Tel. celular" are not: the manager chooses them.
    expect(await page.inputValue('select[name="map.email"]')).toBe('1');
    expect(await page.inputValue('select[name="map.name"]')).toBe('');
    await page.selectOption('select[name="map.name"]', { label: 'Nombre y apellidos' });
    await page.selectOption('select[name="map.phone"]', { label: 'Tel. celular' });
    await page.click('button[name=next][value=dry-run]');
    await page.waitForSelector('#dry-run-counts');
    const counts = await page.textContent('#dry-run-counts');
    expect(counts).toMatch(/Se crearían:\s*2/);
    expect(counts).toMatch(/Duplicados:\s*1/);
    expect(counts).toMatch(/Con errores:\s*1/);
    expect(await page.textContent('#report')).toContain('debe ser un correo electrónico válido');
    await snapshot(page, 'data-import-mapping-390');

    const laptop = await newPage(env, { width: 1280, height: 900 });
    await signIn(laptop, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await laptop.goto(importUrl);
    // The mapping was saved with the dry run.
    expect(await laptop.inputValue('select[name="map.name"]')).toBe('0');
    await laptop.click('button[name=next][value=dry-run]');
    await laptop.waitForSelector('#dry-run-counts');
    await snapshot(laptop, 'data-import-dry-run-1280');
    await laptop.click(`form[action$="/run"] button[type=submit]`);
    await laptop.waitForSelector('text=Importación terminada.');
    const report = await laptop.textContent('#report');
    expect(report).toContain('E-mail');
    expect(report).toContain('Ya está en la clínica');
    const csv = await laptop.request.get(`${importUrl}/report.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    await snapshot(laptop, 'data-import-report-1280');
  }, 120_000);

  it('a manager imports products with prices without IVA: the mapping shows the new fields, the dry run names the price that does not add up', async () => {
    const products = Buffer.from(
      stringify([
        ['Código', 'Nombre', 'Categoría', 'Precio sin IVA', 'Precio', 'IVA'],
        ['AMX-500', 'Amoxicilina 500 mg', 'Medicamentos > Antibióticos', '86.21', '', '16'],
        ['MAL-1', 'Precio que no cuadra', 'Alimentos', '100', '120', '16'],
      ]),
    );
    for (const [viewport, name] of [
      [PHONE, 'data-import-products-390'],
      [{ width: 1280, height: 900 }, 'data-import-products-1280'],
    ] as const) {
      const page = await newPage(env, viewport);
      await signIn(page, env, 'mario@clinica.mx', 'cuentas-claras-1');
      await page.goto(`${env.base}/admin/imports`);
      await page.selectOption('select[name=kind]', 'products');
      await page.setInputFiles('input[name=file]', { name: 'productos.csv', mimeType: 'text/csv', buffer: products });
      await Promise.all([page.waitForURL(/\/admin\/imports\/\d+$/), page.click('form[action="/admin/imports"] button[type=submit]')]);
      expect(await page.inputValue('select[name="map.priceExclIva"]')).toBe('3');
      expect(await page.inputValue('select[name="map.taxClass"]')).toBe('5');
      await page.click('button[name=next][value=dry-run]');
      await page.waitForSelector('#dry-run-counts');
      expect(await page.textContent('#dry-run-counts')).toMatch(/Se crearían:\s*1/);
      expect(await page.textContent('#report')).toContain('no es el precio sin IVA más el IVA (116.00)');
      await snapshot(page, name);
    }
  }, 120_000);
});
