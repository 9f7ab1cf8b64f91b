import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { serviceTypes } from '@petfriendly/appointments/tables';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)('charge capture in the browser', () => {
  let env: BrowserEnv;
  let petId: number;
  let visitId: number;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    const vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bata-blanca-1' });
    await StaffFactory(platform, 'manager', { name: 'Paty Caja', email: 'paty@clinica.mx', password: 'caja-abierta-1' });
    const xray = await ServiceFactory(platform, { staffIds: [vet.user.id], name: 'Radiografía de tórax' });
    await platform.ctx.db.update(serviceTypes).set({ price: '650.00' }).where(eq(serviceTypes.id, xray.id));
    const lab = await ServiceFactory(platform, { staffIds: [vet.user.id], name: 'Biometría hemática' });
    await platform.ctx.db.update(serviceTypes).set({ price: '389.50' }).where(eq(serviceTypes.id, lab.id));
    const vaccine = await ProductFactory(platform, { name: 'Vacuna antirrábica', price: '450.00', stock: 10 });

    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    const toby = await PetFactory(platform, lucia.actor, { name: 'Toby' });
    petId = toby.id;
    const visit = await VisitFactory(platform, toby.id, vet.actor, { reason: 'Vacuna y chequeo', visitDate: '2026-03-10T15:30:00Z' });
    visitId = visit.id;
    const vet_ = platform.services['vet-clinic'];
    await vet_.records.addVaccination(
      toby.id,
      { vaccineName: 'Rabisin', administeredDate: '2026-03-10', visitId, chargeAs: `product:${vaccine.id}` },
      vet.actor,
    );
    await vet_.visitItems.addItem(vet.actor, visitId, { kind: 'lab_test', catalogue: `service:${lab.id}`, note: 'Repetida: muestra hemolizada' });
  });
  afterAll(async () => env?.close());

  it('the vet sees what was done and not charged, records an X-ray and waives a repeated lab test', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'ana@clinica.mx', 'bata-blanca-1');
    await page.goto(`${env.base}/admin/pets/${petId}#visit-${visitId}`);
    const panel = page.locator(`#visit-${visitId} .visit-charges`);
    await expect.poll(() => panel.locator('.charges-pending').textContent()).toContain('Realizado y sin cobrar: 2');
    // $450.00 vaccine + $389.50 lab test.
    expect(await panel.locator('.charges-pending').textContent()).toContain('$839.50');

    await panel.locator('summary', { hasText: 'Registrar procedimiento' }).click();
    await panel.locator('select[name=kind]').selectOption('procedure');
    await panel.locator('select[name=catalogue]').selectOption({ label: 'Radiografía de tórax · $650.00' });
    // The chart reloads at the same address: wait for its message.
    await panel.locator('form[action$="/items"] button[type=submit]').click();
    await page.getByText('Registrado en la consulta.').waitFor();
    await expect.poll(() => panel.locator('.charges-pending').textContent()).toContain('Realizado y sin cobrar: 3');
    expect(await panel.locator('.charges-pending').textContent()).toContain('$1,489.50');
    await panel.scrollIntoViewIfNeeded();
    await snapshot(page, 'charges-visit-390');

    const lab = panel.locator('li', { hasText: 'Biometría hemática' });
    await lab.locator('summary').click();
    await lab.locator('input[name=reason]').fill('Muestra repetida por hemólisis');
    await lab.locator('button[type=submit]').click();
    await page.getByText('Cargo marcado como no cobrado.').waitFor();
    await expect.poll(() => panel.locator('li', { hasText: 'Biometría hemática' }).textContent()).toContain('Muestra repetida por hemólisis');
    expect(await panel.locator('li', { hasText: 'Biometría hemática' }).locator('.badge').textContent()).toBe('No se cobra');
    expect(await panel.locator('.charges-pending').textContent()).toContain('$1,100.00');
  });

  it('the desk opens the visit’s invoice with the suggested lines ticked, leaves one out, then adds it from the invoice', async () => {
    const page = await newPage(env, DESKTOP);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    await page.goto(`${env.base}/admin/billing/visits/${visitId}/invoice`);
    const boxes = page.locator('.bill-suggestions input[name=items]');
    await expect.poll(() => boxes.count()).toBe(2);
    expect(await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
    expect(await page.locator('.bill-suggestions .bill-totals .grand').last().textContent()).toBe('$1,100.00');
    await snapshot(page, 'charges-visit-invoice-1280');

    await page.locator('.bill-suggestions tr', { hasText: 'Radiografía' }).locator('input[name=items]').uncheck();
    await Promise.all([page.waitForURL(/\/admin\/billing\/invoices\/\d+/), page.locator('.bill-suggestions button[type=submit]').click()]);
    await expect.poll(() => page.locator('.bill-lines').first().textContent()).toContain('Vacuna antirrábica');
    expect(await page.locator('.bill-totals dd.grand').first().textContent()).toBe('$450.00');
    // The X-ray left out is still offered, ticked, on the invoice.
    const pending = page.locator('.bill-suggestions tr', { hasText: 'Radiografía' });
    expect(await pending.locator('input[name=items]').isChecked()).toBe(true);
    await snapshot(page, 'charges-desk-invoice-1280');

    await page.setViewportSize(PHONE);
    await snapshot(page, 'charges-desk-invoice-390');
    await Promise.all([page.waitForURL(/\/admin\/billing\/invoices\/\d+/), page.locator('.bill-suggestions button[type=submit]').click()]);
    await expect.poll(() => page.locator('.bill-totals dd.grand').first().textContent()).toBe('$1,100.00');
    expect(await page.locator('.bill-suggestions').count()).toBe(0);
  });

  it('the manager’s missed-charges report lists the waived lab test with its reason', async () => {
    const page = await newPage(env, DESKTOP);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    await page.goto(`${env.base}/admin/billing/missed-charges?month=2026-03`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cargos no cobrados');
    expect(await page.locator('main').textContent()).toContain('Ningún cargo sin cobrar este mes.');
    expect(await page.locator('main').textContent()).toContain('Muestra repetida por hemólisis');
    expect(await page.locator('main').textContent()).toContain('$389.50');
    await snapshot(page, 'charges-missed-1280');
    await page.setViewportSize(PHONE);
    await snapshot(page, 'charges-missed-390');
  });
});
