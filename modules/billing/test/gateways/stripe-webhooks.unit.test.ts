import { money } from '@petfriendly/core';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createCardGateway, WebhookSignatureError } from '../../src/payments/gateways';
import { paymentIntentJson } from './fake-stripe-api';

const WEBHOOK_SECRET = 'whsec_petfriendly_test_secret';
const gateway = createCardGateway({
  STRIPE_SECRET_KEY: 'sk_test_51PetFriendlySecretKey0123456789',
  STRIPE_PUBLIC_KEY: 'pk_test_51PetFriendlyPublicKey0123456789',
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  // Never called: webhooks are verified offline.
  stripeApiBase: 'http://127.0.0.1:9',
});

function eventPayload(type: string, object: Record<string, unknown>, id = 'evt_3PfEvent0001'): string {
  return JSON.stringify(
    {
      id,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    },
    null,
    2,
  );
}

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}

const succeeded = () =>
  eventPayload('payment_intent.succeeded', paymentIntentJson({ status: 'succeeded', latest_charge: 'ch_3PfCharge01', amount_received: 123450 }));

describe('Stripe webhooks', () => {
  it('parses a correctly signed payment_intent.succeeded', () => {
    const payload = succeeded();

    const event = gateway.parseWebhook(payload, { 'stripe-signature': sign(payload) });

    expect(event.type).toBe('payment_succeeded');
    if (event.type !== 'payment_succeeded') return;
    expect(event.id).toBe('evt_3PfEvent0001');
    expect(event.intent.id).toBe('pi_3PfTest0001');
    expect(event.intent.amount.toFixed(2)).toBe('1234.50');
    expect(event.intent.amount.equals(money('1234.5'))).toBe(true);
    expect(event.intent.chargeId).toBe('ch_3PfCharge01');
    expect(event.intent.status).toBe('succeeded');
    expect(event.intent.metadata).toEqual({ invoice_id: '42', invoice_number: 'A-0042' });
  });

  it('accepts the raw body as a Buffer and the header in any case', () => {
    const payload = succeeded();
    const event = gateway.parseWebhook(Buffer.from(payload, 'utf8'), { 'Stripe-Signature': sign(payload) });
    expect(event.type).toBe('payment_succeeded');
  });

  it('parses payment_intent.payment_failed with the failure message', () => {
    const payload = eventPayload(
      'payment_intent.payment_failed',
      paymentIntentJson({
        status: 'requires_payment_method',
        last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
      }),
    );

    const event = gateway.parseWebhook(payload, { 'stripe-signature': sign(payload) });

    expect(event).toMatchObject({ type: 'payment_failed', failureMessage: 'Your card was declined.' });
    if (event.type === 'payment_failed') expect(event.intent.status).toBe('requires_payment_method');
  });

  it('parses charge.refunded with the cumulative refunded amount', () => {
    const payload = eventPayload('charge.refunded', {
      id: 'ch_3PfCharge01',
      object: 'charge',
      amount: 123450,
      amount_refunded: 20050,
      currency: 'mxn',
      payment_intent: 'pi_3PfTest0001',
      refunded: false,
      status: 'succeeded',
    });

    const event = gateway.parseWebhook(payload, { 'stripe-signature': sign(payload) });

    expect(event.type).toBe('refunded');
    if (event.type !== 'refunded') return;
    expect(event.paymentIntentId).toBe('pi_3PfTest0001');
    expect(event.chargeId).toBe('ch_3PfCharge01');
    expect(event.amountRefunded.toFixed(2)).toBe('200.50');
  });

  it('ignores an event type it does not handle, naming it', () => {
    const payload = eventPayload('customer.created', { id: 'cus_1', object: 'customer' }, 'evt_3PfOther');
    expect(gateway.parseWebhook(payload, { 'stripe-signature': sign(payload) })).toEqual({
      id: 'evt_3PfOther',
      type: 'ignored',
      providerType: 'customer.created',
    });
  });

  it('refuses a forged signature', () => {
    const payload = succeeded();
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = `t=${timestamp},v1=${'ab'.repeat(32)}`;
    expect(() => gateway.parseWebhook(payload, { 'stripe-signature': forged })).toThrow(WebhookSignatureError);
  });

  it('refuses a tampered body', () => {
    const payload = succeeded();
    const header = sign(payload);
    const tampered = payload.replace('"amount": 123450', '"amount": 1');
    expect(tampered).not.toBe(payload);
    expect(() => gateway.parseWebhook(tampered, { 'stripe-signature': header })).toThrow(WebhookSignatureError);
  });

  it('refuses a payload signed with another secret', () => {
    const payload = succeeded();
    const header = sign(payload, { secret: 'whsec_someone_else' });
    expect(() => gateway.parseWebhook(payload, { 'stripe-signature': header })).toThrow(WebhookSignatureError);
  });

  it('accepts a signature 4 minutes old and refuses one 6 minutes old (5-minute tolerance)', () => {
    const payload = succeeded();
    const now = Math.floor(Date.now() / 1000);
    expect(gateway.parseWebhook(payload, { 'stripe-signature': sign(payload, { timestamp: now - 240 }) }).type).toBe('payment_succeeded');
    expect(() => gateway.parseWebhook(payload, { 'stripe-signature': sign(payload, { timestamp: now - 360 }) })).toThrow(WebhookSignatureError);
  });

  it('refuses a missing, empty or repeated signature header', () => {
    const payload = succeeded();
    const header = sign(payload);
    expect(() => gateway.parseWebhook(payload, {})).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(payload, { 'stripe-signature': '' })).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(payload, { 'stripe-signature': [header, header] })).toThrow(WebhookSignatureError);
  });

  it('gives the route a 400 with a stable code', () => {
    const payload = succeeded();
    const error = (() => {
      try {
        gateway.parseWebhook(payload, { 'stripe-signature': 't=1,v1=00' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'billing.webhook_signature_invalid', statusCode: 400 });
  });
});
