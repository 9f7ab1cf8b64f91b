import type { Actor, Platform } from '@petfriendly/core';

/** A drawer movement through the service (the opening float by default), so its rules and the day's figures apply. */
export async function DrawerMovementFactory(platform: Platform, actor: Actor, overrides: Record<string, unknown> = {}) {
  const { cashClose } = platform.services['cash-close'];
  return cashClose.recordMovement(actor, { kind: 'float', amount: '500.00', ...overrides });
}
