import { type Money as Decimal, ServiceError } from '@petfriendly/core';

export type CardIntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled';

/** A card payment attempt at the gateway (a Stripe PaymentIntent). Amounts are decimal major units (pesos). */
export interface CardIntent {
  id: string;
  clientSecret: string | null;
  status: CardIntentStatus;
  amount: Decimal;
  /** ISO 4217, upper case (`MXN`). */
  currency: string;
  chargeId: string | null;
  metadata: Record<string, string>;
}

export type GatewayEvent =
  | { id: string; type: 'payment_succeeded'; intent: CardIntent }
  | { id: string; type: 'payment_failed'; intent: CardIntent; failureMessage: string | null }
  /** `amountRefunded` is the charge's cumulative refunded total, not the amount of the latest refund. */
  | { id: string; type: 'refunded'; paymentIntentId: string; chargeId: string; amountRefunded: Decimal }
  | { id: string; type: 'ignored'; providerType: string };

export interface CreateIntentInput {
  amount: Decimal;
  currency: 'MXN';
  description: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
  receiptEmail?: string | null;
}

export interface RefundInput {
  paymentIntentId: string;
  amount: Decimal;
  idempotencyKey: string;
  /** `duplicate`, `fraudulent` or `requested_by_customer` go to Stripe as the reason; any other text goes in the refund's metadata. */
  reason?: string;
}

export interface RefundResult {
  id: string;
  /** Provider status: `succeeded`, `pending`, `requires_action`, `failed`, `canceled`. */
  status: string;
  amount: Decimal;
}

export interface CardGateway {
  readonly name: 'stripe' | 'local';
  /** Publishable key for the browser (Stripe.js); null for local. */
  readonly publishableKey: string | null;
  createIntent(input: CreateIntentInput): Promise<CardIntent>;
  retrieveIntent(id: string): Promise<CardIntent>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Verifies the signature and parses the event; throws WebhookSignatureError on a forged/old/tampered payload. */
  parseWebhook(rawBody: Buffer | string, headers: Record<string, string | string[] | undefined>): GatewayEvent;
}

export interface CardGatewayErrorOptions {
  /** The provider's own code: `card_declined`, `amount_too_small`, `resource_missing`… */
  providerCode?: string | null;
  /** For card declines, the issuer's reason (`insufficient_funds`, `lost_card`…). */
  declineCode?: string | null;
  /** HTTP status the provider answered with (null for a connection failure). */
  providerStatus?: number | null;
  /** Provider request id, for support tickets. */
  requestId?: string | null;
  /** True when trying again later with the same idempotency key may succeed (network, rate limit, provider outage). */
  retryable?: boolean;
  /** HTTP status for our own API envelope. */
  statusCode?: number;
}

/**
 * The gateway refused or failed an operation. `code` is ours and stable (`billing.card_declined`,
 * `billing.gateway_invalid_request`, `billing.gateway_unavailable`…); `providerCode` is the provider's
 * (`card_declined`). The message is the provider's, with anything that looks like a key masked.
 */
export class CardGatewayError extends ServiceError {
  override readonly statusCode: number;
  readonly providerCode: string | null;
  readonly declineCode: string | null;
  readonly providerStatus: number | null;
  readonly requestId: string | null;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: CardGatewayErrorOptions = {}) {
    super(code, message, {
      providerCode: options.providerCode ?? null,
      declineCode: options.declineCode ?? null,
    });
    this.statusCode = options.statusCode ?? 502;
    this.providerCode = options.providerCode ?? null;
    this.declineCode = options.declineCode ?? null;
    this.providerStatus = options.providerStatus ?? null;
    this.requestId = options.requestId ?? null;
    this.retryable = options.retryable ?? false;
  }
}

/** A webhook whose signature is missing, forged, made with another secret, too old, or whose body was changed. */
export class WebhookSignatureError extends ServiceError {
  override readonly statusCode = 400;
  constructor(message = 'The webhook signature could not be verified.') {
    super('billing.webhook_signature_invalid', message);
  }
}
