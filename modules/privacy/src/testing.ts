import type { Actor, Platform } from '@petfriendly/core';

/** An owner's ARCO request through the service (its answer due in the legal business days): access by default. */
export function PrivacyRequestFactory(platform: Platform, owner: Actor, overrides: Record<string, unknown> = {}) {
  return platform.services.privacy.privacy.request(owner, { kind: 'access', details: '', ...overrides });
}
