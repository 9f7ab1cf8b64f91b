import { ownerCreated } from '@petfriendly/accounts';
import { type BillingSockets, invoiceCancelled, invoicePaid, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { defineModule, on, port, systemActor } from '@petfriendly/core';
import { orderCancelled, type StoreSockets } from '@petfriendly/store';
import { loyaltyMessages } from './i18n/index';
import { loyaltyEvents, pointsExpiring, tierUpgraded } from './loyalty.events';
import { loyaltyErrorMessages } from './loyalty.messages';
import { loyaltyRoutes } from './loyalty.routes';
import { loyaltySettings } from './loyalty.settings';
import { loyaltyTables } from './loyalty.tables';
import { loyaltyTools } from './loyalty.tools';
import { loyaltyPages } from './pages/index';
import { createLoyaltyServices, type LoyaltyNeeds } from './services';

/** The consumer that keeps the points: enrolments and every payment, refund and cancellation, from the first. */
export const POINTS_CONSUMER = 'loyalty.points';
const EXPIRE_POINTS = 'loyalty.expire-points';

export const loyaltyModule = defineModule({
  name: 'loyalty',
  needs: {
    accounts: port<LoyaltyNeeds['accounts']>(),
    omnichannel: port<LoyaltyNeeds['omnichannel']>(),
    store: port<LoyaltyNeeds['store']>(),
    billing: port<LoyaltyNeeds['billing']>(),
  },
  tables: loyaltyTables,
  settings: { block: 'CRM_LITE', schema: loyaltySettings },
  events: loyaltyEvents,
  i18n: loyaltyMessages,
  messages: loyaltyErrorMessages,
  nav: [
    { area: 'site', href: '/my/points', labelKey: 'loyalty:nav.points', icon: 'star', audience: 'owner', order: 45 },
    { area: 'admin', href: '/admin/loyalty', labelKey: 'loyalty:nav.admin', icon: 'star', audience: 'staff', order: 33 },
  ],
  createServices: (ctx, deps, settings) => createLoyaltyServices(ctx, deps, settings),
  // The checkout takes the tier discount and the owner's discount voucher off the products; the desk, the tier's.
  fills: (s) => ({
    store: { discounts: s.discounts } satisfies Partial<StoreSockets>,
    billing: { discounts: { percentFor: (ownerId: string) => s.loyalty.getDiscountPercent(systemActor, ownerId) } } satisfies Partial<BillingSockets>,
  }),
  subscribe(events, s) {
    const e = s.earning;
    events.consume(
      POINTS_CONSUMER,
      [
        on(ownerCreated, e.onOwnerCreated),
        on(paymentReceived, e.onPaymentReceived),
        on(paymentRefunded, e.onPaymentRefunded),
        on(invoiceCancelled, e.onInvoiceCancelled),
        on(invoicePaid, e.onInvoicePaid),
        on(orderCancelled, e.onOrderCancelled),
      ],
      { from: 'start', strict: true },
    );
    events.on(pointsExpiring, 'loyalty.expiring_notice', (p) => s.notices.pointsExpiringSoon(p));
    events.on(tierUpgraded, 'loyalty.tier_notice', (p) => s.notices.tierReached(p));
  },
  onStart: (s) => s.members.seedTiers(),
  jobs: (s) => [
    {
      name: EXPIRE_POINTS,
      cron: '10 2 * * *',
      handler: async () => {
        await s.expiry.expirePoints();
      },
    },
  ],
  tools: loyaltyTools,
  routes: async (app, s, _ctx, deps) => {
    await loyaltyRoutes(app, s);
    await loyaltyPages(app, s, deps.accounts);
  },
});

export * from './loyalty.events';
export { loyaltySettings } from './loyalty.settings';
export type { LoyaltyServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    loyalty: import('./services').LoyaltyServices;
  }
}
