import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('staff on a phone', () => {
  let env: BrowserEnv;
  let petId: number;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    await StaffFactory(env.t.platform, 'veterinarian', { name: 'Dra. Sofía Hernández', email: 'sofia@clinica.mx', password: 'bata-blanca-1' });
    await StaffFactory(env.t.platform, 'receptionist', { name: 'Paty Recepción', email: 'paty@clinica.mx', password: 'agenda-llena-1' });
    const owner = await OwnerFactory(env.t.platform, { name: 'Jorge Domínguez Ruiz', email: 'jorge@example.mx', password: 'mi-gato-michi-1' });
    petId = (await PetFactory(env.t.platform, owner.actor, { name: 'Michi', species: 'cat', breed: 'Siamés', dateOfBirth: '2021-06-01' })).id;
  });
  afterAll(async () => env?.close());

  it('finds the owner, opens the chart and records a visit with SOAP and vitals', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'sofia@clinica.mx', 'bata-blanca-1');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await snapshot(page, 'staff-home');

    await page.fill('input[name=q]', 'dominguez');
    await Promise.all([page.waitForURL(/\/admin\/search/), page.press('input[name=q]', 'Enter')]);
    await expect.poll(() => page.locator('body').textContent()).toContain('Jorge Domínguez Ruiz');
    await snapshot(page, 'staff-search');
    await Promise.all([page.waitForURL(/\/admin\/pets\/\d+$/), page.click(`a.pet-card[href="/admin/pets/${petId}"]`)]);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Michi');

    // A typo in the temperature comes back next to the field, with everything typed kept.
    await page.click('#form-visit summary');
    await page.fill('#form-visit input[name=reason]', 'Vómito y decaimiento');
    await page.fill('#form-visit input[name="vitals.weightKg"]', '4.35');
    await page.fill('#form-visit input[name="vitals.temperatureC"]', '395');
    await page.fill('#form-visit textarea[name=subjective]', 'Vomitó 3 veces desde ayer');
    await page.click('#form-visit button[type=submit]');
    await expect.poll(() => page.locator('#form-visit .error').first().textContent()).toContain('38.5');
    expect(await page.inputValue('#form-visit textarea[name=subjective]')).toBe('Vomitó 3 veces desde ayer');

    await page.fill('#form-visit input[name="vitals.temperatureC"]', '39.5');
    await page.fill('#form-visit textarea[name=assessment]', 'Gastritis aguda');
    await page.fill('#form-visit textarea[name=plan]', 'Dieta blanda 3 días, omeprazol');
    await page.click('#form-visit button[type=submit]');
    await expect.poll(() => page.locator('.visit h3').first().textContent()).toBe('Vómito y decaimiento');
    expect(await page.locator('.visit .vital b').allTextContents()).toEqual(expect.arrayContaining(['4.35', '39.5']));

    // A note on the visit, internal by default.
    await page.locator('.visit details.add summary').first().click();
    await page.locator('.visit form[action$="/notes"] textarea[name=content]').first().fill('Dueño pide factura');
    await page.locator('.visit form[action$="/notes"] button[type=submit]').first().click();
    await expect.poll(() => page.locator('.note.internal').first().textContent()).toContain('Dueño pide factura');

    // A vaccination from the cat protocol; the next due date comes from the protocol.
    await page.click('#form-vaccination summary');
    await page.selectOption('#form-vaccination select[name=protocolCode]', 'cat.rabies');
    await page.fill('#form-vaccination input[name=vaccineName]', 'Rabisin');
    await page.fill('#form-vaccination input[name=lotNumber]', 'RB-2291');
    await page.click('#form-vaccination button[type=submit]');
    await expect.poll(() => page.locator('table.data').textContent()).toContain('2027-03-10');

    await page.click('#form-allergy summary');
    await page.fill('#form-allergy input[name=allergen]', 'Penicilina');
    await page.selectOption('#form-allergy select[name=severity]', 'severe');
    await page.click('#form-allergy button[type=submit]');
    await expect.poll(() => page.locator('.badge-danger').first().textContent()).toContain('Penicilina');

    await page.click('#form-medication summary');
    await page.fill('#form-medication input[name=name]', 'Omeprazol');
    await page.fill('#form-medication input[name=dosage]', '5 mg');
    await page.fill('#form-medication input[name=frequency]', 'c/24 h');
    await page.click('#form-medication button[type=submit]');
    await expect.poll(() => page.locator('body').textContent()).toContain('Omeprazol');
    await snapshot(page, 'staff-chart');
  });

  it('a receptionist sees the chart but cannot write a clinical record', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/pets/${petId}`);
    await page.click('#form-visit summary');
    await page.fill('#form-visit input[name=reason]', 'Consulta');
    await page.click('#form-visit button[type=submit]');
    await expect.poll(() => page.locator('#form-visit .flash-error').textContent()).toContain('rol');
    expect(await page.locator('.visit h3').allTextContents()).not.toContain('Consulta');
  });

  it('an owner who tries the admin is turned away', async () => {
    const page = await newPage(env);
    await signIn(page, env, 'jorge@example.mx', 'mi-gato-michi-1');
    const response = await page.goto(`${env.base}/admin/pets/${petId}`);
    expect(response?.status()).toBe(403);
  });
});
