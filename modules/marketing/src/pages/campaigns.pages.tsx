import type { HttpApp, ModuleContext } from '@petfriendly/core';
import type { MarketingServices } from '../services';

/** The admin pages come in the next step. */
export async function campaignPages(_app: HttpApp, _s: MarketingServices, _ctx: ModuleContext) {}
