import type { HttpApp, ModuleContext } from '@petfriendly/core';
import type { MarketingServices } from '../services';
import { campaignPages } from './campaigns.pages';
import { sequencePages } from './sequences.pages';
import { unsubscribePages } from './unsubscribe.pages';

export async function marketingPages(app: HttpApp, s: MarketingServices, ctx: ModuleContext) {
  await campaignPages(app, s, ctx);
  await sequencePages(app, s);
  await unsubscribePages(app, s);
}
