import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { scriptedTranslator, useTranslator } from '@petfriendly/multilingual/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../helpers';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const translator = scriptedTranslator({
  'es>en:Croquetas para perro adulto, sabor pollo': 'Adult dog kibble, chicken flavour',
  'es>en:Alimento completo y balanceado para perros de 1 a 7 años. Con pollo real como primer ingrediente.':
    'Complete and balanced food for dogs aged 1 to 7. With real chicken as the first ingredient.',
  'es>en:Arena aglomerante para gato': 'Clumping litter for cat',
  'es>fr:Arena aglomerante para gato': 'Litière agglomérante pour chat',
});

describe.skipIf(!hasChromium)('staff review translations on a phone', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const s = p.services.multilingual;
    useTranslator(p, translator);
    const vet = await StaffFactory(p, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'vacunas-al-dia-1' });
    await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    await s.translation.translateObject(
      vet.actor,
      {
        contentType: 'store.product',
        objectId: 1,
        fields: {
          name: 'Croquetas para perro adulto, sabor pollo',
          description: 'Alimento completo y balanceado para perros de 1 a 7 años. Con pollo real como primer ingrediente.',
        },
      },
      'en',
    );
    await s.translation.translateObject(vet.actor, { contentType: 'store.product', objectId: 2, fields: { name: 'Arena aglomerante para gato' } }, 'en');
    await s.translation.translateObject(vet.actor, { contentType: 'store.product', objectId: 2, fields: { name: 'Arena aglomerante para gato' } }, 'fr');
  });
  afterAll(async () => env?.close());

  it('filters by language, approves one AI translation and corrects another; both leave the queue as reviewed', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'ana@clinica.mx', 'vacunas-al-dia-1');
    await page.goto(`${env.base}/admin/translations`);
    await expect.poll(() => page.locator('.translations > li').count()).toBe(4);
    await page.selectOption('select[name=language]', 'en');
    await Promise.all([page.waitForURL('**/admin/translations?language=en*'), page.click('form[role=search] button[type=submit]')]);
    await expect.poll(() => page.locator('.translations > li').count()).toBe(3);
    expect(await page.locator('.translations > li').first().locator('.source-text').textContent()).toBe('Croquetas para perro adulto, sabor pollo');
    expect(await page.locator('.translations > li').first().locator('.badge').first().textContent()).toBe('IA');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await snapshot(page, 'staff-translations-queue');

    // Approve the name as it is.
    const name = page.locator('.translations > li', { hasText: 'Adult dog kibble' });
    await Promise.all([page.waitForURL('**/admin/translations?language=en*'), name.locator('.approve-form button').click()]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Traducción aprobada');
    await expect.poll(() => page.locator('.translations > li').count()).toBe(2);

    // Correct the litter one: an empty text is sent back next to the field, then a real one is saved.
    const litter = page.locator('.translations > li', { hasText: 'Clumping litter' });
    await litter.locator('details.edit-translation summary').click();
    await litter.locator('textarea[name=translation]').fill('');
    await litter.locator('textarea[name=translation]').evaluate((el) => el.removeAttribute('required'));
    await litter.locator('details.edit-translation button[type=submit]').click();
    await expect.poll(() => page.locator('.translations > li', { hasText: 'Arena aglomerante' }).locator('.error').textContent()).toBe('es obligatorio');
    await snapshot(page, 'staff-translations-edit-error');
    const again = page.locator('.translations > li', { hasText: 'Arena aglomerante' });
    await again.locator('textarea[name=translation]').fill('Clumping cat litter');
    await Promise.all([page.waitForURL('**/admin/translations?language=en*'), again.locator('details.edit-translation button[type=submit]').click()]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('corregida');
    await expect.poll(() => page.locator('.translations > li').count()).toBe(1);

    await page.selectOption('select[name=status]', 'reviewed');
    await Promise.all([page.waitForURL('**status=reviewed*'), page.click('form[role=search] button[type=submit]')]);
    await expect.poll(() => page.locator('.translations > li').count()).toBe(2);
    const corrected = page.locator('.translations > li', { hasText: 'Clumping cat litter' });
    expect(await corrected.locator('.badge').first().textContent()).toBe('Persona');
    expect(await corrected.textContent()).toContain('Revisada por Dra. Ana Ruiz');
    expect(await page.locator('.translations > li', { hasText: 'Adult dog kibble' }).locator('.badge').first().textContent()).toBe('IA');
    await snapshot(page, 'staff-translations-reviewed');

    const s = env.t.platform.services.multilingual;
    const map = await s.translation.localized('store.product', [1, 2], ['name'], 'en', { reviewedOnly: true });
    expect(map.get(2)).toEqual({ name: 'Clumping cat litter' });
    expect(map.get(1)).toEqual({ name: 'Adult dog kibble, chicken flavour' });
    // Only managers see the form to add a language.
    expect(await page.locator('#form-language').count()).toBe(0);
  });

  it('a manager adds a content language on a phone (a bad code is sent back next to the field)', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await page.goto(`${env.base}/admin/translations`);
    await page.locator('#form-language summary').click();
    await page.fill('#form-language input[name=code]', 'Portugués');
    await page.fill('#form-language input[name=name]', 'Portuguese (Brazil)');
    await page.fill('#form-language input[name=nativeName]', 'Português (Brasil)');
    await page.click('#form-language button[type=submit]');
    await expect.poll(() => page.locator('#form-language .field.has-error .error').textContent()).toBe('debe ser un código de idioma como es o pt-BR');
    await snapshot(page, 'manager-add-language-error');
    await page.fill('#form-language input[name=code]', 'pt-BR');
    await Promise.all([page.waitForURL('**/admin/translations'), page.click('#form-language button[type=submit]')]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Português (Brasil)');
    await expect.poll(() => page.locator('.languages li').count()).toBe(6);
    expect(await page.locator('.languages li').last().textContent()).toContain('pt-BR');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, 'manager-languages');
  });
});

