import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { RewardFactory } from '@petfriendly/loyalty/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };

vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)('loyalty in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    await StaffFactory(platform, 'admin', { name: 'Admin', email: 'admin@clinica.mx', password: 'llave-maestra-1' });
    const desk = await StaffFactory(platform, 'receptionist');
    const manager = await StaffFactory(platform, 'manager', { name: 'Paty Gerente', email: 'paty@clinica.mx', password: 'caja-abierta-1' });
    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    await platform.ctx.events.dispatch();

    // Lucía paid a $1,250.00 visit last month: 1,250 points, expiring in a year.
    platform.clock.set('2026-02-12T16:00:00Z');
    const billing = platform.services.billing;
    const draft = await billing.invoices.createManual(desk.actor, { ownerId: lucia.user.id });
    await billing.invoices.addLine(desk.actor, draft.id, { description: 'Consulta y vacuna', unitPrice: '1250.00', taxClass: 'exempt' });
    const invoice = await billing.invoices.issueInvoice(desk.actor, draft.id);
    await billing.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' });
    await platform.ctx.events.dispatch();
    platform.clock.set('2026-03-10T16:00:00Z');
    const loyalty = platform.services.loyalty;
    await loyalty.loyalty.addPoints(desk.actor, lucia.user.id, { points: 150, reason: 'Bienvenida al programa' });
    await RewardFactory(platform, manager.actor, { name: '$100 de descuento en la tienda', pointsCost: 1000, discountAmount: '100.00' });
    await RewardFactory(platform, manager.actor, { name: '10 % en tu siguiente compra', pointsCost: 2500, discountPercent: '10' });
  });
  afterAll(async () => env?.close());

  it('an owner sees their points, tier and expiring lots, redeems a reward and gets a voucher', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'lucia@example.mx', 'mi-perro-toby-1');
    await page.goto(`${env.base}/my/points`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Mis puntos');
    expect(await page.getByTestId('balance').textContent()).toBe('1400');
    expect(await page.locator('.glance').textContent()).toContain('Bronce');
    expect(await page.locator('.glance').textContent()).toContain('Te faltan $3,750.00 de compras para Plata');
    expect(await page.getByText('Te faltan 1100 puntos').count()).toBe(1);
    await snapshot(page, 'loyalty-points-390');

    await page.getByRole('button', { name: 'Canjear: $100 de descuento en la tienda' }).click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('Tu cupón: R-');
    expect(await page.getByTestId('balance').textContent()).toBe('400');
    expect(await page.getByRole('button', { name: /^Devolver: R-/ }).count()).toBe(1);
    // The 150 bonus points expire last; the 1,000 came from February's lot first.
    expect(await page.locator('.list.compact li').first().textContent()).toContain('250');

    const wide = await newPage(env, WIDE);
    await signIn(wide, env, 'lucia@example.mx', 'mi-perro-toby-1');
    await wide.goto(`${env.base}/my/points`);
    await snapshot(wide, 'loyalty-points-1280');
  });

  it('a manager adds a reward, finds an owner and gives bonus points', async () => {
    const page = await newPage(env, WIDE);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    await page.goto(`${env.base}/admin/loyalty`);
    await page.locator('#form-reward summary').click();
    const form = page.locator('#form-reward');
    await form.locator('input[name=name]').fill('Desparasitante gratis');
    await form.getByLabel('Tipo').selectOption('free_product');
    await form.locator('input[name=pointsCost]').fill('800');
    await form.getByLabel('Producto gratis (número de producto)').fill('3');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('Premio guardado');
    expect(await page.locator('.list', { hasText: 'Desparasitante gratis' }).count()).toBe(1);
    await snapshot(page, 'loyalty-admin-1280');

    await page.getByLabel('Nombre, correo o teléfono').fill('Lucía');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('link', { name: 'Ver puntos' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Puntos de Lucía Pérez');
    await page.locator('input[name=points]').fill('600');
    await page.locator('input[name=reason]').fill('Reseña en Google');
    await page.getByRole('button', { name: 'Dar puntos' }).click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('Se dieron 600 puntos');
    expect(await page.locator('.bill-amount').textContent()).toBe('1000');

    // At the front desk: redeemed for her, then taken as she is served.
    await page.getByRole('button', { name: 'Canjear: $100 de descuento en la tienda' }).click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('Tu cupón: R-');
    expect(await page.locator('.bill-amount').textContent()).toBe('0');
    await page
      .getByRole('button', { name: /^Marcar usado: R-/ })
      .first()
      .click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('Cupón marcado como usado');
    expect(await page.getByRole('button', { name: /^Marcar usado: R-/ }).count()).toBe(1);

    const phone = await newPage(env, PHONE);
    await signIn(phone, env, 'paty@clinica.mx', 'caja-abierta-1');
    await phone.goto(page.url());
    await snapshot(phone, 'loyalty-admin-390');
  });
});
