import type { AccountingServices } from '@petfriendly/accounting';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { BillingServices } from '@petfriendly/billing';
import type { StoreServices } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot } from './browser';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

describe.skipIf(!hasChromium)('a supplier bill matched to stock receipts, and receivables as of a day, in the browser', () => {
  let env: BrowserEnv;
  let billId: number;
  beforeAll(async () => {
    const { startBrowserEnv } = await import('./browser');
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const accountant = await StaffFactory(p, 'accountant', { name: 'Carla Contadora', email: 'carla@clinica.mx', password: 'partida-doble-1' });
    const manager = await StaffFactory(p, 'manager');
    const desk = await StaffFactory(p, 'receptionist');
    const books = p.services.accounting as AccountingServices;
    const store = p.services.store as StoreServices;
    const billing = p.services.billing as BillingServices;
    const product = await ProductFactory(p, { name: 'Croquetas adulto 15 kg', stock: 0 });
    for (const [quantity, costPerUnit, batchNumber] of [
      [10, '50.00', 'CR-0301'],
      [4, '120.00', 'CR-0302'],
    ] as const)
      await store.inventory.receiveStock(manager.actor, {
        productId: product.id,
        quantity,
        costPerUnit,
        batchNumber,
        supplier: 'Distribuidora Norte',
        supplierRfc: 'DNO150320AB1',
      });
    const vendor = await books.payables.createVendor(accountant.actor, { name: 'Distribuidora Norte', rfc: 'DNO150320AB1' });
    const bill = await books.payables.createBill(accountant.actor, {
      vendorId: vendor.id,
      billNumber: 'DN-900',
      billDate: '2026-03-10',
      lines: [
        { accountCode: '2102', description: '10 bultos a $52.00', amount: '520.00' },
        { accountCode: '2102', description: '4 bultos', amount: '480.00' },
      ],
    });
    billId = bill.id;
    const owner = await OwnerFactory(p, { name: 'Ana Ruiz' });
    const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Hospitalización', unitPrice: '1000.00', taxClass: 'exempt' });
    await billing.invoices.issueInvoice(desk.actor, invoice.id);
    await p.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it('an accountant matches the bill’s lines to the receipts on a laptop; the price difference is flagged', async () => {
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/payables/bills/${billId}`);
    await page.click(`a[href="/admin/accounting/payables/bills/${billId}/receipts"]`);
    await page.waitForSelector('h1:has-text("Conciliar con entradas de almacén")');
    const receipt = await page.$eval('select[name=receiptId] option:has-text("CR-0301")', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('select[name=receiptId]', receipt);
    await page.fill('input[name=quantity]', '10');
    await page.fill('input[name=unitPrice]', '52.00');
    await page.click('form[action$="/receipts"] button[type=submit]');
    await page.waitForSelector('text=Renglón conciliado.');
    expect(await page.textContent('main table')).toContain('Precio distinto');
    expect(await page.textContent('main table')).toContain('$20.00');
    // The receipt is taken: it is no longer offered.
    expect(await page.$('select[name=receiptId] option:has-text("CR-0301")')).toBeNull();
    await snapshot(page, 'receipt-matching-1280');
  });

  it('the same page on a phone: the second line agrees with its receipt', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/payables/bills/${billId}/receipts`);
    await page.fill('input[name=quantity]', '4');
    await page.fill('input[name=unitPrice]', '120.00');
    await page.click('form[action$="/receipts"] button[type=submit]');
    await page.waitForSelector('text=Renglón conciliado.');
    expect(await page.textContent('main table')).toContain('Coincide');
    await snapshot(page, 'receipt-matching-390');
  });

  it('receivables as of a chosen day, with its CSV', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/receivables`);
    await page.fill('input[name=asOf]', '2026-03-09');
    await page.click('form.period-picker button[type=submit]');
    await page.waitForURL(/asOf=2026-03-09/);
    expect(await page.textContent('main')).toContain('No hay saldos por cobrar.');
    await page.fill('input[name=asOf]', '2026-03-10');
    await page.click('form.period-picker button[type=submit]');
    await page.waitForSelector('text=Ana Ruiz');
    await snapshot(page, 'receivables-as-of-390');
    const csv = await page.request.get(`${env.base}/admin/accounting/receivables/aging.csv?asOf=2026-03-10`);
    expect(await csv.text()).toContain('Ana Ruiz,1000.00,0.00,0.00,0.00,0.00,1000.00');
  });
});
