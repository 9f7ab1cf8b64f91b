import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { cardIntents, payments } from '@petfriendly/billing/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

const WEBHOOK_SECRET = 'whsec_api_suite_secret';
let t: TestApp;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      SIMPLE_STORE__STRIPE_SECRET_KEY: 'sk_test_api_suite',
      SIMPLE_STORE__STRIPE_PUBLIC_KEY: 'pk_test_api_suite',
      SIMPLE_STORE__STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  owner = await OwnerFactory(t.platform);
  desk = await StaffFactory(t.platform, 'receptionist');
});
afterAll(async () => t?.close());

async function orderThroughApi() {
  const product = await ProductFactory(t.platform, { price: '290.00', stock: 3 });
  const added = await t.app.inject({ method: 'POST', url: '/api/v1/cart/items', headers: owner.auth, payload: { productId: product.id, quantity: 2 } });
  expect(added.statusCode).toBe(201);
  const placed = await t.app.inject({ method: 'POST', url: '/api/v1/checkout', headers: owner.auth, payload: { paymentMethod: 'card_online' } });
  expect(placed.statusCode).toBe(201);
  return json(placed) as { id: number; total: string; invoiceId: number };
}

describe('store and billing over the API', () => {
  it('an owner orders, the invoice is theirs, and a stranger cannot see it', async () => {
    const order = await orderThroughApi();
    expect(order.total).toBe('580.00');
    const invoice = await t.app.inject({ method: 'GET', url: `/api/v1/invoices/${order.invoiceId}`, headers: owner.auth });
    expect(json(invoice)).toMatchObject({ orderId: order.id, total: '580.00', status: 'sent' });
    const stranger = await OwnerFactory(t.platform);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invoices/${order.invoiceId}`, headers: stranger.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers: stranger.auth })).statusCode).toBe(404);
  });

  it('a page’s error reads in the visitor’s language', async () => {
    const accounts = t.platform.services.accounts;
    const { cookies } = await accounts.identity.signIn({ email: owner.user.email, password: 'correcto-caballo-123' }, new Headers());
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const page = await t.app.inject({ method: 'GET', url: '/my/invoices/999999', headers: { cookie, accept: 'text/html' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('No encontramos esa factura.');
  });

  it('bad input is a 422 naming the field, and changes nothing', async () => {
    const order = await orderThroughApi();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invoices/${order.invoiceId}/payments`,
      headers: desk.auth,
      payload: { amount: '12.345', method: 'cash' },
    });
    expect(bad.statusCode).toBe(422);
    expect(json(bad).error.fields[0].field).toBe('amount');
    expect(await t.platform.ctx.db.select().from(payments).where(eq(payments.invoiceId, order.invoiceId))).toEqual([]);
  });
});

describe('POST /webhooks/stripe', () => {
  const event = (id: string, intent: string, amount: number) =>
    JSON.stringify({
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
          latest_charge: 'ch_9',
          metadata: {},
        },
      },
    });
  const post = (body: string, signature: string) =>
    t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload: body });

  it('refuses forged and tampered requests; a signed one pays once, repeats change nothing', async () => {
    const order = await orderThroughApi();
    await t.platform.ctx.db
      .insert(cardIntents)
      .values({ invoiceId: order.invoiceId, gateway: 'stripe', intentId: 'pi_api_1', amount: '580.00', status: 'requires_payment_method' });
    const body = event('evt_api_1', 'pi_api_1', 58000);
    const forged = await post(body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_not_ours' }));
    expect(forged.statusCode).toBe(400);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
    expect((await post(body.replace('58000', '100'), signature)).statusCode).toBe(400);
    expect(await t.platform.ctx.db.select().from(payments).where(eq(payments.invoiceId, order.invoiceId))).toEqual([]);

    const first = await post(body, signature);
    expect(first.statusCode).toBe(200);
    const repeat = await post(body, signature);
    expect(json(repeat)).toMatchObject({ duplicate: true });
    const recorded = await t.platform.ctx.db.select().from(payments).where(eq(payments.invoiceId, order.invoiceId));
    expect(recorded.map((p) => p.amount)).toEqual(['580.00']);
    const paid = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}`, headers: owner.auth });
    expect(json(paid)).toMatchObject({ status: 'processing' });
  });
});
