import { createVerify, X509Certificate } from 'node:crypto';
import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { conversations, messages } from '@petfriendly/omnichannel/tables';
import type { StoreServices } from '@petfriendly/store';
import { storeModule } from '@petfriendly/store';
import { stockLevels } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIntents, invoices, payments, webhookEvents } from '../src/billing.tables';
import { cadenaOriginal, validateCfdi, verifySello } from '../src/cfdi/index';
import { createBillingModule } from '../src/index';
import { createStripeGateway } from '../src/payments/gateways/index';
import type { BillingServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
const WEBHOOK_SECRET = 'whsec_test_billing_suite';
let platform: TestPlatform;
let s: BillingServices;
let store: StoreServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

// Stripe is reached only for webhooks here: the signature check runs locally.
const gateway = createStripeGateway({
  secretKey: 'sk_test_unused',
  publishableKey: 'pk_test_unused',
  webhookSecret: WEBHOOK_SECRET,
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
  vet = await StaffFactory(platform, 'veterinarian');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

let hour = 9;
async function finishedAppointment() {
  hour += 1;
  const owner = await OwnerFactory(platform);
  const pet = await PetFactory(platform, owner.actor);
  const service = await ServiceFactory(platform, { staffIds: [vet.user.id] });
  const appts = platform.services.appointments;
  const booked = await appts.appointments.bookAppointment(vet.actor, {
    petId: pet.id,
    date: '2026-03-10', // today: a patient is checked in and seen on the appointment's day
    time: `${String(hour).padStart(2, '0')}:00`,
    serviceType: service.slug,
    createdVia: 'phone',
  });
  await appts.schedule.confirmAppointment(booked.id, vet.actor);
  await appts.schedule.checkInPatient(booked.id, vet.actor);
  await appts.schedule.completeAppointment(booked.id, vet.actor, {});
  return { owner, pet, appointment: booked };
}

async function orderInvoice(price = '100.00', quantity = 1) {
  const owner = await OwnerFactory(platform);
  const product = await ProductFactory(platform, { price, stock: 20 });
  await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity });
  const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online' });
  return { owner, order, invoice: await s.invoices.getInvoice(owner.actor, order.invoiceId!) };
}

describe('invoices', () => {
  it('a finished appointment becomes a draft with its service at its price ($450.00, IVA included); products come from stock; totals mix IVA classes', async () => {
    const { owner, appointment } = await finishedAppointment();
    const invoice = await s.invoices.createFromAppointment(vet.actor, appointment.id);
    expect(invoice).toMatchObject({ ownerId: owner.user.id, status: 'draft', subtotal: '387.93', taxAmount: '62.07', total: '450.00' });
    expect(await s.invoices.createFromAppointment(vet.actor, appointment.id)).toMatchObject({ id: invoice.id });
    const food = await ProductFactory(platform, { price: '85.50', taxClass: 'iva0', stock: 10 });
    await s.invoices.addLine(vet.actor, invoice.id, { productId: food.id, quantity: 2 });
    await s.invoices.addLine(vet.actor, invoice.id, { description: 'Certificado de salud', unitPrice: '200.00', taxClass: 'exempt', discountPercent: '10' });
    const detail = await s.invoices.getInvoice(vet.actor, invoice.id);
    expect(detail).toMatchObject({ subtotal: '758.93', discountAmount: '20.00', taxAmount: '62.07', total: '801.00' });
    expect(detail.lines.map((l) => [l.unitPrice, l.unitValue, l.lineTotal])).toEqual([
      ['450.00', '387.931034', '450.00'],
      ['85.50', '85.500000', '171.00'],
      ['200.00', '200.000000', '180.00'],
    ]);
    const [level] = await platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, food.id));
    expect(level!.quantity).toBe(8);
    const foodLine = detail.lines.find((l) => l.productId === food.id)!;
    await s.invoices.removeLine(vet.actor, invoice.id, foodLine.id);
    const [back] = await platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, food.id));
    expect(back!.quantity).toBe(10);
    expect((await s.invoices.getInvoice(vet.actor, invoice.id)).total).toBe('630.00');
  });

  it('owners see only their own invoices, and never drafts', async () => {
    const { owner, invoice } = await orderInvoice();
    const stranger = await OwnerFactory(platform);
    await expect(s.invoices.getInvoice(stranger.actor, invoice.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await s.invoices.listInvoices(stranger.actor)).items).toEqual([]);
    expect((await s.invoices.listInvoices(owner.actor)).items.map((i) => i.id)).toEqual([invoice.id]);
    await expect(s.invoices.createManual(owner.actor, { ownerId: owner.user.id })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('an order’s invoice has the order’s lines and total; cancelling the order cancels it', async () => {
    const { owner, order, invoice } = await orderInvoice('199.90', 3);
    expect(invoice).toMatchObject({ orderId: order.id, status: 'sent', total: order.total });
    expect(invoice.lines).toMatchObject([{ description: order.items[0]!.name, quantity: '3.00', unitPrice: '199.90' }]);
    await store.orders.cancelOwnOrder(owner.actor, order.id);
    await platform.ctx.jobs.runReady();
    expect((await s.invoices.getInvoice(owner.actor, invoice.id)).status).toBe('cancelled');
  });

  it('a paid order cancelled by staff keeps its invoice until the money is refunded', async () => {
    const { order, invoice } = await orderInvoice('100.00');
    await s.payments.recordPayment(vet.actor, invoice.id, { amount: invoice.total, method: 'cash' });
    await store.orders.updateOrderStatus(vet.actor, order.id, { status: 'cancelled', reason: 'Sin existencias en bodega' });
    await platform.ctx.jobs.runReady();
    expect((await s.invoices.getInvoice(vet.actor, invoice.id)).status).toBe('paid');
  });
});

describe('payments', () => {
  it('partial payments move the status to partial then paid; the paid order is marked paid', async () => {
    const { owner, order, invoice } = await orderInvoice('116.00', 2);
    expect(invoice.total).toBe('232.00');
    const first = await s.payments.recordPayment(vet.actor, invoice.id, { amount: '100', method: 'manual_card', cardType: 'credit', referenceNumber: 'TPV-1' });
    expect(await s.invoices.getInvoice(owner.actor, invoice.id)).toMatchObject({ status: 'partial', amountPaid: '100.00', balance: '132.00' });
    await expect(s.payments.recordPayment(vet.actor, invoice.id, { amount: '200', method: 'manual_card', cardType: 'credit' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'billing.overpayment',
    });
    await s.payments.recordPayment(vet.actor, invoice.id, { amount: '150', method: 'cash' });
    const paid = await s.invoices.getInvoice(owner.actor, invoice.id);
    expect(paid).toMatchObject({ status: 'paid', amountPaid: '232.00', balance: '0.00' });
    expect(paid.payments.map((p) => [p.amount, p.paymentMethod])).toEqual([
      ['100.00', 'manual_card'],
      ['132.00', 'cash'],
    ]);
    expect(paid.payments[1]!.notes).toContain('cambio 18.00');
    expect((await store.orders.getOrder(owner.actor, order.id)).paidAt).not.toBeNull();
    expect(first.recordedBy).toBe(vet.user.id);
  });

  it('cash for the whole invoice takes the clinic’s cash discount off the price paid', async () => {
    const { appointment } = await finishedAppointment();
    const invoice = await s.invoices.createFromAppointment(vet.actor, appointment.id);
    const payment = await s.payments.recordPayment(vet.actor, invoice.id, { amount: '450.00', method: 'cash', applyCashDiscount: true });
    expect(payment).toMatchObject({ amount: '427.50', cashDiscountApplied: '22.50' });
    expect(await s.invoices.getInvoice(vet.actor, invoice.id)).toMatchObject({ status: 'paid', discountAmount: '19.40', taxAmount: '58.97', total: '427.50' });
  });

  it('the same payment sent twice (even at once) is recorded once', async () => {
    const { invoice } = await orderInvoice('300.00');
    const input = { amount: '100.00', method: 'manual_card', cardType: 'credit', idempotencyKey: 'desk-7f3a9c21' };
    const results = await Promise.all([
      s.payments.recordPayment(vet.actor, invoice.id, input),
      s.payments.recordPayment(vet.actor, invoice.id, input),
      s.payments.recordPayment(vet.actor, invoice.id, input),
    ]);
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect((await s.invoices.getInvoice(vet.actor, invoice.id)).amountPaid).toBe('100.00');
    await expect(s.payments.recordPayment(vet.actor, invoice.id, { ...input, amount: '50.00' })).rejects.toMatchObject({ statusCode: 409 });
  });

  it('refunds (managers only) bring the invoice back to partial; at most what was paid', async () => {
    const { invoice } = await orderInvoice('116.00');
    const payment = await s.payments.recordPayment(vet.actor, invoice.id, { amount: '116.00', method: 'cash' });
    await expect(s.payments.refundPayment(vet.actor, payment.id, { amount: '10', reason: 'Producto dañado' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.payments.refundPayment(manager.actor, payment.id, { amount: '200', reason: 'Error' })).rejects.toMatchObject({
      code: 'billing.refund_too_much',
    });
    await s.payments.refundPayment(manager.actor, payment.id, { amount: '16', reason: 'Producto dañado', toCredit: true });
    expect(await s.invoices.getInvoice(vet.actor, invoice.id)).toMatchObject({ status: 'partial', amountPaid: '100.00' });
    expect(await s.payments.creditBalance(manager.actor, invoice.ownerId!)).toBe('16.00');
  });

  it('overdue: the daily job marks unpaid invoices past due, once', async () => {
    const { appointment } = await finishedAppointment();
    const invoice = await s.invoices.createFromAppointment(vet.actor, appointment.id);
    await s.invoices.issueInvoice(vet.actor, invoice.id);
    await platform.ctx.db.update(invoices).set({ dueDate: '2026-03-01' }).where(eq(invoices.id, invoice.id));
    expect(await s.invoices.markOverdue()).toBeGreaterThanOrEqual(1);
    expect((await s.invoices.getInvoice(vet.actor, invoice.id)).status).toBe('overdue');
    expect(await s.invoices.markOverdue()).toBe(0);
    await platform.ctx.jobs.runReady();
    await platform.ctx.jobs.runReady();
    const reminders = await platform.ctx.db
      .select({ content: messages.content })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.ownerId, invoice.ownerId!), eq(messages.template, 'invoice_overdue')));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.content).toContain(`/pay/invoice/${invoice.id}`);
  });
});

