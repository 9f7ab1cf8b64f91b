import { paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { defineModule, on } from '@petfriendly/core';
import { cashCloseEvents } from './cash-close.events';
import { cashCloseErrorMessages } from './cash-close.messages';
import { cashCloseRoutes } from './cash-close.routes';
import { cashCloseTables } from './cash-close.tables';
import { cashCloseMessages } from './i18n/index';
import { cashClosePages } from './pages/cash-close.pages';
import { createCashCloseServices } from './services';

/**
 * The end-of-day cash close. A module of its own rather than part of billing: it needs only what billing's
 * payment and refund events carry (amount, way of paying, day), keeps its own drawer records, and the
 * books hear of its result through its own event.
 */
export const cashCloseModule = defineModule({
  name: 'cash-close',
  tables: cashCloseTables,
  events: cashCloseEvents,
  i18n: cashCloseMessages,
  messages: cashCloseErrorMessages,
  nav: [
    {
      area: 'admin',
      href: '/admin/cash-close',
      labelKey: 'cash-close:nav.close',
      icon: 'calculator',
      audience: 'staff',
      roles: ['receptionist', 'manager', 'admin', 'accountant'],
      order: 16,
    },
  ],
  createServices: (ctx) => createCashCloseServices(ctx),
  subscribe(events, s) {
    events.consume('cash_close.day_totals', [on(paymentReceived, s.cashClose.onPaymentReceived), on(paymentRefunded, s.cashClose.onPaymentRefunded)], {
      from: 'start',
      strict: true,
    });
  },
  routes: async (app, s, ctx) => {
    await cashCloseRoutes(app, s, ctx);
    await cashClosePages(app, s, ctx);
  },
});

export * from './cash-close.events';
export type { CashCloseServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    'cash-close': import('./services').CashCloseServices;
  }
}
