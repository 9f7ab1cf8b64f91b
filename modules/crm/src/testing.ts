import type { Platform } from '@petfriendly/core';
import type { CrmServices } from './services';

/** The CRM's services on a platform, with its consumer caught up on every event so far. */
export async function crmOf(platform: Platform): Promise<CrmServices> {
  await platform.ctx.events.dispatch();
  return platform.services.crm;
}
