import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCfdi } from '@petfriendly/billing/testing';
import { localOutbox } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, signUp, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const CSD = fileURLToPath(new URL('../../../../modules/billing/assets/demo-csd/', import.meta.url));

vi.setConfig({ testTimeout: 180_000 });

/**
 * A clinic that has never seen the demo: from an empty database to its first CFDI, only through the
 * pages a clinic's people use. The admin sets the clinic up, invites a vet, puts a service on sale; an
 * owner signs up and books online; the vet sees the visit through; the desk invoices it and seals the CFDI.
 */
describe.skipIf(!hasChromium)('a real clinic, from nothing to its first CFDI', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Monday 9 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-09T16:00:00Z' });
  });
  afterAll(async () => env?.close());

  async function mailTo(email: string) {
    const rows = await env.t.platform.ctx.db.select().from(localOutbox).where(eq(localOutbox.recipient, email));
    return rows.at(-1)!;
  }

  it('sets up, books, sees the visit through and seals the invoice', async () => {
    const admin = await newPage(env, PHONE);
    // An empty clinic opens on its setup.
    await admin.goto(`${env.base}/`);
    expect(new URL(admin.url()).pathname).toBe('/setup');
    const code = env.t.platform.services.setup.setup.setupCode();
    await admin.fill('input[name=code]', code);
    await admin.fill('input[name=name]', 'Dra. Elena Campos');
    await admin.fill('input[name=email]', 'elena@huellitas.mx');
    await admin.fill('input[name=password]', 'huellitas-queretaro-1');
    await snapshot(admin, 'first-clinic-admin');
    await Promise.all([admin.waitForURL('**/setup/clinic'), admin.locator('form[action="/setup/admin"] button[type=submit]').click()]);

    await admin.fill('input[name=name]', 'Clínica Veterinaria Huellitas');
    await admin.fill('input[name=address]', 'Av. Zaragoza 120, Centro, 76000 Querétaro, Qro.');
    await admin.fill('input[name=phone]', '4421234567');
    await admin.fill('input[name=email]', 'hola@huellitas.mx');
    await admin.fill('input[name=opens]', '09:00');
    await admin.fill('input[name=closes]', '18:00');
    await snapshot(admin, 'first-clinic-facts');
    await Promise.all([admin.waitForURL('**/setup/fiscal**'), admin.locator('form[action="/setup/clinic"] button[type=submit]').click()]);

    await admin.fill('input[name=rfc]', 'EKU9003173C9');
    await admin.fill('input[name=legalName]', 'Escuela Kemper Urgate');
    await admin.selectOption('select[name=regimenFiscal]', '601');
    await admin.fill('[name=postalCode]', '76000');
    // Saved, the same page comes back at its CSD form: wait for the new form, not the one already there.
    await admin.evaluate(() => document.querySelector('input[name=cer]')?.setAttribute('data-before-save', ''));
    await admin.locator('form[action="/setup/fiscal"] button[type=submit]').click();
    await expect.poll(() => admin.locator('input[name=cer]:not([data-before-save])').count()).toBe(1);
    await admin.setInputFiles('input[name=cer]', join(CSD, 'EKU9003173C9.cer'));
    await admin.setInputFiles('input[name=key]', join(CSD, 'EKU9003173C9.key'));
    await admin.fill('form[action="/setup/csd"] input[name=password]', '12345678a');
    // Installing the CSD seals a test string with it: slow on a busy machine.
    await Promise.all([admin.waitForURL('**/setup/staff', { timeout: 30_000 }), admin.locator('form[action="/setup/csd"] button[type=submit]').click()]);
    await expect.poll(() => admin.locator('.flash-success').first().textContent()).toContain('30001000000500003416');

    await admin.fill('input[name=name]', 'Dr. Pablo Soto');
    await admin.fill('input[name=email]', 'pablo@huellitas.mx');
    await admin.selectOption('select[name=role]', 'veterinarian');
    await admin.locator('form[action="/setup/staff"] button[type=submit]').click();
    await expect.poll(() => admin.locator('main').textContent()).toContain('pablo@huellitas.mx');
    await snapshot(admin, 'first-clinic-team');
    await admin.goto(`${env.base}/setup/services`);
    const consult = admin.locator('label', { hasText: 'Consulta' }).first();
    await consult.locator('input[type=checkbox]').check();
    await snapshot(admin, 'first-clinic-services');
    await Promise.all([
      admin.waitForURL((u) => !u.pathname.endsWith('/services')),
      admin.locator('form[action="/setup/services"] button[type=submit]').click(),
    ]);

    // The vet chooses a password from the invitation.
    const invitation = await mailTo('pablo@huellitas.mx');
    const link = /https?:\/\/\S+reset-password\?token=[^\s"<]+/.exec(invitation.body)![0];
    const vet = await newPage(env, PHONE);
    await vet.goto(`${env.base}${new URL(link).pathname}${new URL(link).search}`);
    await vet.fill('input[name=password]', 'pablo-elige-2026');
    await Promise.all([
      vet.waitForURL((u) => !u.pathname.startsWith('/reset-password')),
      vet.locator('form[action="/reset-password"] button[type=submit]').click(),
    ]);
    await signIn(vet, env, 'pablo@huellitas.mx', 'pablo-elige-2026');

    // An owner signs up, adds her dog and books tomorrow online.
    const owner = await newPage(env, PHONE);
    await signUp(owner, env, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    await owner.goto(`${env.base}/my/pets/new`);
    await owner.fill('input[name=name]', 'Toby');
    await Promise.all([owner.waitForURL((u) => !u.pathname.endsWith('/new')), owner.locator('form[action="/my/pets/new"] button[type=submit]').click()]);
    await owner.goto(`${env.base}/book`);
    await owner.locator('.choice', { hasText: 'Consulta' }).first().click();
    await owner.locator('.choice', { hasText: 'Toby' }).click();
    await expect.poll(() => owner.locator('.choices.days a.choice').count()).toBeGreaterThan(3);
    await owner.locator('.choices.days a.choice').nth(1).click();
    await expect.poll(() => owner.locator('.choices.times button').count()).toBeGreaterThan(3);
    await snapshot(owner, 'first-clinic-book');
    await Promise.all([owner.waitForURL('**/my/appointments'), owner.locator('.choices.times button').first().click()]);
    const ics = await owner.request.get(`${env.base}${await owner.locator('a[href$=".ics"]').first().getAttribute('href')}`);
    const [, y, m, d, hh, mm] = /DTSTART;TZID=[^:]+:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec((await ics.text()).split('BEGIN:VEVENT')[1]!)!;

    // On the day, the vet checks Toby in and completes the visit.
    const at = new Date(`${y}-${m}-${d}T${hh}:${mm}:00-06:00`);
    (env.t.platform.clock as unknown as { set(d: Date): void }).set(new Date(at.getTime() + 5 * 60_000));
    await vet.goto(`${env.base}/admin/schedule?date=${y}-${m}-${d}`);
    const visit = vet.locator('.timeline li', { hasText: 'Toby' });
    await visit.locator('form[action$="/check-in"] button').click();
    await expect.poll(() => visit.locator('form[action$="/complete"]').count()).toBe(1);
    await visit.locator('form[action$="/complete"] button').click();
    await expect.poll(() => visit.locator('.badge').textContent()).toBe('Atendida');

    // The front desk (the admin) invoices it, takes cash and seals the CFDI with the clinic's own CSD.
    await admin.goto(`${env.base}/admin/billing`);
    const billable = admin.locator('li[id^="appointment-"]', { hasText: 'Toby' });
    await Promise.all([admin.waitForURL(/\/admin\/billing\/invoices\/\d+/), billable.locator('button[type=submit]').click()]);
    await admin.selectOption('#form-payment select[name=method]', 'cash');
    await admin.click('#form-payment button[type=submit]');
    await expect.poll(() => admin.locator('.card-head .badge').first().textContent()).toBe('Pagada');
    // The desk asks for the customer's fiscal data first, then comes back to the invoice.
    await Promise.all([admin.waitForURL(/\/fiscal/), admin.locator('.bill-cfdi button[type=submit]', { hasText: 'Emitir CFDI' }).click()]);
    await admin.fill('input[name=rfc]', 'PEGL850315AB1');
    await admin.fill('input[name=legalName]', 'Lucía Pérez Gómez');
    await admin.selectOption('select[name=regimenFiscal]', '612');
    await admin.fill('[name=postalCode]', '06600');
    await admin.selectOption('select[name=usoCfdi]', 'G03');
    await Promise.all([admin.waitForURL(/\/admin\/billing\/invoices\/\d+/), admin.locator('#fiscal-form button[type=submit]').click()]);
    await admin.locator('.bill-cfdi button[type=submit]', { hasText: 'Emitir CFDI' }).click();
    await expect.poll(() => admin.locator('.bill-cfdi').textContent(), { timeout: 30_000 }).toContain('sin timbrar');
    await snapshot(admin, 'first-clinic-cfdi');
    const xml = await admin.request.get(`${env.base}${await admin.locator('.bill-cfdi a[href$="cfdi.xml"]').getAttribute('href')}`);
    const cfdi = await xml.text();
    // Valid against the SAT's XSD, sealed with the certificate the admin uploaded.
    expect(await validateCfdi(cfdi)).toMatchObject({ valid: true });
    const doc = parseDocument(cfdi, { xmlMode: true });
    const element = (name: string) => DomUtils.findOne((e) => e.name === name, doc.children)!;
    expect(element('cfdi:Comprobante').attribs.NoCertificado).toBe('30001000000500003416');
    expect(element('cfdi:Emisor').attribs.Rfc).toBe('EKU9003173C9');
    expect(element('cfdi:Receptor').attribs.Rfc).toBe('PEGL850315AB1');
  });
});
