import { randomBytes } from 'node:crypto';
import { money, ValidationError } from '@petfriendly/core';
import { toMinorUnits } from './amounts';
import { type CardGateway, CardGatewayError, type CardIntent, type RefundResult, WebhookSignatureError } from './types';

export const LOCAL_INTENT_PREFIX = 'pi_local_';

function token(bytes = 12): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * The embedded default when Stripe is not configured: no network and nothing kept. The billing service
 * stores the intents it creates here in its own table and confirms local payments itself; amounts are
 * checked exactly as for Stripe so a bad amount fails the same way in development.
 */
export function createLocalGateway(): CardGateway {
  return {
    name: 'local',
    publishableKey: null,

    async createIntent(input): Promise<CardIntent> {
      if (input.currency !== 'MXN') throw ValidationError.forField('billing.invalid_currency', 'currency', 'must be MXN');
      toMinorUnits(input.amount, input.currency);
      if (!input.idempotencyKey?.trim()) {
        throw ValidationError.forField('billing.invalid_idempotency_key', 'idempotencyKey', 'must be 1 to 255 characters');
      }
      // Not idempotent by itself (nothing is stored): a retry with the same key gets a new id.
      const id = `${LOCAL_INTENT_PREFIX}${token()}`;
      return {
        id,
        clientSecret: `${id}_secret_${token(16)}`,
        status: 'requires_payment_method',
        amount: money(input.amount),
        currency: 'MXN',
        chargeId: null,
        metadata: { ...input.metadata },
      };
    },

    // Unsupported: the local gateway keeps no intents, so the billing tables are the only record of them.
    async retrieveIntent(id): Promise<CardIntent> {
      throw new CardGatewayError(
        'billing.gateway_unsupported',
        `The local card gateway keeps no payment intents (asked for ${id}); read it from the billing tables.`,
        { statusCode: 501 },
      );
    },

    async refund(input): Promise<RefundResult> {
      if (!input.paymentIntentId?.startsWith(LOCAL_INTENT_PREFIX)) {
        // A payment taken through Stripe cannot be given back by pretending.
        throw new CardGatewayError('billing.gateway_unsupported', `The local card gateway can only refund local payments, not ${input.paymentIntentId}.`, {
          statusCode: 422,
        });
      }
      toMinorUnits(input.amount, 'MXN');
      return { id: `re_local_${token()}`, status: 'succeeded', amount: money(input.amount) };
    },

    parseWebhook(): never {
      throw new WebhookSignatureError('The local card gateway receives no webhooks.');
    },
  };
}
