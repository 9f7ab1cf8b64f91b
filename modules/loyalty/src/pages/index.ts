import type { AccountsPort } from '@petfriendly/accounts';
import type { HttpApp } from '@petfriendly/core';
import type { LoyaltyServices } from '../services';
import { adminPages } from './admin.pages';
import { pointsPages } from './points.pages';

export async function loyaltyPages(app: HttpApp, s: LoyaltyServices, accounts: AccountsPort) {
  await pointsPages(app, s);
  await adminPages(app, s, accounts);
}
