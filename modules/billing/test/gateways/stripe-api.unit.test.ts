import { money } from '@petfriendly/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CardGateway, CardGatewayError, createCardGateway, createStripeGateway } from '../../src/payments/gateways';
import { type FakeStripeApi, paymentIntentJson, startFakeStripeApi } from './fake-stripe-api';

const SECRET_KEY = 'sk_test_51PetFriendlySecretKey0123456789';
const PUBLIC_KEY = 'pk_test_51PetFriendlyPublicKey0123456789';
const WEBHOOK_SECRET = 'whsec_petfriendly_test_secret';

describe('Stripe card gateway against a fake Stripe API', () => {
  let api: FakeStripeApi;
  let gateway: CardGateway;
  beforeEach(async () => {
    api = await startFakeStripeApi();
    gateway = createCardGateway({
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_PUBLIC_KEY: PUBLIC_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      stripeApiBase: api.baseUrl,
    });
  });
  afterEach(() => api.close());

  it('is the Stripe gateway and hands out the publishable key', () => {
    expect(gateway.name).toBe('stripe');
    expect(gateway.publishableKey).toBe(PUBLIC_KEY);
  });

  it('creates a PaymentIntent in centavos with metadata, automatic payment methods, the idempotency key and Bearer auth', async () => {
    api.answer({ status: 200, body: paymentIntentJson() });

    const intent = await gateway.createIntent({
      amount: money('1234.50'),
      currency: 'MXN',
      description: 'Factura A-0042',
      metadata: { invoice_id: '42', invoice_number: 'A-0042' },
      idempotencyKey: 'invoice-42-attempt-1',
      receiptEmail: 'ana@example.mx',
    });

    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/payment_intents');
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request.headers['idempotency-key']).toBe('invoice-42-attempt-1');
    expect(request.form).toEqual({
      amount: '123450',
      currency: 'mxn',
      description: 'Factura A-0042',
      'metadata[invoice_id]': '42',
      'metadata[invoice_number]': 'A-0042',
      'automatic_payment_methods[enabled]': 'true',
      receipt_email: 'ana@example.mx',
    });

    expect(intent.id).toBe('pi_3PfTest0001');
    expect(intent.clientSecret).toBe('pi_3PfTest0001_secret_abc123');
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.amount.toFixed(2)).toBe('1234.50');
    expect(intent.currency).toBe('MXN');
    expect(intent.chargeId).toBeNull();
    expect(intent.metadata).toEqual({ invoice_id: '42', invoice_number: 'A-0042' });
  });

  it('leaves receipt_email out when there is none', async () => {
    api.answer({ status: 200, body: paymentIntentJson() });
    await gateway.createIntent({ amount: money('10'), currency: 'MXN', description: 'x', metadata: {}, idempotencyKey: 'k1', receiptEmail: null });
    expect(api.requests[0].form.amount).toBe('1000');
    expect(api.requests[0].form).not.toHaveProperty('receipt_email');
  });

  it('refuses an amount with more than 2 decimals before calling Stripe', async () => {
    await expect(
      gateway.createIntent({ amount: money('10.005'), currency: 'MXN', description: 'x', metadata: {}, idempotencyKey: 'k1' }),
    ).rejects.toMatchObject({ code: 'billing.invalid_amount', statusCode: 422 });
    expect(api.requests).toHaveLength(0);
  });

  it('refuses an empty idempotency key before calling Stripe', async () => {
    await expect(gateway.createIntent({ amount: money('10'), currency: 'MXN', description: 'x', metadata: {}, idempotencyKey: '  ' })).rejects.toMatchObject({
      code: 'billing.invalid_idempotency_key',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('turns a 402 card_declined into CardGatewayError with the provider code and message', async () => {
    api.answer({
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
          charge: 'ch_3PfDeclined',
        },
      },
    });

    const error = await gateway
      .createIntent({ amount: money('500'), currency: 'MXN', description: 'x', metadata: {}, idempotencyKey: 'k-declined' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CardGatewayError);
    expect(error).toMatchObject({
      code: 'billing.card_declined',
      providerCode: 'card_declined',
      declineCode: 'insufficient_funds',
      providerStatus: 402,
      statusCode: 402,
      retryable: false,
      message: 'Your card has insufficient funds.',
    });
    expect(api.requests).toHaveLength(1); // a decline is not retried
  });

  it('does not leak the secret key when Stripe refuses it', async () => {
    api.answer({
      status: 401,
      body: { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${SECRET_KEY}` } },
    });

    const error = (await gateway.retrieveIntent('pi_3PfTest0001').catch((e: unknown) => e)) as CardGatewayError;

    expect(error).toBeInstanceOf(CardGatewayError);
    expect(error.code).toBe('billing.gateway_auth_failed');
    expect(error.message).toContain('STRIPE_SECRET_KEY');
    expect(error.message).not.toContain(SECRET_KEY);
    expect(JSON.stringify(error.details)).not.toContain(SECRET_KEY);
  });

  it('masks a key that appears in any other provider message', async () => {
    api.answer({ status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: `Bad thing near ${SECRET_KEY}` } } });
    const error = (await gateway.retrieveIntent('pi_3PfTest0001').catch((e: unknown) => e)) as CardGatewayError;
    expect(error.code).toBe('billing.gateway_invalid_request');
    expect(error.providerCode).toBe('parameter_invalid');
    expect(error.message).toBe('Bad thing near sk_***');
  });

  it('retrieves an intent and reads latest_charge as the charge id', async () => {
    api.answer({ status: 200, body: paymentIntentJson({ status: 'succeeded', latest_charge: 'ch_3PfCharge01', amount_received: 123450 }) });

    const intent = await gateway.retrieveIntent('pi_3PfTest0001');

    expect(api.requests[0].method).toBe('GET');
    expect(api.requests[0].path).toBe('/v1/payment_intents/pi_3PfTest0001');
    expect(intent.status).toBe('succeeded');
    expect(intent.chargeId).toBe('ch_3PfCharge01');
    expect(intent.amount.equals(money('1234.5'))).toBe(true);
  });

  it('reads the id of an expanded latest_charge object too', async () => {
    api.answer({ status: 200, body: paymentIntentJson({ status: 'succeeded', latest_charge: { id: 'ch_3PfExpanded', object: 'charge' } }) });
    expect((await gateway.retrieveIntent('pi_3PfTest0001')).chargeId).toBe('ch_3PfExpanded');
  });

  it('maps a missing intent to a not-found CardGatewayError', async () => {
    api.answer({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: "No such payment_intent: 'pi_nope'" } } });
    await expect(gateway.retrieveIntent('pi_nope')).rejects.toMatchObject({
      code: 'billing.gateway_not_found',
      statusCode: 404,
      providerCode: 'resource_missing',
    });
  });

  it('refuses an id that is not a PaymentIntent id without calling Stripe', async () => {
    await expect(gateway.retrieveIntent('../charges/ch_1')).rejects.toMatchObject({ code: 'billing.invalid_payment_intent' });
    expect(api.requests).toHaveLength(0);
  });

  it('refunds in centavos with the idempotency key and a Stripe reason', async () => {
    api.answer({
      status: 200,
      body: { id: 're_3PfRefund01', object: 'refund', amount: 50025, currency: 'mxn', status: 'succeeded', payment_intent: 'pi_3PfTest0001' },
    });

    const refund = await gateway.refund({
      paymentIntentId: 'pi_3PfTest0001',
      amount: money('500.25'),
      idempotencyKey: 'refund-42-1',
      reason: 'requested_by_customer',
    });

    const [request] = api.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/refunds');
    expect(request.headers['idempotency-key']).toBe('refund-42-1');
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request.form).toEqual({ payment_intent: 'pi_3PfTest0001', amount: '50025', reason: 'requested_by_customer' });
    expect(refund.id).toBe('re_3PfRefund01');
    expect(refund.status).toBe('succeeded');
    expect(refund.amount.toFixed(2)).toBe('500.25');
  });

  it('keeps a free-text refund reason in metadata, since Stripe only takes its three reasons', async () => {
    api.answer({ status: 200, body: { id: 're_3PfRefund02', object: 'refund', amount: 10000, currency: 'mxn', status: 'pending' } });
    const refund = await gateway.refund({
      paymentIntentId: 'pi_3PfTest0001',
      amount: money('100'),
      idempotencyKey: 'refund-42-2',
      reason: 'Consulta cancelada',
    });
    expect(api.requests[0].form).toEqual({ payment_intent: 'pi_3PfTest0001', amount: '10000', 'metadata[reason]': 'Consulta cancelada' });
    expect(refund.status).toBe('pending');
  });

  it('refuses a refund of more than 2 decimals before calling Stripe', async () => {
    await expect(gateway.refund({ paymentIntentId: 'pi_3PfTest0001', amount: money('1.001'), idempotencyKey: 'r' })).rejects.toMatchObject({
      code: 'billing.invalid_amount',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('retries a provider outage with the same idempotency key', async () => {
    api.answer(
      { status: 500, body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } } },
      { status: 200, body: paymentIntentJson() },
    );

    const intent = await gateway.createIntent({ amount: money('1234.50'), currency: 'MXN', description: 'x', metadata: {}, idempotencyKey: 'k-retry' });

    expect(intent.id).toBe('pi_3PfTest0001');
    expect(api.requests).toHaveLength(2);
    expect(api.requests.map((r) => r.headers['idempotency-key'])).toEqual(['k-retry', 'k-retry']);
  });

  it('reports an outage that outlasts the retries as a retryable CardGatewayError', async () => {
    const noRetries = createStripeGateway({
      secretKey: SECRET_KEY,
      publishableKey: PUBLIC_KEY,
      webhookSecret: WEBHOOK_SECRET,
      apiBase: api.baseUrl,
      maxNetworkRetries: 0,
    });
    api.answer({ status: 503, body: { error: { type: 'api_error', message: 'Service unavailable.' } } });
    await expect(noRetries.retrieveIntent('pi_3PfTest0001')).rejects.toMatchObject({
      code: 'billing.gateway_unavailable',
      retryable: true,
      providerStatus: 503,
    });
  });
});
