import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('the cash close in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const desk = await StaffFactory(p, 'receptionist', { name: 'Paty Recepción', email: 'paty@clinica.mx', password: 'agenda-llena-1' });
    await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    const billing = p.services.billing;
    const owner = await OwnerFactory(p);
    const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Certificado de salud', unitPrice: '850.00', taxClass: 'exempt' });
    await billing.invoices.issueInvoice(desk.actor, invoice.id);
    await billing.payments.recordPayment(desk.actor, invoice.id, { amount: '600.00', method: 'cash' });
    await billing.payments.recordPayment(desk.actor, invoice.id, { amount: '250.00', method: 'manual_card', cardType: 'credit' });
    await p.services['cash-close'].cashClose.recordMovement(desk.actor, { kind: 'float', amount: '500.00' });
    await p.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it('reception counts the drawer on a phone and a manager approves it on a laptop, with a PDF slip', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/cash-close`);
    expect(await page.textContent('h1')).toContain('Corte de caja');
    // Expected: 500 float + 600 cash = 1,100.00 in the drawer; 250.00 on the terminal.
    expect(await page.textContent('main')).toContain('$1,100.00');
    await page.fill('input[name="pieces.500"]', '2');
    await page.fill('input[name="pieces.50"]', '1');
    await page.fill('input[name="pieces.20"]', '2');
    await page.fill('input[name="pieces.0_50"]', '1');
    await page.fill('input[name=cardTerminalTotal]', '250.00');
    await page.click('form[action="/admin/cash-close/count"] button[type=submit]');
    // 1,090.50 counted: the difference needs a reason, shown next to its field.
    await page.waitForSelector('.field.has-error textarea[name=reason]');
    await page.fill('textarea[name=reason]', 'Faltan $9.50 de cambio');
    await page.click('form[action="/admin/cash-close/count"] button[type=submit]');
    await page.waitForSelector('text=Conteo guardado.');
    expect(await page.textContent('main')).toContain('-$9.50');
    await expect(page.locator('form[action="/admin/cash-close/approve"]').count()).resolves.toBe(0);
    await snapshot(page, 'cash-close-390');

    const manager = await newPage(env, { width: 1280, height: 900 });
    await signIn(manager, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await manager.goto(`${env.base}/admin/cash-close`);
    await manager.click('form[action="/admin/cash-close/approve"] button[type=submit]');
    await manager.waitForSelector('text=Corte aprobado.');
    expect(await manager.textContent('.badge')).toContain('Aprobado');
    await snapshot(manager, 'cash-close-1280');
    const slip = await manager.request.get(`${env.base}/admin/cash-close/2026-03-10/slip.pdf`);
    expect(slip.status()).toBe(200);
    expect(slip.headers()['content-type']).toBe('application/pdf');
    expect((await slip.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
