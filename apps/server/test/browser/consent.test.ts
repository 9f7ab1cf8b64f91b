import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

/** Signs on the pad with the mouse: a few strokes across it, as a hand would. */
async function drawSignature(page: Page) {
  const pad = page.locator('canvas[data-signature]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.1 + i * 0.06), y + (i % 2 ? -1 : 1) * box.height * 0.25, { steps: 3 });
  await page.mouse.up();
}

describe.skipIf(!hasChromium)('consent forms in the browser', () => {
  let env: BrowserEnv;
  let petId: number;
  let phonePath: string;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const vet = await StaffFactory(p, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bisturi-seguro-1' });
    const owner = await OwnerFactory(p, { name: 'Mariana Pérez López' });
    const pet = await PetFactory(p, owner.actor, { name: 'Canela' });
    petId = pet.id;
    const visit = await VisitFactory(p, pet.id, vet.actor);
    const consent = p.services.consent;
    const service = await ServiceFactory(p, { staffIds: [vet.user.id], name: 'Esterilización' });
    await consent.templates.setRequirement(vet.actor, service.id, { kind: 'surgery' });
    await p.services.appointments.appointments.bookAppointment(owner.actor, {
      petId: pet.id,
      date: '2026-03-12',
      time: '11:00',
      serviceType: service.slug,
    });
    const made = await consent.consents.request(vet.actor, {
      kind: 'anaesthesia',
      visitId: visit.id,
      procedure: 'Limpieza dental con sedación',
      estimate: '1500.00',
    });
    phonePath = made.path;
  });
  afterAll(async () => env?.close());

  it('the owner signs on their phone with the link, no account; an empty pad is refused and the link works once', async () => {
    const page = await newPage(env, PHONE);
    await page.goto(`${env.base}${phonePath}`);
    expect(await page.textContent('h1')).toContain('Firma del consentimiento');
    expect(await page.textContent('.consent-text')).toContain('Limpieza dental con sedación');
    await page.fill('input[name=signerName]', 'Mariana Pérez López');
    await page.click('button[type=submit]:has-text("Firmar")');
    // The pad is empty: the page stays and says so.
    await page.waitForSelector('[data-signature-empty]:not([hidden])');
    expect(page.url()).toBe(`${env.base}${phonePath}`);
    await drawSignature(page);
    expect(await page.isHidden('[data-signature-empty]')).toBe(true);
    await snapshot(page, 'consent-phone-390');
    await page.click('button[type=submit]:has-text("Firmar")');
    await page.waitForSelector('text=el consentimiento quedó firmado');
    await snapshot(page, 'consent-phone-signed-390');
    const again = await page.goto(`${env.base}${phonePath}`);
    expect(again!.status()).toBe(409);
  });

  it('the vet sees the warning on the chart, requests the consent, the owner signs on the tablet, and the warning goes', async () => {
    const page = await newPage(env, { width: 1280, height: 900 });
    await signIn(page, env, 'ana@clinica.mx', 'bisturi-seguro-1');
    await page.goto(`${env.base}/admin/pets/${petId}`);
    expect(await page.textContent('.consent-warning')).toContain('Esterilización');
    await snapshot(page, 'consent-chart-warning-1280');
    await page.click('.consent-warning a');
    await page.waitForSelector('form[action="/admin/consents/new"]');
    expect(await page.inputValue('select[name=kind]')).toBe('surgery');
    await page.fill('input[name=procedure]', 'Ovariohisterectomía');
    await page.fill('textarea[name=risks]', 'Hemorragia, infección de la herida.');
    await page.fill('input[name=estimate]', '3480.50');
    await page.click('form[action="/admin/consents/new"] button[type=submit]');
    await page.waitForSelector('.consent-link');
    expect(await page.textContent('.consent-text')).toContain('$3,480.50 (IVA incluido: $480.07, al 16 %)');
    await page.click('text=Firmar en la tableta');
    await page.waitForSelector('canvas[data-signature]');
    await page.fill('input[name=signerName]', 'Mariana Pérez López');
    await drawSignature(page);
    await snapshot(page, 'consent-tablet-1280');
    await page.click('button[type=submit]:has-text("Firmar")');
    await page.waitForSelector('text=el consentimiento quedó firmado');
    expect(await page.textContent('h1')).toContain('Firmado');
    const pdfHref = (await page.getAttribute('a[href$="consent.pdf"]', 'href'))!;
    await snapshot(page, 'consent-signed-1280');

    const pdf = await page.request.get(`${env.base}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text.replace(/\s+/g, ' ')).toContain('Firmó: Mariana Pérez López');
    expect(text).toContain('Ovariohisterectomía');

    await page.goto(`${env.base}/admin/pets/${petId}`);
    expect(await page.locator('.consent-warning').count()).toBe(0);
  });
  it('on a phone, staff list pending consents, open the request form, and edit a template text', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'ana@clinica.mx', 'bisturi-seguro-1');
    await page.goto(`${env.base}/admin/consents`);
    expect(await page.textContent('h1')).toContain('Consentimientos');
    await snapshot(page, 'consent-list-390');
    await page.goto(`${env.base}/admin/consents/new?pet=${petId}`);
    expect(await page.locator('select[name=appointmentId] option').count()).toBe(2);
    await snapshot(page, 'consent-request-390');
    await page.goto(`${env.base}/admin/consents/templates?lang=en`);
    const form = page.locator('form[action="/admin/consents/templates/euthanasia/en"]');
    await form.locator('input[name=title]').fill('Euthanasia request');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('text=Texto guardado.');
    expect(await page.inputValue('form[action="/admin/consents/templates/euthanasia/en"] input[name=title]')).toBe('Euthanasia request');
    await snapshot(page, 'consent-templates-390');
  });
});
