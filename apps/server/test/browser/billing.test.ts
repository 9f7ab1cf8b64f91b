import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { createBillingModule } from '@petfriendly/billing';
import type { money } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/http/app';
import { modules } from '../../src/modules';
import { type BrowserEnv, CHROMIUM, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

// Whole flows through the browser; the first CFDI of a process also loads SaxonJS and the XSD validator.
vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)('billing in the browser', () => {
  let env: BrowserEnv;
  let orderId: number;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    const vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bata-blanca-1' });
    await StaffFactory(platform, 'manager', { name: 'Paty Caja', email: 'paty@clinica.mx', password: 'caja-abierta-1' });
    const service = await ServiceFactory(platform, { staffIds: [vet.user.id] });

    // A visit this morning, finished: the front desk invoices it.
    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    const toby = await PetFactory(platform, lucia.actor, { name: 'Toby' });
    const appointments = platform.services.appointments;
    const booked = await appointments.appointments.bookAppointment(vet.actor, {
      petId: toby.id,
      date: '2026-03-10',
      time: '12:30',
      serviceType: service.slug,
      createdVia: 'phone',
    });
    await appointments.schedule.confirmAppointment(booked.id, vet.actor);
    await appointments.schedule.checkInPatient(booked.id, vet.actor);
    await appointments.schedule.completeAppointment(booked.id, vet.actor, {});
    const billing = platform.services.billing;
    await billing.fiscal.saveFiscalProfile(lucia.actor, {
      rfc: 'PEGL850315AB1',
      legalName: 'Lucía Pérez Gómez',
      regimenFiscal: '612',
      postalCode: '06600',
      usoCfdi: 'G03',
    });
    await ProductFactory(platform, { name: 'Croquetas Adulto Raza Mediana 2 kg', sku: 'CROQ-AM-2K', price: '389.00', stock: 12 });

    // An order from the shop, to be paid by card online.
    const jorge = await OwnerFactory(platform, { name: 'Jorge Domínguez', email: 'jorge@example.mx', password: 'mi-gato-michi-1' });
    const pipette = await ProductFactory(platform, { name: 'Pipeta antipulgas gato', sku: 'PIP-GATO', price: '215.00', stock: 5 });
    const store = platform.services.store;
    await store.carts.addItem(jorge.actor, { ownerId: jorge.user.id }, { productId: pipette.id, quantity: 2 });
    orderId = (await store.checkout.completeCheckout(jorge.actor, { ownerId: jorge.user.id }, { paymentMethod: 'card_online' })).id;
  });
  afterAll(async () => env?.close());

  it('the front desk invoices a finished visit, adds a product, takes cash and issues the CFDI', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    await page.goto(`${env.base}/admin/billing`);
    const visit = page.locator('li[id^="appointment-"]', { hasText: 'Toby' });
    await expect.poll(() => visit.textContent()).toContain('Lucía Pérez');
    await snapshot(page, 'billing-desk');

    await Promise.all([page.waitForURL(/\/admin\/billing\/invoices\/\d+/), visit.locator('button[type=submit]').click()]);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Factura F-\d+/);
    await expect.poll(() => page.locator('.bill-lines').textContent()).toContain('Consulta general');

    await page.fill('.bill-add input[name=q]', 'croquetas');
    await Promise.all([page.waitForURL(/q=croquetas/), page.press('.bill-add input[name=q]', 'Enter')]);
    const product = page.locator('.bill-products li', { hasText: 'Croquetas Adulto' });
    await expect.poll(() => product.textContent()).toContain('CROQ-AM-2K');
    await snapshot(page, 'billing-desk-add');
    await product.locator('input[name=quantity]').fill('2');
    await product.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.bill-lines').textContent()).toContain('Croquetas Adulto Raza Mediana 2 kg');
    // 450 + 2 × 389 = 1,228, IVA included.
    await expect.poll(() => page.locator('.bill-totals').textContent()).toContain('$1,228.00');

    expect(await page.inputValue('#form-payment input[name=amount]')).toBe('1228.00');
    await page.selectOption('#form-payment select[name=method]', 'cash');
    await page.fill('#form-payment input[name=amount]', '1500');
    await page.click('#form-payment button[type=submit]');
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('$1,228.00');
    await expect.poll(() => page.locator('.card-head .badge').first().textContent()).toBe('Pagada');
    expect(await page.locator('#form-payment').count()).toBe(0);
    await expect.poll(() => page.locator('.list li', { hasText: 'Efectivo' }).textContent()).toContain('cambio 272.00');

    await page.locator('.bill-cfdi button[type=submit]', { hasText: 'Emitir CFDI' }).click();
    // The first CFDI of a process loads SaxonJS and the XSD validator: give it time on a busy machine.
    await expect.poll(() => page.locator('.bill-cfdi').textContent(), { timeout: 30_000 }).toContain('sin timbrar');
    await snapshot(page, 'billing-desk-invoice');
    const pdf = await page.request.get(`${env.base}${await page.locator('.bill-cfdi a[href$="cfdi.pdf"]').getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/attachment; filename=".+\.pdf"/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // A manager refunds part of the cash as account credit (after confirming).
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('.bill-refund-form summary').first().click();
    await page.locator('.bill-refund-form input[name=amount]').fill('100');
    await page.locator('.bill-refund-form input[name=reason]').fill('Croquetas devueltas sin abrir');
    await page.locator('.bill-refund-form input[name=toCredit]').check();
    await page.locator('.bill-refund-form button[type=submit]').click();
    await expect.poll(() => page.locator('.flash-success').first().textContent()).toContain('$100.00');
    await expect.poll(() => page.locator('.card-head .badge').first().textContent()).toBe('Pago parcial');
    await expect.poll(() => page.locator('.list li', { hasText: 'Reembolso' }).textContent()).toContain('Saldo a favor');

    await page.goto(`${env.base}/admin/billing`);
    await expect.poll(() => visit.textContent()).toContain('Pago parcial');
    await snapshot(page, 'billing-desk-after');
  });

  it('an owner pays an order by card (test gateway), gives fiscal data and downloads the factura', async () => {
    const page = await newPage(env);
    await signIn(page, env, 'jorge@example.mx', 'mi-gato-michi-1');
    await page.goto(`${env.base}/pay/order/${orderId}`);
    await expect.poll(() => page.locator('.bill-test').textContent()).toContain('Pago de prueba (sin Stripe configurado)');
    await expect.poll(() => page.locator('.bill-amount').textContent()).toBe('$430.00');
    await snapshot(page, 'billing-pay-local');
    expect((await page.request.get(`${env.base}/pay/order/${orderId}`)).headers()['content-security-policy']).not.toContain('stripe');
    await Promise.all([page.waitForURL(/\/my\/invoices\/\d+$/), page.locator('.bill-test button[type=submit]').click()]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Pago recibido');
    await expect.poll(() => page.locator('.card-head .badge').first().textContent()).toBe('Pagada');
    expect(await page.locator('a[href^="/pay/"]').count()).toBe(0);
    const invoicePath = new URL(page.url()).pathname;

    // No fiscal data yet: asking for the factura leads to the form, and back.
    await Promise.all([page.waitForURL(/\/my\/fiscal\?next=/), page.locator('button[type=submit]', { hasText: 'Pedir factura' }).click()]);
    await page.fill('#fiscal-form input[name=rfc]', 'DORJ80');
    await page.fill('#fiscal-form input[name=legalName]', 'Jorge Domínguez Ruiz');
    await page.selectOption('#fiscal-form select[name=regimenFiscal]', '612');
    await page.fill('#fiscal-form input[name=postalCode]', '44100');
    await page.selectOption('#fiscal-form select[name=usoCfdi]', 'G03');
    await page.click('#fiscal-form button[type=submit]');
    await expect.poll(() => page.locator('#fiscal-form .field.has-error').textContent()).toContain('12 o 13 caracteres');
    expect(await page.inputValue('#fiscal-form input[name=legalName]')).toBe('Jorge Domínguez Ruiz');
    await snapshot(page, 'billing-fiscal-error');
    await page.fill('#fiscal-form input[name=rfc]', 'DORJ800101AB2');
    await Promise.all([page.waitForURL((url) => url.pathname === invoicePath), page.click('#fiscal-form button[type=submit]')]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Datos fiscales guardados');

    await page.locator('button[type=submit]', { hasText: 'Pedir factura' }).click();
    await expect.poll(() => page.locator('.bill-facts').textContent(), { timeout: 30_000 }).toContain('sin timbrar');
    await snapshot(page, 'billing-owner-invoice');
    const xml = await page.request.get(`${env.base}${await page.locator('a[href$="cfdi.xml"]').getAttribute('href')}`);
    expect(xml.status()).toBe(200);
    expect(xml.headers()['content-type']).toMatch(/application\/xml/);
    const body = await xml.text();
    expect(body).toContain('cfdi:Comprobante');
    expect(body).toContain('Rfc="DORJ800101AB2"');

    await page.goto(`${env.base}/my/invoices`);
    await expect.poll(() => page.locator('table.bill-list tbody tr').count()).toBe(1);
    await snapshot(page, 'billing-owner-invoices');
    await Promise.all([page.waitForResponse((r) => r.url().includes('/my/invoices') && r.status() === 200), page.selectOption('.lang-switch select', 'en')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('My invoices');
    expect(await page.locator('table.bill-list .badge').allTextContents()).toEqual(['Paid', 'CFDI not stamped']);
  });

  it('an owner cannot open the front desk nor another owner’s invoice', async () => {
    const page = await newPage(env);
    await signIn(page, env, 'jorge@example.mx', 'mi-gato-michi-1');
    expect((await page.goto(`${env.base}/admin/billing`))?.status()).toBe(403);
    const billing = env.t.platform.services.billing;
    const staff = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000000', role: 'manager', language: 'es' } as const;
    const theirs = (await billing.invoices.listInvoices(staff, {})).items.find((i) => i.orderId !== orderId && i.ownerId);
    expect((await page.goto(`${env.base}/my/invoices/${theirs!.id}`))?.status()).toBe(404);
    expect((await page.request.get(`${env.base}/my/invoices/${theirs!.id}/cfdi.xml`)).status()).toBe(404);
    expect((await page.goto(`${env.base}/my/invoices/abc`))?.status()).toBe(404);
  });

  it('staff keep an owner’s fiscal data for them', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    const billing = env.t.platform.services.billing;
    const staff = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000000', role: 'manager', language: 'es' } as const;
    const invoice = (await billing.invoices.listInvoices(staff, {})).items.find((i) => i.orderId === orderId)!;
    await page.goto(`${env.base}/admin/billing/invoices/${invoice.id}`);
    await Promise.all([page.waitForURL(/\/admin\/billing\/owners\/[0-9a-f-]+\/fiscal/), page.locator('.bill-cfdi a[href*="/fiscal"]').click()]);
    expect(await page.inputValue('#fiscal-form input[name=rfc]')).toBe('DORJ800101AB2');
    await page.fill('#fiscal-form input[name=postalCode]', '4410');
    await page.click('#fiscal-form button[type=submit]');
    await expect.poll(() => page.locator('#fiscal-form .field.has-error').textContent()).toContain('código postal de 5 dígitos');
    await page.fill('#fiscal-form input[name=postalCode]', '44160');
    await Promise.all([page.waitForURL(/\/admin\/billing\/invoices\/\d+/), page.click('#fiscal-form button[type=submit]')]);
    await expect.poll(() => page.locator('.flash-success').textContent()).toContain('Datos fiscales guardados');
    expect((await billing.fiscal.getFiscalProfile(staff, invoice.ownerId!))?.postalCode).toBe('44160');
    expect((await page.goto(`${env.base}/admin/billing/owners/not-a-user/fiscal`))?.status()).toBe(404);
  });

  it('the desk asks debit or credit, issues last month’s global invoice from the page, and a cancelled CFDI keeps its XML', async () => {
    const platform = env.t.platform;
    const store = platform.services.store;
    const billing = platform.services.billing;
    const staff = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000000', role: 'manager', language: 'es' } as const;
    const rosa = await OwnerFactory(platform, { name: 'Rosa Méndez' });
    const collar = await ProductFactory(platform, { name: 'Collar reflejante', price: '180.00', stock: 4 });
    await store.carts.addItem(rosa.actor, { ownerId: rosa.user.id }, { productId: collar.id });
    const sale = await store.checkout.completeCheckout(rosa.actor, { ownerId: rosa.user.id }, { paymentMethod: 'pay_at_clinic' });

    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'caja-abierta-1');
    await page.goto(`${env.base}/admin/billing/invoices/${sale.invoiceId}`);
    await page.selectOption('#form-payment select[name=method]', 'manual_card');
    await page.click('#form-payment button[type=submit]');
    await expect.poll(() => page.locator('#form-payment .field.has-error').textContent()).toContain('débito o crédito');
    await page.selectOption('#form-payment select[name=cardType]', 'debit');
    await page.click('#form-payment button[type=submit]');
    await expect.poll(() => page.locator('.card-head .badge').first().textContent()).toBe('Pagada');
    expect((await billing.invoices.getInvoice(rosa.actor, sale.invoiceId!)).payments.map((p) => p.cardType)).toEqual(['debit']);

    // April: the desk reports March's sales without a CFDI of their own.
    platform.clock.set('2026-04-02T16:00:00Z');
    await page.goto(`${env.base}/admin/billing#global`);
    expect(await page.inputValue('input[name=month]')).toBe('2026-03');
    await snapshot(page, 'billing-desk-global-390');
    await Promise.all([page.waitForURL(/\/admin\/billing\/invoices\/\d+/), page.locator('button[type=submit]', { hasText: 'Emitir factura global' }).click()]);
    await expect.poll(() => page.locator('.flash-success').first().textContent(), { timeout: 30_000 }).toMatch(/Factura global G-2026-03-\d+ emitida/);
    const xml = await (await page.request.get(`${env.base}${await page.locator('.bill-cfdi a[href$="cfdi.xml"]').getAttribute('href')}`)).text();
    const globalId = Number(/invoices\/(\d+)/.exec(page.url())![1]);
    expect(xml).toBe((await billing.invoices.getInvoice(staff, globalId)).cfdiXml); // the XSD check of it is in modules/billing
    expect(xml).toContain('Rfc="XAXX010101000"');
    expect(xml).toContain('FormaPago="28"');
    expect([...xml.matchAll(/NoIdentificacion="([^"]+)"/g)].map((m) => m[1])).toEqual([
      (await billing.invoices.getInvoice(staff, sale.invoiceId!)).invoiceNumber,
    ]);
    await page.goto(`${env.base}/admin/billing`);
    await page.locator('button[type=submit]', { hasText: 'Emitir factura global' }).click();
    await expect.poll(() => page.locator('.flash-error').first().textContent()).toContain('No quedan ventas de 2026-03');

    // Jorge's factura is cancelled: its XML stays downloadable, and the page says no acuse exists for an unstamped CFDI.
    const jorges = (await billing.invoices.listInvoices(staff, {})).items.find((i) => i.orderId === orderId)!;
    const wide = await newPage(env);
    await signIn(wide, env, 'paty@clinica.mx', 'caja-abierta-1');
    wide.on('dialog', (dialog) => void dialog.accept());
    await wide.goto(`${env.base}/admin/billing/invoices/${jorges.id}`);
    await wide.locator('.bill-cfdi summary', { hasText: 'Cancelar CFDI' }).click();
    await wide.selectOption('.bill-cfdi select[name=motive]', '02');
    await wide.locator('.bill-cfdi button[type=submit]', { hasText: 'Cancelar CFDI' }).click();
    await expect.poll(() => wide.locator('.bill-cfdi .badge, .card-head .badge').allTextContents()).toContain('CFDI cancelado');
    await expect.poll(() => wide.locator('.bill-facts').textContent()).toContain('nunca se timbró');
    await snapshot(wide, 'billing-desk-cfdi-cancelled-1280');
    const kept = await wide.request.get(`${env.base}${await wide.locator('.bill-cfdi a[href$="cfdi.xml"]').getAttribute('href')}`);
    expect(kept.status()).toBe(200);
    expect(await kept.text()).toBe(jorges.cfdiXml);
  });
});

