import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { AiAssistantServices } from '@petfriendly/ai-assistant';
import { systemActor } from '@petfriendly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../helpers';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('help centre and the staff FAQ editor', () => {
  let env: BrowserEnv;
  let s: AiAssistantServices;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    s = env.t.platform.services['ai-assistant'];
    await s.knowledge.seedKnowledgeBase();
    await StaffFactory(env.t.platform, 'receptionist', { name: 'Lucía Recepción', email: 'lucia@clinica.mx', password: 'preguntas-frecuentes-1' });
  });
  afterAll(async () => env?.close());

  it('a guest searches the help for the opening hours, opens the entry and says it helped', async () => {
    const page = await newPage(env, PHONE);
    await page.goto(`${env.base}/help`);
    await expect.poll(() => page.locator('.help-results > li').count()).toBeGreaterThanOrEqual(12);
    await snapshot(page, 'help-home');
    await page.fill('input[name=q]', 'horarios de atencion');
    await Promise.all([page.waitForURL('**/help?q=*'), page.click('form[role=search] button[type=submit]')]);
    expect(await page.locator('.help-results > li').first().textContent()).toContain('Horario de atención');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, 'help-search-hours');
    await Promise.all([page.waitForURL('**/help/horario-de-atencion'), page.locator('.help-results > li').first().locator('a').click()]);
    expect(await page.locator('h1').textContent()).toBe('Horario de atención');
    expect(await page.locator('.help-content').textContent()).toContain('/book');
    expect(await page.locator('.helpful').textContent()).toContain('¿Te sirvió?');
    await snapshot(page, 'help-entry-hours');
    await Promise.all([page.waitForURL('**/help/horario-de-atencion'), page.locator('.helpful button', { hasText: 'Sí' }).click()]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Gracias');
    const entry = await s.knowledge.getEntry(systemActor, 'horario-de-atencion');
    expect(entry.helpfulCount).toBe(1);
    expect(entry.viewCount).toBeGreaterThanOrEqual(2);
  });

  it('staff edit an entry on a phone; an empty title is refused next to the field', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'lucia@clinica.mx', 'preguntas-frecuentes-1');
    await page.goto(`${env.base}/admin/knowledge?language=es`);
    await expect.poll(() => page.locator('.knowledge-entries > li').count()).toBe(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, 'staff-knowledge-list');
    await Promise.all([page.waitForURL('**/admin/knowledge/*'), page.locator('.knowledge-entries > li', { hasText: 'Formas de pago' }).locator('a').click()]);
    await page.fill('input[name=title]', '');
    await page.locator('input[name=title]').evaluate((el) => el.removeAttribute('required'));
    await page.click('.entry-form button[type=submit]');
    await expect.poll(() => page.locator('.field.has-error .error').first().textContent()).toBe('es obligatorio');
    await snapshot(page, 'staff-knowledge-edit-error');
    await page.fill('input[name=title]', 'Formas de pago, meses sin intereses y facturas');
    await page.fill(
      'textarea[name=content]',
      `${await page.locator('textarea[name=content]').inputValue()}\n\nCon tarjetas participantes ofrecemos 3 meses sin intereses en compras desde $3,000.`,
    );
    await Promise.all([page.waitForURL('**/admin/knowledge/*'), page.click('.entry-form button[type=submit]')]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Cambios guardados');
    expect(await page.locator('input[name=title]').inputValue()).toBe('Formas de pago, meses sin intereses y facturas');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, 'staff-knowledge-edit');
    const found = await s.knowledge.search({ kind: 'anonymous', language: 'es' }, { query: 'meses sin intereses' });
    expect(found.items[0]).toMatchObject({
      title: 'Formas de pago, meses sin intereses y facturas',
      slug: 'formas-de-pago-y-facturas',
      isPublic: true,
      isActive: true,
    });
  });
});

describe('the knowledge API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.platform.services['ai-assistant'].knowledge.seedKnowledgeBase();
  });
  afterAll(async () => t?.close());

  it('searches and reads for anyone, counts votes, and lets only staff write', async () => {
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/knowledge?query=${encodeURIComponent('vacunas rabia')}` });
    expect(found.statusCode).toBe(200);
    expect(json(found).items[0].slug).toBe('vacunacion-de-cachorros-y-gatitos');
    const english = await t.app.inject({ method: 'GET', url: '/api/v1/knowledge?query=invoice&language=en' });
    expect(json(english).items[0].slug).toBe('payments-and-invoices');
    const entry = await t.app.inject({ method: 'GET', url: '/api/v1/knowledge/urgencias' });
    expect(json(entry)).toMatchObject({ title: 'Urgencias: qué hacer', viewCount: 1 });
    const vote = await t.app.inject({ method: 'POST', url: `/api/v1/knowledge/${json(entry).id}/helpful`, payload: { helpful: true } });
    expect(json(vote)).toEqual({ helpfulCount: 1, notHelpfulCount: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge?limit=99' })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge/no-existe' })).statusCode).toBe(404);

    const owner = await OwnerFactory(t.platform);
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const body = { title: 'Cuidado de las uñas', category: 'care', content: 'Córtalas cada 3 o 4 semanas.' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/knowledge', payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/knowledge', headers: owner.auth, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/knowledge/${json(entry).id}`, headers: owner.auth, payload: { title: 'x' } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge/entries', headers: owner.auth })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/knowledge', headers: vet.auth, payload: { ...body, title: '' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('title');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/knowledge', headers: vet.auth, payload: body });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ slug: 'cuidado-de-las-unas', language: 'es' });
    const updated = await t.app.inject({ method: 'PUT', url: `/api/v1/knowledge/${json(created).id}`, headers: vet.auth, payload: { isPublic: false } });
    expect(json(updated).isPublic).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge/cuidado-de-las-unas', headers: owner.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/knowledge/cuidado-de-las-unas', headers: vet.auth })).statusCode).toBe(200);
  });
});
