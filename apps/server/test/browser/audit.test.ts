import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)('the audit log in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const manager = await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    const vet = await StaffFactory(p, 'veterinarian', { name: 'Dra. Vera Solís', email: 'vera@clinica.mx', password: 'consulta-lista-1' });
    const owner = await OwnerFactory(p);
    const pet = await PetFactory(p, owner.actor);
    const visit = await VisitFactory(p, pet.id, vet.actor, { assessment: 'Sano' });
    await p.services['vet-clinic'].records.updateVisit(visit.id, { assessment: 'Otitis externa leve' }, vet.actor);
    const product = await ProductFactory(p, { name: 'Croquetas 2 kg', price: '389.00', sku: 'CRQ-2' });
    await p.services.store.products.updateProduct(manager.actor, product.id, {
      name: 'Croquetas 2 kg',
      sku: 'CRQ-2',
      categoryId: product.categoryId,
      price: '415.50',
    });
  });
  afterAll(async () => env?.close());

  it('a manager filters the changes on a phone and reads them on a laptop; a vet is refused', async () => {
    const phone = await newPage(env, { width: 390, height: 844 });
    await signIn(phone, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await phone.goto(`${env.base}/admin/audit`);
    expect(await phone.textContent('h1')).toContain('Registro de cambios');
    await phone.selectOption('select[name=entity]', 'product');
    await phone.click('form[action="/admin/audit"] button[type=submit]');
    await phone.waitForURL(/entity=product/);
    const rows = phone.locator('table.audit-log tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    expect(await rows.first().textContent()).toContain('415.50');
    expect(await rows.first().locator('del').first().textContent()).toBe('389.00');
    await snapshot(phone, 'audit-390');

    const laptop = await newPage(env, { width: 1280, height: 900 });
    await signIn(laptop, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await laptop.goto(`${env.base}/admin/audit?entity=visit`);
    const text = await laptop.textContent('table.audit-log');
    expect(text).toContain('Dra. Vera Solís');
    expect(text).toContain('Otitis externa leve');
    await snapshot(laptop, 'audit-1280');

    const vetPage = await newPage(env, { width: 1280, height: 900 });
    await signIn(vetPage, env, 'vera@clinica.mx', 'consulta-lista-1');
    const refused = await vetPage.goto(`${env.base}/admin/audit`);
    expect(refused?.status()).toBe(403);
  });
});
