import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { money, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { type OrderBreakdown, type StoreServices, storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import type Decimal from 'decimal.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceBreakdown } from '../src/billing.events';
import { createBillingModule } from '../src/index';
import { createStripeGateway } from '../src/payments/gateways/index';
import type { BillingServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: BillingServices;
let store: StoreServices;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

const gateway = createStripeGateway({
  secretKey: 'sk_test_unused',
  publishableKey: 'pk_test_unused',
  webhookSecret: 'whsec_test_money_events',
  apiBase: 'http://127.0.0.1:9',
});

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, multilingualModule, storeModule, createBillingModule({ gateway })],
    {
      now: NOW,
      env: { BILLING__CASH_DISCOUNT_PERCENT: '5' },
    },
  );
  s = platform.services.billing;
  store = platform.services.store;
  desk = await StaffFactory(platform, 'receptionist');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

/** The payloads of one event raised about one invoice (or order), in the order they were raised. */
async function emitted<P>(name: string, key: 'invoiceId' | 'orderId', id: number): Promise<(P & { version: number })[]> {
  const rows = await platform.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.name, name), sql`(${outbox.payload} ->> ${key})::int = ${id}`))
    .orderBy(asc(outbox.position));
  return rows.map((r) => ({ ...(r.payload as P), version: r.version }));
}

const sum = (values: string[]): Decimal => values.reduce((a, v) => a.plus(v), money(0));
const cents = (d: Decimal) => d.toDecimalPlaces(2).toFixed(2);

/** The books' check: lines and per-rate subtotals add up to the total, to the centavo. */
function expectAddsUp(b: InvoiceBreakdown | OrderBreakdown, extraLines: { base: string; tax: string; total: string }[] = []) {
  const lines = [...b.lines, ...extraLines];
  expect(cents(money(b.subtotal).minus(b.discount).plus(b.tax))).toBe(b.total);
  expect(cents(sum(lines.map((l) => l.total)))).toBe(b.total);
  expect(cents(sum(b.taxes.map((t) => t.tax)))).toBe(b.tax);
  expect(cents(sum(b.taxes.map((t) => money(t.base).plus(t.tax).toFixed(2))))).toBe(b.total);
  expect(cents(sum(b.taxes.map((t) => t.base)))).toBe(cents(money(b.subtotal).minus(b.discount)));
  if (isInvoice(b)) {
    // Each rate's base and IVA are its lines' (six decimals each, rounded once, as the CFDI does).
    for (const rate of b.taxes) {
      const own = b.lines.filter((l) => (l.taxRate ?? 'exempt') === rate.rate);
      expect(cents(sum(own.map((l) => l.base)))).toBe(rate.base);
      expect(cents(sum(own.map((l) => l.tax)))).toBe(rate.tax);
    }
  }
}

const isInvoice = (b: InvoiceBreakdown | OrderBreakdown): b is InvoiceBreakdown => !('shipping' in b);

type Issued = {
  kind: string;
  source: string;
  cfdiPaymentMethod: string;
  covers: number[];
  total: string;
  date: string;
  dueDate: string | null;
  breakdown: InvoiceBreakdown;
};

async function mixedDeskInvoice() {
  const owner = await OwnerFactory(platform);
  const pet = await PetFactory(platform, owner.actor);
  const service = await ServiceFactory(platform, { staffIds: [desk.user.id] });
  const food = await ProductFactory(platform, { price: '85.50', taxClass: 'iva0', stock: 10 });
  const invoice = await s.invoices.createManual(desk.actor, { ownerId: owner.user.id, petId: pet.id });
  await s.invoices.addLine(desk.actor, invoice.id, { serviceId: service.id, quantity: 1 });
  await s.invoices.addLine(desk.actor, invoice.id, { productId: food.id, quantity: 2 });
  await s.invoices.addLine(desk.actor, invoice.id, { description: 'Certificado de salud', unitPrice: '200.00', taxClass: 'exempt', discountPercent: '10' });
  return { owner, service, food, invoice };
}