describe('Stripe webhooks', () => {
  const signed = (payload: object, secret = WEBHOOK_SECRET) => {
    const body = JSON.stringify(payload);
    return { body, headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) } };
  };
  const succeeded = (id: string, intent: string, amount: number) => ({
    id,
    object: 'event',
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: intent,
        object: 'payment_intent',
        amount,
        amount_received: amount,
        currency: 'mxn',
        status: 'succeeded',
        latest_charge: 'ch_1',
        metadata: {},
      },
    },
  });

  it('a signed payment_intent.succeeded pays the invoice once, however often it arrives; forged ones change nothing', async () => {
    const { owner, order, invoice } = await orderInvoice('116.00');
    await platform.ctx.db
      .insert(cardIntents)
      .values({ invoiceId: invoice.id, gateway: 'stripe', intentId: 'pi_test_123', amount: '116.00', status: 'requires_payment_method' });
    const forged = signed(succeeded('evt_forged', 'pi_test_123', 11600), 'whsec_someone_else');
    await expect(s.payments.handleWebhook(forged.body, forged.headers)).rejects.toMatchObject({ statusCode: 400 });
    const tampered = signed(succeeded('evt_1', 'pi_test_123', 11600));
    await expect(s.payments.handleWebhook(tampered.body.replace('11600', '99'), tampered.headers)).rejects.toMatchObject({ statusCode: 400 });
    expect(await platform.ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([]);

    const real = signed(succeeded('evt_1', 'pi_test_123', 11600));
    expect(await s.payments.handleWebhook(real.body, real.headers)).toMatchObject({ received: true });
    expect(await s.payments.handleWebhook(real.body, real.headers)).toMatchObject({ duplicate: true });
    const again = signed(succeeded('evt_2', 'pi_test_123', 11600));
    await s.payments.handleWebhook(again.body, again.headers);
    const recorded = await platform.ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(recorded.map((p) => [p.amount, p.paymentMethod, p.stripePaymentIntent])).toEqual([['116.00', 'stripe_card', 'pi_test_123']]);
    expect((await s.invoices.getInvoice(owner.actor, invoice.id)).status).toBe('paid');
    expect((await store.orders.getOrder(owner.actor, order.id)).status).toBe('processing');
    expect((await platform.ctx.db.select().from(webhookEvents)).map((e) => e.eventId).sort()).toEqual(['evt_1', 'evt_2']);
  });
});