describe('the multilingual API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists languages and detects a language for anyone; translations are for staff; a manager adds a language', async () => {
    const languages = await t.app.inject({ method: 'GET', url: '/api/v1/languages' });
    expect(languages.statusCode).toBe(200);
    expect(json(languages).map((l: { code: string }) => l.code)).toEqual(['es', 'en', 'de', 'fr', 'it']);
    const detected = await t.app.inject({ method: 'POST', url: '/api/v1/detect-language', payload: { text: 'Hallo, mein Hund frisst nicht' } });
    expect(json(detected)).toMatchObject({ language: 'de' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/detect-language', payload: { text: '' } })).statusCode).toBe(422);

    const owner = await OwnerFactory(t.platform);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/translations', headers: owner.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/translations' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/translate', headers: owner.auth, payload: { text: 'Hola', targetLanguage: 'en' } })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/languages',
          headers: owner.auth,
          payload: { code: 'pt', name: 'Portuguese', nativeName: 'Português' },
        })
      ).statusCode,
    ).toBe(403);

    const manager = await StaffFactory(t.platform, 'manager');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/translations',
      headers: manager.auth,
      payload: { contentType: 'store.product', objectId: 3, fieldName: 'name', language: 'it', translation: 'Crocchette', sourceText: 'Croquetas' },
    });
    expect(saved.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/translations?status=reviewed&language=it', headers: manager.auth });
    expect(json(list).items).toEqual([expect.objectContaining({ translation: 'Crocchette', isAiGenerated: false })]);
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/v1/translations/${json(saved).id}/review`,
      headers: manager.auth,
      payload: { translation: 'Crocchette per cani' },
    });
    expect(json(review)).toMatchObject({ translation: 'Crocchette per cani' });
    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/translations/${json(saved).id}/review`, headers: manager.auth });
    expect(approved.statusCode).toBe(200);
    expect(json(approved)).toMatchObject({ translation: 'Crocchette per cani' });
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/languages',
      headers: manager.auth,
      payload: { code: 'pt', name: 'Portuguese', nativeName: 'Português' },
    });
    expect(added.statusCode).toBe(201);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/languages',
      headers: manager.auth,
      payload: { code: 'pt', name: 'Portuguese', nativeName: 'Português' },
    });
    expect(bad.statusCode).toBe(422);
    const translated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/translate',
      headers: manager.auth,
      payload: { text: 'Hola', targetLanguage: 'en', sourceLanguage: 'es' },
    });
    expect(json(translated)).toMatchObject({ text: 'Hola', status: 'no_translator' });
  });
});
