import { ConfigError } from '@petfriendly/core';
import { createLocalGateway } from './local';
import { createStripeGateway } from './stripe';
import type { CardGateway } from './types';

export { fromMinorUnits, minorUnitDigits, toMinorUnits } from './amounts';
export { createLocalGateway, LOCAL_INTENT_PREFIX } from './local';
export { createStripeGateway, type StripeGatewayOptions, WEBHOOK_TOLERANCE_SECONDS } from './stripe';
export * from './types';

export interface CardGatewaySettings {
  STRIPE_SECRET_KEY?: string | null;
  STRIPE_PUBLIC_KEY?: string | null;
  STRIPE_WEBHOOK_SECRET?: string | null;
  /** Test doubles only: `http://127.0.0.1:PORT`. */
  stripeApiBase?: string;
}

/**
 * Stripe when STRIPE_SECRET_KEY is set (then STRIPE_PUBLIC_KEY and STRIPE_WEBHOOK_SECRET are required too),
 * otherwise the local gateway. A bad combination throws ConfigError naming the setting, never its value.
 */
export function createCardGateway(settings: CardGatewaySettings): CardGateway {
  const secretKey = present(settings.STRIPE_SECRET_KEY);
  if (!secretKey) return createLocalGateway();

  const publishableKey = present(settings.STRIPE_PUBLIC_KEY);
  const webhookSecret = present(settings.STRIPE_WEBHOOK_SECRET);
  if (!/^(sk|rk)_(test|live)_/.test(secretKey)) {
    throw new ConfigError('Invalid setting STRIPE_SECRET_KEY: must be a Stripe secret or restricted key (sk_… or rk_…)');
  }
  if (!webhookSecret) {
    throw new ConfigError('Invalid setting STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (the whsec_… signing secret of the webhook endpoint)');
  }
  if (!webhookSecret.startsWith('whsec_')) {
    throw new ConfigError('Invalid setting STRIPE_WEBHOOK_SECRET: must be a webhook signing secret (whsec_…)');
  }
  if (!publishableKey) {
    throw new ConfigError('Invalid setting STRIPE_PUBLIC_KEY: required when STRIPE_SECRET_KEY is set (the pk_… key Stripe.js uses in the browser)');
  }
  if (!/^pk_(test|live)_/.test(publishableKey)) {
    // Above all, never let a secret key be sent to browsers as the "public" one.
    throw new ConfigError('Invalid setting STRIPE_PUBLIC_KEY: must be a publishable key (pk_…)');
  }
  if (mode(secretKey) !== mode(publishableKey)) {
    throw new ConfigError('Invalid setting STRIPE_PUBLIC_KEY: test and live keys are mixed with STRIPE_SECRET_KEY');
  }
  return createStripeGateway({ secretKey, publishableKey, webhookSecret, apiBase: settings.stripeApiBase });
}

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function mode(key: string): 'test' | 'live' {
  return key.split('_')[1] === 'live' ? 'live' : 'test';
}