describe('CFDI 4.0', () => {
  const fiscal = { rfc: 'XOJI740919U48', legalName: 'Ingrid Xodar Jiménez', regimenFiscal: '612', postalCode: '88965', usoCfdi: 'G03' };

  it('refuses bad fiscal data with a reason naming the field', async () => {
    const owner = await OwnerFactory(platform);
    await expect(s.fiscal.saveFiscalProfile(owner.actor, { ...fiscal, rfc: 'XOJI741319U48' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'rfc' })],
    });
    await expect(s.fiscal.saveFiscalProfile(owner.actor, { ...fiscal, regimenFiscal: '601' })).rejects.toMatchObject({ code: 'billing.regimen_not_allowed' });
    await expect(s.fiscal.saveFiscalProfile(owner.actor, { ...fiscal, rfc: 'XAXX010101000' })).rejects.toMatchObject({ code: 'billing.rfc_generic' });
    expect(await s.fiscal.getFiscalProfile(owner.actor)).toBeNull();
  });

  it('an owner asks for a factura: PUE when paid, valid against the XSD, Sello verifies with the certificate', async () => {
    const { owner, invoice } = await orderInvoice('250.00', 2);
    await expect(s.cfdi.issueCfdi(owner.actor, invoice.id)).rejects.toMatchObject({ code: 'billing.fiscal_data_missing' });
    await s.fiscal.saveFiscalProfile(owner.actor, fiscal);
    await s.payments.recordPayment(vet.actor, invoice.id, { amount: invoice.total, method: 'manual_card', cardType: 'credit' });
    const issued = await s.cfdi.issueCfdi(owner.actor, invoice.id);
    expect(issued.cfdiStatus).toBe('sealed');
    const xml = issued.cfdiXml!;
    expect(await validateCfdi(xml)).toMatchObject({ valid: true });
    expect(verifySello(xml)).toMatchObject({ valid: true });
    const cert = new X509Certificate(Buffer.from(/ Certificado="([^"]+)"/.exec(xml)![1]!, 'base64'));
    const sello = / Sello="([^"]+)"/.exec(xml)![1]!;
    expect(createVerify('RSA-SHA256').update(cadenaOriginal(xml), 'utf8').verify(cert.publicKey, sello, 'base64')).toBe(true);
    expect(xml).toContain('MetodoPago="PUE"');
    expect(xml).toContain('FormaPago="04"');
    expect(xml).toContain(`Total="${invoice.total}"`);
    expect(xml).toContain('Rfc="XOJI740919U48"');
    await expect(s.cfdi.issueCfdi(owner.actor, invoice.id)).rejects.toMatchObject({ code: 'billing.cfdi_exists' });
    const pdf = await s.cfdi.cfdiFile(owner.actor, invoice.id, 'pdf');
    expect(Buffer.from(pdf.body).subarray(0, 4).toString()).toBe('%PDF');
    const stranger = await OwnerFactory(platform);
    await expect(s.cfdi.cfdiFile(stranger.actor, invoice.id, 'xml')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('an unpaid invoice is PPD; a later payment gets a valid Pagos 2.0 receipt', async () => {
    const { owner, invoice } = await orderInvoice('116.00', 3);
    await s.fiscal.saveFiscalProfile(owner.actor, fiscal);
    const issued = await s.cfdi.issueCfdi(vet.actor, invoice.id);
    expect(issued.cfdiXml).toContain('MetodoPago="PPD"');
    expect(issued.cfdiXml).toContain('FormaPago="99"');
    const payment = await s.payments.recordPayment(vet.actor, invoice.id, { amount: '100.00', method: 'transfer', referenceNumber: 'SPEI 123' });
    const receipt = (await s.cfdi.issuePaymentComplement(payment.id))!;
    expect(receipt).toContain('TipoDeComprobante="P"');
    expect(receipt).toContain('ImpSaldoAnt="348.00"');
    expect(receipt).toContain('ImpSaldoInsoluto="248.00"');
    expect(await validateCfdi(receipt)).toMatchObject({ valid: true });
    expect(verifySello(receipt)).toMatchObject({ valid: true });
    expect((await s.cfdi.complementFile(owner.actor, payment.id)).body).toContain('pago20:Pagos');
    const stranger = await OwnerFactory(platform);
    await expect(s.cfdi.complementFile(stranger.actor, payment.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('the monthly global invoice reports paid sales without their own CFDI, público en general', async () => {
    const { invoice } = await orderInvoice('80.00', 1);
    await s.payments.recordPayment(vet.actor, invoice.id, { amount: invoice.total, method: 'cash' });
    const global = (await s.cfdi.globalInvoiceFor('2026-03'))!;
    expect(global.kind).toBe('global');
    const xml = global.cfdiXml!;
    expect(xml).toContain('Rfc="XAXX010101000"');
    expect(xml).toContain('Periodicidad="04"');
    expect(xml).toContain(`NoIdentificacion="${invoice.invoiceNumber}"`);
    expect(await validateCfdi(xml)).toMatchObject({ valid: true });
    expect(verifySello(xml)).toMatchObject({ valid: true });
    expect((await s.invoices.getInvoice(vet.actor, invoice.id)).globalInvoiceId).toBe(global.id);
    await expect(s.cfdi.issueCfdi(vet.actor, invoice.id)).rejects.toMatchObject({ code: 'billing.in_global_invoice' });
  });
});

describe('owner notices', () => {
  const sentTo = async (ownerId: string, template: string) =>
    platform.ctx.db
      .select({ content: messages.content, attachments: messages.attachments })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.ownerId, ownerId), eq(messages.template, template)));

  it('an order ready for pickup and a CFDI issued reach the owner, the CFDI with its PDF and XML', async () => {
    const { owner, order, invoice } = await orderInvoice('150.00');
    await store.orders.updateOrderStatus(vet.actor, order.id, { status: 'processing' });
    await store.orders.updateOrderStatus(vet.actor, order.id, { status: 'shipped' });
    await s.fiscal.saveFiscalProfile(owner.actor, {
      rfc: 'XOJI740919U48',
      legalName: 'Ingrid Xodar Jiménez',
      regimenFiscal: '612',
      postalCode: '88965',
      usoCfdi: 'G03',
    });
    await s.cfdi.issueCfdi(owner.actor, invoice.id);
    await platform.ctx.jobs.runReady();
    await platform.ctx.jobs.runReady();
    const [ready] = await sentTo(owner.user.id, 'order_update');
    expect(ready!.content).toContain(`${order.orderNumber} ya está listo para recoger`);
    const [factura] = await sentTo(owner.user.id, 'invoice_ready');
    expect(factura!.content).toContain(invoice.invoiceNumber);
    expect(factura!.attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'application/xml']);
  });
});

