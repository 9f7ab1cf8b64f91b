import { createRequire } from 'node:module';
import type Stripe from 'stripe';

// Loaded when a Stripe gateway is made: clinics without Stripe keys never pay its memory.
const loadStripe = () => createRequire(import.meta.url)('stripe') as typeof Stripe;

import { ValidationError } from '@petfriendly/core';
import { fromMinorUnits, toMinorUnits } from './amounts';
import {
  type CardGateway,
  CardGatewayError,
  type CardIntent,
  type CardIntentStatus,
  type CreateIntentInput,
  type GatewayEvent,
  type RefundInput,
  type RefundResult,
  WebhookSignatureError,
} from './types';

/** Stripe's own default: a signed event older than 5 minutes is refused (replay protection). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeGatewayOptions {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Where the API lives, e.g. `http://127.0.0.1:PORT` for a test double; Stripe's own host when omitted. */
  apiBase?: string;
  /** Automatic retries of network failures and 5xx/409 answers (safe: every write carries an idempotency key). */
  maxNetworkRetries?: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

const STRIPE_REFUND_REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);

/** Card payments through Stripe PaymentIntents (Payment Element in the browser, automatic payment methods). */
export function createStripeGateway(options: StripeGatewayOptions): CardGateway {
  const StripeClient = loadStripe();
  const client = new StripeClient(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 30_000,
    ...apiAddress(options.apiBase),
  });

  return {
    name: 'stripe',
    publishableKey: options.publishableKey,

    async createIntent(input: CreateIntentInput): Promise<CardIntent> {
      if (input.currency !== 'MXN') throw ValidationError.forField('billing.invalid_currency', 'currency', 'must be MXN');
      const amount = toMinorUnits(input.amount, input.currency);
      const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
      const params: Stripe.PaymentIntentCreateParams = {
        amount,
        currency: input.currency.toLowerCase(),
        description: input.description,
        metadata: input.metadata,
        automatic_payment_methods: { enabled: true },
        ...(input.receiptEmail ? { receipt_email: input.receiptEmail } : {}),
      };
      const intent = await call(() => client.paymentIntents.create(params, { idempotencyKey }));
      return toCardIntent(intent);
    },

    async retrieveIntent(id: string): Promise<CardIntent> {
      const intent = await call(() => client.paymentIntents.retrieve(requireIntentId(id)));
      return toCardIntent(intent);
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      const paymentIntent = requireIntentId(input.paymentIntentId, 'paymentIntentId');
      const amount = toMinorUnits(input.amount, 'MXN');
      const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
      const reason = input.reason?.trim();
      const params: Stripe.RefundCreateParams = { payment_intent: paymentIntent, amount };
      if (reason && STRIPE_REFUND_REASONS.has(reason)) params.reason = reason as Stripe.RefundCreateParams.Reason;
      else if (reason) params.metadata = { reason: reason.slice(0, 500) };
      const refund = await call(() => client.refunds.create(params, { idempotencyKey }));
      return { id: refund.id, status: refund.status ?? 'pending', amount: fromMinorUnits(refund.amount, refund.currency) };
    },

    parseWebhook(rawBody, headers): GatewayEvent {
      const signature = headerValue(headers, 'stripe-signature');
      if (!signature) throw new WebhookSignatureError('The Stripe-Signature header is missing.');
      let event: Stripe.Event;
      try {
        event = client.webhooks.constructEvent(rawBody, signature, options.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch (error) {
        if (error instanceof StripeClient.errors.StripeSignatureVerificationError) {
          throw new WebhookSignatureError(`The Stripe webhook signature could not be verified: ${error.message}`);
        }
        throw new WebhookSignatureError('The Stripe webhook payload could not be read.');
      }
      return toGatewayEvent(event);
    },
  };
}

function apiAddress(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new TypeError('stripeApiBase must be a URL such as http://127.0.0.1:12111');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('stripeApiBase must use http or https');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

function requireIdempotencyKey(key: string): string {
  const trimmed = key?.trim() ?? '';
  if (!trimmed || trimmed.length > 255) {
    throw ValidationError.forField('billing.invalid_idempotency_key', 'idempotencyKey', 'must be 1 to 255 characters');
  }
  return trimmed;
}

function requireIntentId(id: string, field = 'id'): string {
  if (typeof id !== 'string' || !/^pi_[A-Za-z0-9_]+$/.test(id)) {
    throw ValidationError.forField('billing.invalid_payment_intent', field, 'is not a PaymentIntent id');
  }
  return id;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string' && value.length > 0) return value;
    return null; // absent, empty or repeated: nothing to trust
  }
  return null;
}

export function toCardIntent(intent: Stripe.PaymentIntent): CardIntent {
  const charge = intent.latest_charge;
  return {
    id: intent.id,
    clientSecret: intent.client_secret ?? null,
    status: toStatus(intent.status),
    amount: fromMinorUnits(intent.amount, intent.currency),
    currency: intent.currency.toUpperCase(),
    chargeId: typeof charge === 'string' ? charge : (charge?.id ?? null),
    metadata: { ...(intent.metadata ?? {}) },
  };
}

const INTENT_STATUSES = new Set<string>(['requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'succeeded', 'canceled']);

function toStatus(status: Stripe.PaymentIntent.Status): CardIntentStatus {
  if (INTENT_STATUSES.has(status)) return status as CardIntentStatus;
  // Only with manual capture, which this gateway never asks for: authorised, money not yet taken.
  if (status === 'requires_capture') return 'processing';
  throw new CardGatewayError('billing.gateway_unexpected_answer', `Stripe returned an unknown PaymentIntent status "${status}".`);
}

function toGatewayEvent(event: Stripe.Event): GatewayEvent {
  switch (event.type) {
    case 'payment_intent.succeeded':
      return { id: event.id, type: 'payment_succeeded', intent: toCardIntent(event.data.object) };
    case 'payment_intent.payment_failed':
      return {
        id: event.id,
        type: 'payment_failed',
        intent: toCardIntent(event.data.object),
        failureMessage: event.data.object.last_payment_error?.message ?? null,
      };
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null);
      // A charge made outside PaymentIntents is none of ours.
      if (!paymentIntentId) return { id: event.id, type: 'ignored', providerType: event.type };
      return {
        id: event.id,
        type: 'refunded',
        paymentIntentId,
        chargeId: charge.id,
        amountRefunded: fromMinorUnits(charge.amount_refunded, charge.currency),
      };
    }
    default:
      return { id: event.id, type: 'ignored', providerType: event.type };
  }
}

/** Runs one API call; Stripe's errors become CardGatewayError without secrets in the message. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toGatewayError(error);
  }
}

function toGatewayError(error: unknown): Error {
  const { errors } = loadStripe();
  if (error instanceof ValidationError) return error;
  if (!(error instanceof errors.StripeError)) {
    return new CardGatewayError('billing.gateway_unavailable', `Stripe request failed: ${redact(String((error as Error)?.message ?? error))}`, {
      retryable: true,
    });
  }
  const common = {
    providerCode: error.code ?? null,
    declineCode: error.decline_code ?? null,
    providerStatus: error.statusCode ?? null,
    requestId: error.requestId ?? null,
  };
  const message = redact(error.message || 'Stripe refused the request.');
  if (error instanceof errors.StripeCardError) {
    return new CardGatewayError('billing.card_declined', message, { ...common, statusCode: 402 });
  }
  if (error instanceof errors.StripeAuthenticationError || error instanceof errors.StripePermissionError) {
    // Stripe echoes part of the key here: say what to check instead.
    return new CardGatewayError('billing.gateway_auth_failed', 'Stripe refused the API key: check STRIPE_SECRET_KEY and its permissions.', {
      ...common,
      statusCode: 502,
    });
  }
  if (error instanceof errors.StripeIdempotencyError) {
    return new CardGatewayError('billing.gateway_idempotency_conflict', message, { ...common, statusCode: 409 });
  }
  if (error instanceof errors.StripeInvalidRequestError) {
    const notFound = error.statusCode === 404 || error.code === 'resource_missing';
    return new CardGatewayError(notFound ? 'billing.gateway_not_found' : 'billing.gateway_invalid_request', message, {
      ...common,
      statusCode: notFound ? 404 : 422,
    });
  }
  if (error instanceof errors.StripeRateLimitError) {
    return new CardGatewayError('billing.gateway_rate_limited', message, { ...common, statusCode: 503, retryable: true });
  }
  // StripeAPIError, StripeConnectionError and anything newer: the provider is unreachable or broken.
  return new CardGatewayError('billing.gateway_unavailable', message, { ...common, statusCode: 502, retryable: true });
}

/** Masks anything shaped like a Stripe secret (sk_, rk_, whsec_) that a message might carry. */
export function redact(text: string): string {
  return text.replace(/\b(sk|rk|whsec)_[A-Za-z0-9_]+/g, '$1_***');
}
