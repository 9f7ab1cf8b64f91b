import type { Actor, Platform } from '@petfriendly/core';
import type { PrivacyServices } from './services';

/** An owner's ARCO request through the service (its answer due in the legal business days): access by default. */
export function PrivacyRequestFactory(platform: Platform, owner: Actor, overrides: Record<string, unknown> = {}) {
  return (platform.services.privacy as PrivacyServices).privacy.request(owner, { kind: 'access', details: '', ...overrides });
}
