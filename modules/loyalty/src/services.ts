import type { AccountsPort } from '@petfriendly/accounts';
import type { ModuleContext } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import { createCheckoutDiscounts } from './discounts';
import { createEarningService } from './earning.service';
import { createExpiryService } from './expiry.service';
import { createLoyaltyService } from './loyalty.service';
import type { LoyaltySettings } from './loyalty.settings';
import { createMembers } from './members';
import { createLoyaltyNotices } from './notices';
import { createLoyaltyPrivacy } from './privacy';
import { createRewardService } from './rewards.service';

/** The ports loyalty needs, by the module that provides each. */
export interface LoyaltyNeeds {
  accounts: AccountsPort;
  omnichannel: MessagingPort;
  store: unknown;
  billing: unknown;
}

export function createLoyaltyServices(ctx: ModuleContext, deps: LoyaltyNeeds, settings: LoyaltySettings) {
  const members = createMembers(ctx, settings);
  const loyalty = createLoyaltyService(ctx, settings, members);
  const earning = createEarningService(ctx, settings, members, loyalty);
  const expiry = createExpiryService(ctx, settings);
  const rewards = createRewardService(ctx);
  const notices = createLoyaltyNotices(ctx, deps.accounts, deps.omnichannel);
  const discounts = createCheckoutDiscounts(ctx, settings);
  return { members, loyalty, earning, expiry, rewards, notices, discounts, settings, privacy: createLoyaltyPrivacy(ctx) };
}

export type LoyaltyServices = ReturnType<typeof createLoyaltyServices>;
