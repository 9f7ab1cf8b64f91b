import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot } from './browser';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };
const SUPPLIER_CFDI = new URL('../../../../modules/accounting/test/fixtures/supplier-cfdi40.xml', import.meta.url).pathname;

describe.skipIf(!hasChromium)('payables, receivables and the bank in the browser', () => {
  let env: BrowserEnv;
  let ownerId: string;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    const { startBrowserEnv } = await import('./browser');
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const accountant = await StaffFactory(p, 'accountant', { name: 'Carla Contadora', email: 'carla@clinica.mx', password: 'partida-doble-1' });
    const desk = await StaffFactory(p, 'receptionist');
    const books = p.services.accounting;
    const billing = p.services.billing;
    const vendor = await books.payables.createVendor(accountant.actor, { name: 'Laboratorios Holland de México', rfc: 'LHM9205143T1', paymentTerms: 'net15' });
    await books.payables.createBill(accountant.actor, {
      vendorId: vendor.id,
      billNumber: 'LH-2231',
      billDate: '2026-01-20',
      lines: [{ accountCode: '1106', description: 'Vacunas', amount: '4200.00' }],
    });
    const owner = await OwnerFactory(p);
    ownerId = owner.user.id;
    const invoice = await billing.invoices.createManual(desk.actor, { ownerId });
    await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Cirugía de esterilización', unitPrice: '2900.00', taxClass: 'exempt' });
    await billing.invoices.issueInvoice(desk.actor, invoice.id);
    await billing.payments.recordPayment(desk.actor, invoice.id, { amount: '1000.00', method: 'transfer' });
    const bank = await books.bank.createBankAccount(accountant.actor, { name: 'BBVA operativa', bankName: 'BBVA', ledgerAccountCode: '1102.01' });
    await books.bank.createRule(accountant.actor, { pattern: 'COMISION', accountCode: '7101', description: 'Comisión bancaria' });
    await books.bank.importStatement(accountant.actor, bank.id, {
      format: 'csv',
      content: `Fecha,Concepto,Referencia,Importe\n10/03/2026,SPEI RECIBIDO ${invoice.invoiceNumber},0099,1000.00\n10/03/2026,COMISION MANEJO DE CUENTA,C1,-150.00\n`,
      mapping: { date: 'Fecha', description: 'Concepto', reference: 'Referencia', amount: 'Importe', dateFormat: 'DD/MM/YYYY', delimiter: ',' },
    });
    await p.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it("an accountant books a supplier's CFDI and pays a bill on a phone", async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/payables`);
    expect(await page.textContent('h1')).toContain('Cuentas por pagar');
    // LH-2231 ($4,872.00) was due on 4 February: 34 days late.
    expect(await page.textContent('table.aging tbody')).toContain('$4,872.00');
    await snapshot(page, 'payables-390');

    await page.setInputFiles('input[name=xml]', SUPPLIER_CFDI);
    await page.click('form[action="/admin/accounting/payables/cfdi"] button[type=submit]');
    await page.waitForSelector('text=proveedor ESCUELA KEMPER URGATE dado de alta');
    expect(await page.textContent('main')).toContain('6f35d3b5-3651-5370-bc2c-14cdbe384cd7');
    expect(await page.textContent('main')).toContain('$3,327.01');
    await page.fill('input[name=amount]', '1327.01');
    await page.fill('input[name=reference]', 'SPEI 5521');
    await page.click('form[action$="/pay"] button[type=submit]');
    await page.waitForSelector('text=Pago registrado.');
    expect(await page.textContent('h1')).toContain('Pago parcial');
    await snapshot(page, 'payables-bill-390');

    // The same XML again is refused, saying why.
    await page.goto(`${env.base}/admin/accounting/payables`);
    await page.setInputFiles('input[name=xml]', SUPPLIER_CFDI);
    await page.click('form[action="/admin/accounting/payables/cfdi"] button[type=submit]');
    await page.waitForSelector('.flash-error');
    expect(await page.textContent('.flash-error')).toContain('ya está registrado');
  });

  it('a new supplier with its DIOT types, on a laptop', async () => {
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/vendors`);
    await page.fill('input[name=name]', 'Inmobiliaria Las Palmas');
    await page.fill('input[name=rfc]', 'ilp0803125q2');
    await page.selectOption('select[name=operationType]', '06');
    await page.click('form[action="/admin/accounting/vendors"] button[type=submit]');
    await page.waitForSelector('text=Proveedor guardado.');
    expect(await page.textContent('main')).toContain('ILP0803125Q2');
    expect(await page.textContent('main')).toContain('06 Arrendamiento de inmuebles');
    await snapshot(page, 'vendors-1280');
  });

  it("receivables by age and an owner's statement of account", async () => {
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/receivables`);
    expect(await page.textContent('main')).toContain('$1,900.00');
    await snapshot(page, 'receivables-1280');
    await page.click(`a[href="/admin/accounting/receivables/${ownerId}"]`);
    await page.waitForSelector('h1:has-text("Estado de cuenta")');
    expect(await page.textContent('tfoot')).toContain('$1,900.00');
    await snapshot(page, 'statement-1280');
    const pdf = await page.request.get(`${env.base}/admin/accounting/receivables/${ownerId}/statement.pdf?from=2026-01-01&to=2026-03-10`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const phone = await newPage(env, PHONE);
    await signIn(phone, env, 'carla@clinica.mx', 'partida-doble-1');
    await phone.goto(`${env.base}/admin/accounting/receivables/${ownerId}`);
    await snapshot(phone, 'statement-390');
  });

  it('reconciles the bank: a rule books the fee, the transfer is suggested, and it locks at zero', async () => {
    // The worker books the supplier's payment made in the first test.
    await env.t.platform.ctx.events.dispatch();
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/bank`);
    await page.fill('input[name=statementBalance]', '850.00');
    await page.fill('input[name=openingBalance]', '0');
    await page.click('form[action="/admin/accounting/bank/reconciliations"] button[type=submit]');
    await page.waitForSelector('h1:has-text("Conciliación")');
    await page.click('form[action$="/apply-rules"] button');
    await page.waitForSelector('text=1 movimientos registrados por reglas.');
    await page.click('form[action$="/accept-suggestions"] button');
    await page.waitForSelector('text=Movimientos conciliados.');
    // 1,000.00 in − 150.00 fee = 850.00; the supplier's payment of 1,327.01 is not on the statement yet and stays uncleared.
    expect(await page.textContent('.figures-grid')).toContain('$0.00');
    expect(await page.textContent('main')).toContain('($1,327.01)');
    await snapshot(page, 'reconciliation-1280');
    await page.click('form[action$="/complete"] button');
    await page.waitForSelector('text=Conciliación terminada y bloqueada.');
    const phone = await newPage(env, PHONE);
    await signIn(phone, env, 'carla@clinica.mx', 'partida-doble-1');
    await phone.goto(page.url());
    await snapshot(phone, 'reconciliation-390');
    await phone.goto(`${env.base}/admin/accounting/bank`);
    await snapshot(phone, 'bank-390');
  });

  it('is closed to the front desk', async () => {
    const page = await newPage(env, PHONE);
    await StaffFactory(env.t.platform, 'receptionist', { name: 'Paty', email: 'paty@clinica.mx', password: 'agenda-llena-1' });
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    const response = await page.goto(`${env.base}/admin/accounting/payables`);
    expect(response?.status()).toBe(403);
  });
});
