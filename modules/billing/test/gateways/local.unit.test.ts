import { money } from '@petfriendly/core';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardGatewayError, createCardGateway, WebhookSignatureError } from '../../src/payments/gateways';
import { type FakeStripeApi, startFakeStripeApi } from './fake-stripe-api';

describe('local card gateway (no STRIPE_SECRET_KEY)', () => {
  let api: FakeStripeApi;
  beforeEach(async () => {
    api = await startFakeStripeApi();
  });
  afterEach(() => api.close());

  // Even pointed at an API, the local gateway must never call it.
  const local = () => createCardGateway({ STRIPE_SECRET_KEY: null, stripeApiBase: api.baseUrl });
  const input = { amount: money('1234.50'), currency: 'MXN' as const, description: 'Factura A-0042', metadata: { invoice_id: '42' }, idempotencyKey: 'k1' };

  it('is chosen without a secret key and has no publishable key', () => {
    expect(local().name).toBe('local');
    expect(local().publishableKey).toBeNull();
    expect(createCardGateway({}).name).toBe('local');
    expect(createCardGateway({ STRIPE_SECRET_KEY: '  ' }).name).toBe('local');
  });

  it('creates an intent awaiting a payment method, with a local id and client secret', async () => {
    const intent = await local().createIntent(input);

    expect(intent.id).toMatch(/^pi_local_[0-9a-f]{24}$/);
    expect(intent.clientSecret).toMatch(new RegExp(`^${intent.id}_secret_[0-9a-f]{32}$`));
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.amount.toFixed(2)).toBe('1234.50');
    expect(intent.currency).toBe('MXN');
    expect(intent.chargeId).toBeNull();
    expect(intent.metadata).toEqual({ invoice_id: '42' });
    expect(api.requests).toHaveLength(0);
  });

  it('gives every intent its own id (it stores nothing, so it is not idempotent by itself)', async () => {
    const gateway = local();
    const [a, b] = await Promise.all([gateway.createIntent(input), gateway.createIntent(input)]);
    expect(a.id).not.toBe(b.id);
    expect(a.clientSecret).not.toBe(b.clientSecret);
  });

  it('refuses amounts Stripe would refuse', async () => {
    await expect(local().createIntent({ ...input, amount: money('10.005') })).rejects.toMatchObject({ code: 'billing.invalid_amount' });
    await expect(local().createIntent({ ...input, amount: money('0') })).rejects.toMatchObject({ code: 'billing.invalid_amount' });
  });

  it('does not retrieve intents: the billing tables hold them', async () => {
    const error = await local()
      .retrieveIntent('pi_local_0123')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardGatewayError);
    expect(error).toMatchObject({ code: 'billing.gateway_unsupported' });
  });

  it('refunds a local payment at once', async () => {
    const refund = await local().refund({ paymentIntentId: 'pi_local_0123abcd', amount: money('200.50'), idempotencyKey: 'r1' });
    expect(refund.id).toMatch(/^re_local_[0-9a-f]{24}$/);
    expect(refund.status).toBe('succeeded');
    expect(refund.amount.toFixed(2)).toBe('200.50');
    expect(api.requests).toHaveLength(0);
  });

  it('will not pretend to refund a Stripe payment', async () => {
    await expect(local().refund({ paymentIntentId: 'pi_3PfTest0001', amount: money('10'), idempotencyKey: 'r1' })).rejects.toMatchObject({
      code: 'billing.gateway_unsupported',
    });
  });

  it('refuses a refund of more than 2 decimals', async () => {
    await expect(local().refund({ paymentIntentId: 'pi_local_0123', amount: money('1.001'), idempotencyKey: 'r1' })).rejects.toMatchObject({
      code: 'billing.invalid_amount',
    });
  });

  it('has no webhooks: every payload is refused, even one Stripe signed', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: {} } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_any' });
    expect(() => local().parseWebhook(payload, { 'stripe-signature': header })).toThrow(WebhookSignatureError);
    expect(() => local().parseWebhook('{}', {})).toThrow(WebhookSignatureError);
  });
});
