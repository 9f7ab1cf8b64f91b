import { StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, signUp, snapshot, startBrowserEnv } from './browser';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!hasChromium)('owner in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    // A clinic someone has set up: until an admin exists, sign-up leads to the first-run setup instead.
    await StaffFactory(env.t.platform, 'admin');
  });
  afterAll(async () => env?.close());

  it('signs up, adds a pet with a photo, sees what vaccines are due, and plans a trip', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signUp(page, env, { name: 'Valeria Torres', email: 'valeria@example.mx', phone: '55 2233 4455', password: 'mi-perrita-2026' });
    expect(new URL(page.url()).pathname).toBe('/my/pets/new');

    // A pet with a bad microchip first: the error shows next to the field and nothing is saved.
    await page.fill('input[name=name]', 'Canela');
    await page.selectOption('select[name=species]', 'dog');
    await page.fill('input[name=dateOfBirth]', '2025-12-01');
    await page.fill('input[name=microchipNumber]', '12345');
    await page.click('form[action="/my/pets/new"] button[type=submit]');
    await expect.poll(() => page.locator('#f-microchipNumber-error').textContent()).toContain('15');
    await snapshot(page, 'owner-add-pet-error');

    await page.fill('input[name=microchipNumber]', '985112345678901');
    await Promise.all([page.waitForURL(/\/my\/pets\/\d+$/), page.click('form[action="/my/pets/new"] button[type=submit]')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Canela');
    await expect.poll(() => page.locator('body').textContent()).toContain('Moquillo, hepatitis, parvovirus y parainfluenza');

    await Promise.all([page.waitForURL(/\/edit$/), page.click('text=Editar')]);
    await page.setInputFiles('input[name=photo]', { name: 'canela.png', mimeType: 'image/png', buffer: PNG });
    await snapshot(page, 'owner-edit');
    await Promise.all([page.waitForURL(/\/my\/pets\/\d+$/), page.click('form[action*="/photo"] button[type=submit]')]);
    await expect.poll(() => page.locator('img.avatar').count()).toBe(1);
    const photo = await page.request.get(`${env.base}${await page.locator('img.avatar').getAttribute('src')}`);
    expect(photo.headers()['content-type']).toBe('image/png');
    await snapshot(page, 'owner-pet');

    await page.selectOption('select[name=destination]', 'EU');
    await page.fill('input[name=travelDate]', '2026-09-15');
    await Promise.all([page.waitForURL(/\/my\/travel-plans\/\d+$/), page.click('form[action$="/travel"] button[type=submit]')]);
    await expect.poll(() => page.locator('.checklist li').count()).toBeGreaterThan(2);
    await snapshot(page, 'owner-travel-plan');
    const pdf = await page.request.get(`${env.base}${await page.locator('a[href$="checklist.pdf"]').getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never shows another owner’s pet or internal notes', async () => {
    const vet = await StaffFactory(env.t.platform, 'veterinarian', { email: 'vet-owner-test@clinica.mx', password: 'bata-blanca-1' });
    const page = await newPage(env);
    await signIn(page, env, 'valeria@example.mx', 'mi-perrita-2026');
    const petPath = new URL(page.url()).pathname === '/my/pets' ? await page.locator('a.pet-card').first().getAttribute('href') : null;
    const petId = Number(petPath!.split('/').pop());
    const s = env.t.platform.services['vet-clinic'];
    const visit = await s.records.addVisit(petId, { reason: 'Revisión', plan: 'Control en un mes' }, vet.actor);
    await s.records.addClinicalNote(visit.id, { content: 'NOTA-INTERNA-SECRETA', isInternal: true }, vet.actor);
    await s.records.addClinicalNote(visit.id, { content: 'Dar la pastilla con comida', isInternal: false }, vet.actor);
    await s.records.addMedicalRecord(
      petId,
      { recordType: 'lab', date: '2026-03-09', title: 'Biometría hemática', diagnosis: 'Sin alteraciones', internalNotes: 'REGISTRO-INTERNO-SECRETO' },
      vet.actor,
    );
    await page.goto(`${env.base}/my/pets/${petId}`);
    const text = await page.locator('body').textContent();
    expect(text).toContain('Dar la pastilla con comida');
    expect(text).not.toContain('NOTA-INTERNA-SECRETA');
    expect(text).toContain('Biometría hemática');
    expect(text).not.toContain('REGISTRO-INTERNO-SECRETO');

    const stranger = await newPage(env);
    await signUp(stranger, env, { name: 'Curioso Pérez', email: 'curioso@example.mx', password: 'solo-miro-123' });
    const response = await stranger.goto(`${env.base}/my/pets/${petId}`);
    expect(response?.status()).toBe(404);
    expect(await stranger.locator('body').textContent()).not.toContain('Canela');
  });
});
