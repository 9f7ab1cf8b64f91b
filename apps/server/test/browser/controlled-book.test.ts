import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)('the controlled-drug book in the browser', () => {
  let env: BrowserEnv;
  let petId: number;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    await StaffFactory(p, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'ketamina-bajo-llave', licenseNumber: '87654321' });
    const manager = await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    const owner = await OwnerFactory(p, { name: 'Marta Gómez' });
    petId = (await PetFactory(p, owner.actor, { name: 'Chispa' })).id;
    const product = await ProductFactory(p, {
      name: 'Ketamina 100 mg/ml',
      shortDescription: 'Frasco ámpula 10 ml',
      requiresPrescription: true,
      isControlled: true,
      controlledGroup: 'III',
      stock: 0,
    });
    const store = p.services.store;
    await store.inventory.receiveStock(manager.actor, {
      productId: product.id,
      quantity: 5,
      batchNumber: 'K-7',
      expiryDate: '2027-01-31',
      costPerUnit: '410.00',
    });
  });
  afterAll(async () => env?.close());

  it('a vet records a dose and a short count on a phone; a manager approves the count on a laptop and prints the book', { timeout: 90_000 }, async () => {
    const phone = await newPage(env, { width: 390, height: 844 });
    await signIn(phone, env, 'ana@clinica.mx', 'ketamina-bajo-llave');
    await phone.goto(`${env.base}/admin/controlled`);
    expect(await phone.textContent('h1')).toContain('Libro de medicamentos controlados');
    await phone.fill('#administer input[name=petId]', String(petId));
    await phone.fill('#administer input[name=dose]', '1.5');
    await phone.selectOption('#administer select[name=route]', 'IV');
    await phone.click('#administer button[type=submit]');
    await phone.waitForSelector('text=Movimiento registrado.');
    const table = await phone.textContent('table.data');
    expect(table).toContain('Administración');
    expect(table).toContain('Chispa / Marta Gómez');
    await phone.fill('#count input[name=counted]', '3');
    await phone.click('#count button[type=submit]');
    // Four in the book, three counted: the difference needs a reason, shown next to its field.
    await phone.waitForSelector('#count .field.has-error textarea[name=reason]');
    await phone.fill('#count textarea[name=reason]', 'Una ámpula rota sin registrar');
    await phone.click('#count button[type=submit]');
    await phone.waitForSelector('text=Diferencia de -1');
    // Who counted cannot approve their own count.
    await expect(phone.locator('form[action^="/admin/controlled/counts/"]').count()).resolves.toBe(0);
    await snapshot(phone, 'controlled-book-390');

    const laptop = await newPage(env, { width: 1280, height: 900 });
    await signIn(laptop, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await laptop.goto(`${env.base}/admin/controlled`);
    await laptop.click('form[action^="/admin/controlled/counts/"] button[type=submit]');
    await laptop.waitForSelector('text=Conteo aprobado: el libro se ajustó.');
    const rows = await laptop.locator('table.data tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('Ajuste');
    expect(rows[2]).toContain('Una ámpula rota sin registrar');
    expect(await laptop.locator('.list .badge').first().textContent()).toBe('3');
    await snapshot(laptop, 'controlled-book-1280');
    const href = await laptop.getAttribute('a[href^="/admin/controlled/book.pdf"]', 'href');
    const pdf = await laptop.request.get(`${env.base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });
});
