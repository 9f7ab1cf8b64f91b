import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)('customers (CRM) in the browser', () => {
  let env: BrowserEnv;
  let ownerId: string;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    await StaffFactory(platform, 'receptionist', { name: 'Karla Recepción', email: 'karla@clinica.mx', password: 'mostrador-1' });
    const vet = await StaffFactory(platform, 'veterinarian');
    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx' });
    ownerId = lucia.user.id;
    const toby = await PetFactory(platform, lucia.actor, { name: 'Toby', breed: 'Labrador', dateOfBirth: '2018-04-02' });
    await VisitFactory(platform, toby.id, vet.actor, { visitDate: '2025-01-15T17:00:00Z' });
    const jorge = await OwnerFactory(platform, { name: 'Jorge Domínguez' });
    const michi = await PetFactory(platform, jorge.actor, { name: 'Michi', species: 'cat', breed: 'Siamés' });
    // Jorge's first visit in December, back in January: the December cohort's retention one month on.
    await VisitFactory(platform, michi.id, vet.actor, { visitDate: '2025-12-05T17:00:00Z' });
    await VisitFactory(platform, michi.id, vet.actor, { visitDate: '2026-01-20T17:00:00Z' });
    await platform.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it('the front desk finds a customer, tags them, pins a note and logs a call with a follow-up for today', async () => {
    const page = await newPage(env, PHONE);
    /** Sends a form of the customer's page and waits for the page to come back (boosted by htmx or not). */
    const submit = (form: string) =>
      Promise.all([
        page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`/admin/customers/${ownerId}`)),
        page.click(`form[action$="${form}"] button[type=submit]`),
      ]);
    await signIn(page, env, 'karla@clinica.mx', 'mostrador-1');
    // Reachable: the admin navigation leads to the customers, today's follow-ups and the segments.
    for (const href of ['/admin/customers', '/admin/customers/follow-ups', '/admin/segments'])
      expect(await page.locator(`nav a[href="${href}"]`).count()).toBe(1);
    await page.goto(`${env.base}/admin/customers?query=lucia`);
    await expect.poll(() => page.locator('table.data').textContent()).toContain('Lucía Pérez');
    await snapshot(page, 'crm-customers-390');
    await Promise.all([page.waitForURL(`**/admin/customers/${ownerId}`), page.click('table.data a:has-text("Lucía Pérez")')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lucía Pérez');

    await page.fill('input[name=tag]', 'Labrador feliz');
    await submit('/tags');
    await expect.poll(() => page.locator('ul.tags').textContent()).toContain('#labrador feliz');

    await page.fill('textarea[name=content]', 'Prefiere que le llamen después de las 5');
    await page.check('input[name=isPinned]');
    await submit('/notes');
    await expect.poll(() => page.locator('.badge', { hasText: 'Fijada' }).count()).toBe(1);

    await page.selectOption('select[name=interactionType]', 'call_out');
    await page.fill('form[action$="/calls"] input[name=subject]', 'Vacuna antirrábica');
    await page.fill('form[action$="/calls"] input[name=outcome]', 'Llamará mañana');
    await page.fill('form[action$="/calls"] input[name=followUpDate]', '2026-03-10');
    await submit('/calls');
    await expect.poll(() => page.locator('ol.timeline').textContent()).toContain('Vacuna antirrábica');
    await snapshot(page, 'crm-customer-390');
    const desktop = await newPage(env, DESKTOP);
    await signIn(desktop, env, 'karla@clinica.mx', 'mostrador-1');
    await desktop.goto(`${env.base}/admin/customers/${ownerId}`);
    await snapshot(desktop, 'crm-customer-1280');

    await page.goto(`${env.base}/admin/customers/follow-ups`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Vacuna antirrábica');
    await snapshot(page, 'crm-follow-ups-390');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith('/admin/customers/follow-ups')),
      page.click('form[action$="/done"] button[type=submit]'),
    ]);
    await expect.poll(() => page.locator('main').textContent()).toContain('No hay seguimientos pendientes');
  });

  it('builds a segment with a live count and a sample, and saves it', async () => {
    const page = await newPage(env, DESKTOP);
    await signIn(page, env, 'karla@clinica.mx', 'mostrador-1');
    await page.goto(`${env.base}/admin/segments/new`);
    await expect.poll(() => page.locator('#preview').textContent()).toContain('2 clientes');
    await page.check('input[name=species][value=cat]');
    await expect.poll(() => page.locator('#preview').textContent()).toContain('1 clientes');
    await expect.poll(() => page.locator('#preview table').textContent()).toContain('Jorge Domínguez');
    await snapshot(page, 'crm-segment-builder-1280');
    await page.fill('#preview input[name=name]', 'Gatos');
    await Promise.all([page.waitForURL(/\/admin\/segments\/\d+$/), page.click('#preview button[type=submit]')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gatos');
    const phone = await newPage(env, PHONE);
    await signIn(phone, env, 'karla@clinica.mx', 'mostrador-1');
    await phone.goto(`${env.base}/admin/segments/new?species=dog`);
    await snapshot(phone, 'crm-segment-builder-390');
    await phone.goto(`${env.base}/admin/segments`);
    await expect.poll(() => phone.locator('main').textContent()).toContain('Gatos');
    const december = phone.getByRole('region', { name: 'Retención por mes de primera visita' }).locator('tr', { hasText: '2025-12' });
    // Intl writes "100 %" with a no-break space in Spanish.
    await expect
      .poll(async () => (await december.locator('td').allTextContents()).map((c) => c.replace(/\s/g, ' ')))
      .toEqual(['1', '100 %', '0 %', '0 %', '—', '—']);
    // On a phone the header row is hidden, so each figure carries its column's name, and nothing is wider than the phone.
    expect(await december.locator('td').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-label')))).toEqual([
      'Propietarios',
      '1 mes después',
      '2 meses después',
      '3 meses después',
      '6 meses después',
      '12 meses después',
    ]);
    expect(
      await december
        .locator('td')
        .first()
        .evaluate((c) => getComputedStyle(c, '::before').content),
    ).not.toBe('none');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('region', { name: 'Retención por mes de primera visita' }).scrollIntoViewIfNeeded();
    await snapshot(phone, 'crm-segments-390');
    const desktop = await newPage(env, DESKTOP);
    await signIn(desktop, env, 'karla@clinica.mx', 'mostrador-1');
    await desktop.goto(`${env.base}/admin/segments`);
    await snapshot(desktop, 'crm-segments-1280');
  });
});