/** Stripe.js as far as the payment page uses it: the element mounts, confirmPayment declines once, then "redirects". */
const FAKE_STRIPE_JS = `
window.Stripe = function (key, options) {
  window.__stripe = { key, options, confirmations: [] };
  return {
    elements(init) {
      window.__stripe.elements = init;
      return {
        create(type) {
          const element = { handlers: {} };
          element.mount = (selector) => {
            document.querySelector(selector).innerHTML = '<p class="fake-card">4242 4242 4242 4242 · 12/30 · 123</p>';
            setTimeout(() => element.handlers.ready && element.handlers.ready(), 0);
          };
          element.on = (event, handler) => { element.handlers[event] = handler; };
          return element;
        },
      };
    },
    async confirmPayment({ confirmParams }) {
      window.__stripe.confirmations.push(confirmParams.return_url);
      if (window.__stripe.confirmations.length === 1) return { error: { type: 'card_error', message: 'Tu tarjeta fue rechazada.' } };
      const back = new URL(confirmParams.return_url);
      location.href = back.pathname + back.search;
      return {};
    },
  };
};`;

describe.skipIf(!hasChromium)('card payment through Stripe', () => {
  let env: BrowserEnv;
  let invoiceId: number;
  const intents: { amount: string; metadata: Record<string, string> }[] = [];
  // The Stripe adapter itself is tested against a fake Stripe API in modules/billing; here only what the page needs.
  const gateway = {
    name: 'stripe' as const,
    publishableKey: 'pk_test_pagina_de_pago',
    async createIntent(input: { amount: ReturnType<typeof money>; metadata: Record<string, string> }) {
      intents.push({ amount: input.amount.toFixed(2), metadata: input.metadata });
      const id = `pi_test_${intents.length}`;
      return {
        id,
        clientSecret: `${id}_secret_abc`,
        status: 'requires_payment_method' as const,
        amount: input.amount,
        currency: 'MXN',
        chargeId: null,
        metadata: input.metadata,
      };
    },
    retrieveIntent: () => Promise.reject(new Error('not used')),
    refund: () => Promise.reject(new Error('not used')),
    parseWebhook: () => {
      throw new Error('not used');
    },
  };

  beforeAll(async () => {
    const platform = await createTestPlatform(
      modules.map((m) => (m.name === 'billing' ? createBillingModule({ gateway }) : m)),
      { now: '2026-03-10T16:00:00Z', translations: { ui: uiMessages } },
    );
    const app = await buildApp(
      platform,
      { server: { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL! }, clinic: platform.ctx.clinic },
      { logger: false },
    );
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const close = async () => {
      await app.close();
      await platform.close();
    };
    env = {
      t: { platform, app, close },
      browser,
      base,
      close: async () => {
        await browser.close();
        await close();
      },
    };
    const owner = await OwnerFactory(platform, { name: 'Sofía Ramírez', email: 'sofia@example.mx', password: 'mi-conejo-1' });
    const product = await ProductFactory(platform, { name: 'Heno para conejo 1 kg', price: '150.00', stock: 3 });
    const store = platform.services.store;
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity: 1 });
    invoiceId = (await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online' })).invoiceId!;
  });
  afterAll(async () => env?.close());

  it('mounts the Payment Element with the intent, shows a decline, then returns to the invoice', async () => {
    const page = await newPage(env);
    await page.route('https://js.stripe.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_STRIPE_JS }));
    await signIn(page, env, 'sofia@example.mx', 'mi-conejo-1');
    const response = await page.goto(`${env.base}/pay/invoice/${invoiceId}`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' https:\/\/js\.stripe\.com/);
    expect(csp).toMatch(/frame-src [^;]*https:\/\/js\.stripe\.com/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/api\.stripe\.com/);
    await expect.poll(() => page.locator('.fake-card').count()).toBe(1);
    await expect.poll(() => page.locator('#payment-form button[type=submit]').isEnabled()).toBe(true);
    expect(await page.evaluate(() => (window as any).__stripe.key)).toBe('pk_test_pagina_de_pago');
    expect(await page.evaluate(() => (window as any).__stripe.elements.clientSecret)).toBe('pi_test_1_secret_abc');
    expect(await page.evaluate(() => (window as any).__stripe.options.locale)).toBe('es-419');
    expect(intents).toEqual([{ amount: '150.00', metadata: { invoiceId: String(invoiceId), invoiceNumber: expect.stringMatching(/^F-/) } }]);
    expect(await page.getAttribute('#stripe-pay', 'data-return-url')).toBe(`http://localhost:3000/my/invoices/${invoiceId}?paid=1`);
    await snapshot(page, 'billing-pay-stripe');

    await page.click('#payment-form button[type=submit]');
    await expect.poll(() => page.locator('#payment-message').textContent()).toBe('Tu tarjeta fue rechazada.');
    await Promise.all([page.waitForURL(/\/my\/invoices\/\d+\?paid=1/), page.click('#payment-form button[type=submit]')]);
    // The webhook has not arrived yet: the owner is told the payment is being confirmed.
    await expect.poll(() => page.locator('.flash-info').textContent()).toContain('confirmando tu pago');
    // Reloading the page reuses the open PaymentIntent instead of starting another.
    await page.goto(`${env.base}/pay/invoice/${invoiceId}`);
    expect(intents).toHaveLength(1);
  });
});