describe('orders delivered with a coupon', () => {
  it('the coupon discounts the products, not the shipping, and the invoice comes to the order’s total', async () => {
    const owner = await OwnerFactory(platform);
    const product = await ProductFactory(platform, { price: '300.00', stock: 5 });
    await store.coupons.createCoupon(manager.actor, { code: 'ENVIO20', discountType: 'percent', discountValue: '20' });
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id });
    await store.carts.applyCoupon({ ownerId: owner.user.id }, { code: 'ENVIO20' });
    const address = { street: 'Av. Álvaro Obregón 120', city: 'Ciudad de México', state: 'CDMX', postalCode: '06700' };
    const order = await store.checkout.completeCheckout(
      owner.actor,
      { ownerId: owner.user.id },
      { paymentMethod: 'card_online', fulfilment: 'delivery', shippingAddress: address },
    );
    expect(order).toMatchObject({ subtotal: '300.00', discountAmount: '60.00', shippingAmount: '99.00', taxAmount: '46.76', total: '339.00' });
    const invoice = await s.invoices.getInvoice(owner.actor, order.invoiceId!);
    expect(invoice.total).toBe(order.total);
    expect(invoice.lines.map((l) => [l.description, l.unitPrice, l.lineTotal])).toEqual([
      [product.name, '300.00', '240.00'],
      ['Envío a domicilio', '99.00', '99.00'],
    ]);
    // Dividing each price by 1.16 would make the CFDI $339.01 (343.97 − 51.72 + 46.76): the discount's base moves by a fraction of a centavo instead.
    expect(invoice).toMatchObject({ subtotal: '343.97', discountAmount: '51.73', taxAmount: '46.76', total: '339.00' });
    expect(invoice.lines.map((l) => l.discountAmount)).toEqual(['51.725518', '0.000000']);
  });
});
