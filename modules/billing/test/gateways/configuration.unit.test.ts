import { ConfigError } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { createCardGateway } from '../../src/payments/gateways';

const SECRET_KEY = 'sk_test_51PetFriendlySecretKey0123456789';
const PUBLIC_KEY = 'pk_test_51PetFriendlyPublicKey0123456789';
const WEBHOOK_SECRET = 'whsec_petfriendly_test_secret';

function configError(settings: Parameters<typeof createCardGateway>[0]): ConfigError {
  try {
    createCardGateway(settings);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createCardGateway configuration', () => {
  it('chooses Stripe when the secret key, publishable key and webhook secret are set', () => {
    const gateway = createCardGateway({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_PUBLIC_KEY: PUBLIC_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(gateway.name).toBe('stripe');
    expect(gateway.publishableKey).toBe(PUBLIC_KEY);
  });

  it('names STRIPE_WEBHOOK_SECRET when a secret key comes without it, without echoing the key', () => {
    for (const missing of [undefined, null, '', '   ']) {
      const error = configError({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_PUBLIC_KEY: PUBLIC_KEY, STRIPE_WEBHOOK_SECRET: missing });
      expect(error.message).toContain('STRIPE_WEBHOOK_SECRET');
      expect(error.message).not.toContain(SECRET_KEY);
    }
  });

  it('names STRIPE_PUBLIC_KEY when the browser key is missing', () => {
    expect(configError({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).message).toContain('STRIPE_PUBLIC_KEY');
  });

  it('refuses a secret key offered as the publishable key (it would reach browsers)', () => {
    const error = configError({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_PUBLIC_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(error.message).toContain('STRIPE_PUBLIC_KEY');
    expect(error.message).not.toContain(SECRET_KEY);
  });

  it('refuses keys of the wrong kind or mixed test and live keys', () => {
    expect(configError({ STRIPE_SECRET_KEY: PUBLIC_KEY, STRIPE_PUBLIC_KEY: PUBLIC_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).message).toContain(
      'STRIPE_SECRET_KEY',
    );
    expect(configError({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_PUBLIC_KEY: PUBLIC_KEY, STRIPE_WEBHOOK_SECRET: 'not-a-whsec' }).message).toContain(
      'STRIPE_WEBHOOK_SECRET',
    );
    expect(configError({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_PUBLIC_KEY: 'pk_live_51Live', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).message).toMatch(
      /test and live/,
    );
  });

  it('accepts a restricted key as the secret key', () => {
    expect(createCardGateway({ STRIPE_SECRET_KEY: 'rk_test_51Restricted', STRIPE_PUBLIC_KEY: PUBLIC_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }).name).toBe(
      'stripe',
    );
  });
});