describe('billing.invoice_issued', () => {
  it('a desk invoice with IVA 16 %, IVA 0 % and exempt lines and a discount: lines and rates add up to its total', async () => {
    const { service, food, invoice } = await mixedDeskInvoice();
    const issued = await s.invoices.issueInvoice(desk.actor, invoice.id);
    const [event] = await emitted<Issued>('billing.invoice_issued', 'invoiceId', invoice.id);
    expect(event).toMatchObject({
      version: 2,
      kind: 'standard',
      source: 'desk',
      cfdiPaymentMethod: 'PPD',
      total: issued.total,
      date: '2026-03-10',
      dueDate: issued.dueDate,
      covers: [],
    });
    const b = event!.breakdown;
    expect(b).toMatchObject({ currency: 'MXN', subtotal: issued.subtotal, discount: issued.discountAmount, tax: issued.taxAmount, total: issued.total });
    expect(money(b.discount).gt(0)).toBe(true);
    expect(b.lines.map((l) => [l.kind, l.categoryId, l.taxClass])).toEqual([
      ['service', service.categoryId, 'iva16'],
      ['product', food.categoryId, 'iva0'],
      ['other', null, 'exempt'],
    ]);
    expect(b.taxes.map((t) => t.rate).sort()).toEqual(['0.000000', '0.160000', 'exempt']);
    expectAddsUp(b);
  });

  it('a draft paid in full in cash at the desk is issued PUE at its discounted amounts, before its payment', async () => {
    const { invoice } = await mixedDeskInvoice();
    const before = await s.invoices.getInvoice(desk.actor, invoice.id);
    await s.payments.recordPayment(desk.actor, invoice.id, { amount: before.total, method: 'cash', applyCashDiscount: true });
    const after = await s.invoices.getInvoice(desk.actor, invoice.id);
    expect(money(after.total).lt(before.total)).toBe(true);
    const [issued] = await emitted<Issued>('billing.invoice_issued', 'invoiceId', invoice.id);
    expect(issued).toMatchObject({ cfdiPaymentMethod: 'PUE', total: after.total });
    expectAddsUp(issued!.breakdown);
    const [paid] = await emitted<{ amount: string; method: string; fee: string | null; balance: string; cardType: null }>(
      'billing.payment_received',
      'invoiceId',
      invoice.id,
    );
    expect(paid).toMatchObject({ version: 2, amount: after.total, method: 'cash', fee: '0.00', balance: '0.00', cardType: null });
    const positions = await platform.ctx.db
      .select({ name: outbox.name })
      .from(outbox)
      .where(sql`(${outbox.payload} ->> 'invoiceId')::int = ${invoice.id} and ${outbox.name} in ('billing.invoice_issued', 'billing.payment_received')`)
      .orderBy(asc(outbox.position));
    expect(positions.map((p) => p.name)).toEqual(['billing.invoice_issued', 'billing.payment_received']);
  });

  it("a store order's invoice is issued with the order, its lines in the products' categories", async () => {
    const owner = await OwnerFactory(platform);
    const taxed = await ProductFactory(platform, { price: '199.90', stock: 10 });
    const food = await ProductFactory(platform, { price: '85.50', taxClass: 'iva0', stock: 10 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: taxed.id, quantity: 3 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: food.id, quantity: 2 });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online' });
    const [event] = await emitted<Issued & { orderId: number }>('billing.invoice_issued', 'invoiceId', order.invoiceId!);
    expect(event).toMatchObject({ source: 'order', orderId: order.id, total: order.total, cfdiPaymentMethod: 'PPD' });
    expect(event!.breakdown.lines.map((l) => [l.kind, l.productId, l.categoryId])).toEqual([
      ['product', taxed.id, taxed.categoryId],
      ['product', food.id, food.categoryId],
    ]);
    expectAddsUp(event!.breakdown);
  });

  it('the monthly global invoice is issued as a re-report of the sales it covers', async () => {
    const owner = await OwnerFactory(platform);
    const product = await ProductFactory(platform, { price: '80.00', stock: 5 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity: 1 });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    const invoice = await s.invoices.getInvoice(desk.actor, order.invoiceId!);
    await s.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' });
    const global = (await s.cfdi.globalInvoiceFor('2026-03'))!;
    const [event] = await emitted<Issued>('billing.invoice_issued', 'invoiceId', global.id);
    expect(event).toMatchObject({ kind: 'global', source: 'global', cfdiPaymentMethod: 'PUE', total: global.total });
    expect(event!.covers).toContain(invoice.id);
    expect(event!.breakdown.lines.every((l) => l.kind === 'sales')).toBe(true);
    expectAddsUp(event!.breakdown);
  });
});

