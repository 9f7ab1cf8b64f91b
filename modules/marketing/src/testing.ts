import type { Platform } from '@petfriendly/core';
import type { MarketingServices } from './services';

/** Marketing's services on a platform, with every consumer caught up on the events so far. */
export async function marketingOf(platform: Platform): Promise<MarketingServices> {
  await platform.ctx.events.dispatch();
  return platform.services.marketing;
}