describe('billing.invoice_cancelled and invoice_discounted', () => {
  it('cancelling an issued invoice reverses its amounts, with the SAT motive and substitute', async () => {
    const { invoice } = await mixedDeskInvoice();
    await s.invoices.issueInvoice(desk.actor, invoice.id);
    const substitute = await s.invoices.createManual(desk.actor, {
      ownerId: invoice.ownerId!,
      lines: [{ description: 'Consulta', unitPrice: '100.00', taxClass: 'iva16' }],
    });
    await expect(s.invoices.cancelInvoice(desk.actor, invoice.id, { motive: '01' })).rejects.toMatchObject({ code: 'validation.invalid_input' });
    await s.invoices.cancelInvoice(desk.actor, invoice.id, { motive: '01', substituteInvoiceId: substitute.id });
    const [issued] = await emitted<Issued>('billing.invoice_issued', 'invoiceId', invoice.id);
    const [cancelled] = await emitted<{ motive: string; substituteInvoiceId: number | null; breakdown: InvoiceBreakdown }>(
      'billing.invoice_cancelled',
      'invoiceId',
      invoice.id,
    );
    expect(cancelled).toMatchObject({ motive: '01', substituteInvoiceId: substitute.id });
    expect(cancelled!.breakdown).toEqual(issued!.breakdown);
    expectAddsUp(cancelled!.breakdown);
    // A draft was never payable: cancelling it raises nothing.
    await s.invoices.cancelInvoice(desk.actor, substitute.id);
    expect(await emitted('billing.invoice_cancelled', 'invoiceId', substitute.id)).toEqual([]);
  });

  it("a cancelled order's unpaid invoice is cancelled with motive 03", async () => {
    const owner = await OwnerFactory(platform);
    const product = await ProductFactory(platform, { price: '150.00', stock: 5 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity: 2 });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online' });
    await store.orders.cancelOwnOrder(owner.actor, order.id);
    await platform.ctx.jobs.runReady();
    const [cancelled] = await emitted<{ motive: string; orderId: number; total: string; breakdown: InvoiceBreakdown }>(
      'billing.invoice_cancelled',
      'invoiceId',
      order.invoiceId!,
    );
    expect(cancelled).toMatchObject({ motive: '03', orderId: order.id, total: order.total });
    expectAddsUp(cancelled!.breakdown);
  });

  it('the cash discount on an issued invoice is announced with its amounts before and after', async () => {
    const { invoice } = await mixedDeskInvoice();
    const issued = await s.invoices.issueInvoice(desk.actor, invoice.id);
    await s.payments.recordPayment(desk.actor, invoice.id, { amount: issued.total, method: 'cash', applyCashDiscount: true });
    const [event] = await emitted<{ cashDiscount: string; previous: InvoiceBreakdown; breakdown: InvoiceBreakdown }>(
      'billing.invoice_discounted',
      'invoiceId',
      invoice.id,
    );
    expect(event!.previous.total).toBe(issued.total);
    expect(money(event!.breakdown.total).lt(issued.total)).toBe(true);
    expectAddsUp(event!.previous);
    expectAddsUp(event!.breakdown);
  });
});

describe('billing.payment_received and payment_refunded, store.order_paid and order_refunded', () => {
  it('a card at the terminal, then a refund to account credit: methods, balances and the order breakdown add up', async () => {
    const owner = await OwnerFactory(platform);
    const taxed = await ProductFactory(platform, { price: '250.00', stock: 10 });
    const exempt = await ProductFactory(platform, { price: '120.00', taxClass: 'exempt', stock: 10 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: taxed.id, quantity: 2 });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: exempt.id, quantity: 1 });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    const invoiceId = order.invoiceId!;
    const half = money(order.total).dividedBy(2).toDecimalPlaces(2);
    await s.payments.recordPayment(desk.actor, invoiceId, { amount: half.toFixed(2), method: 'manual_card', cardType: 'debit' });
    const last = await s.payments.recordPayment(desk.actor, invoiceId, { amount: money(order.total).minus(half).toFixed(2), method: 'transfer' });
    const received = await emitted<{ amount: string; method: string; cardType: string | null; fee: string | null; balance: string }>(
      'billing.payment_received',
      'invoiceId',
      invoiceId,
    );
    expect(received.map((r) => [r.method, r.cardType, r.fee])).toEqual([
      ['card_terminal', 'debit', null],
      ['transfer', null, '0.00'],
    ]);
    expect(received.map((r) => r.balance)).toEqual([money(order.total).minus(half).toFixed(2), '0.00']);
    expect(cents(sum(received.map((r) => r.amount)))).toBe(order.total);

    const [paid] = await emitted<{ version: number; total: string; breakdown: OrderBreakdown }>('store.order_paid', 'orderId', order.id);
    expect(paid).toMatchObject({ version: 2, total: order.total });
    expect(paid!.breakdown.lines.map((l) => [l.productId, l.categoryId, l.taxClass])).toEqual([
      [taxed.id, taxed.categoryId, 'iva16'],
      [exempt.id, exempt.categoryId, 'exempt'],
    ]);
    expectAddsUp(paid!.breakdown, [paid!.breakdown.shipping]);

    await s.payments.refundPayment(manager.actor, last.id, { amount: '50.00', reason: 'Producto dañado', toCredit: true });
    const [refund] = await emitted<{ version: number; amount: string; method: string; originalMethod: string; originalPaymentId: number; balance: string }>(
      'billing.payment_refunded',
      'invoiceId',
      invoiceId,
    );
    expect(refund).toMatchObject({
      version: 2,
      amount: '50.00',
      method: 'account_credit',
      originalMethod: 'transfer',
      originalPaymentId: last.id,
      balance: '50.00',
    });
    const [orderRefund] = await emitted<{ amount: string; breakdown: OrderBreakdown }>('store.order_refunded', 'orderId', order.id);
    expect(orderRefund).toMatchObject({ amount: '50.00' });
    expectAddsUp(orderRefund!.breakdown, [orderRefund!.breakdown.shipping]);
  });
});
