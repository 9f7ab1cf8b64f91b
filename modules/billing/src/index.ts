import { defineModule, localDate, port } from '@petfriendly/core';
import { orderCancelled, orderDelivered, orderShipped, type StoreSockets } from '@petfriendly/store';
import type { VetClinicSockets } from '@petfriendly/vet-clinic';
import { billingEvents, cfdiStamped, invoiceOverdue, paymentReceived } from './billing.events';
import { billingErrorMessages } from './billing.messages';
import { billingRoutes } from './billing.routes';
import { billingSettings } from './billing.settings';
import { billingTables } from './billing.tables';
import { billingTools } from './billing.tools';
import { chargeRoutes } from './charges.routes';
import { billingMessages } from './i18n/index';
import { billingSockets } from './invoice.service';
import { billingPages } from './pages/index';
import { type BillingAdapters, type BillingNeeds, createBillingServices } from './services';

const MARK_OVERDUE = 'billing.mark-overdue';
const GLOBAL_INVOICE = 'billing.global-invoice';
const PAYMENT_COMPLEMENT = 'billing.payment-complement';

/** The billing module; tests pass their own card gateway and PAC. */
export function createBillingModule(adapters: BillingAdapters = {}) {
  return defineModule({
    name: 'billing',
    needs: {
      accounts: port<BillingNeeds['accounts']>(),
      'vet-clinic': port<BillingNeeds['vet-clinic']>(),
      appointments: port<BillingNeeds['appointments']>(),
      store: port<BillingNeeds['store']>(),
      omnichannel: port<BillingNeeds['omnichannel']>(),
    },
    tables: billingTables,
    settings: { block: 'BILLING', schema: billingSettings },
    sockets: billingSockets,
    events: billingEvents,
    i18n: billingMessages,
    messages: billingErrorMessages,
    nav: [
      { area: 'site', href: '/my/invoices', labelKey: 'billing:nav.invoices', icon: 'receipt', audience: 'owner', order: 40 },
      { area: 'admin', href: '/admin/billing', labelKey: 'billing:nav.desk', icon: 'credit-card', audience: 'staff', order: 10 },
      {
        area: 'admin',
        href: '/admin/billing/missed-charges',
        labelKey: 'billing:charges.missedNav',
        icon: 'banknote',
        audience: 'staff',
        roles: ['manager', 'admin'],
        order: 75,
      },
    ],
    createServices: (ctx, deps, settings, sockets) => createBillingServices(ctx, deps, settings, adapters, sockets),
    // Every store order gets its invoice, written in the order's transaction.
    fills: (s) => ({
      store: { invoicing: s.invoices } satisfies Partial<StoreSockets>,
      'vet-clinic': {
        charges: {
          statusOf: s.charges.statusOf,
          catalogue: s.charges.catalogue,
          invoiceUrl: (visitId: number) => `/admin/billing/visits/${visitId}/invoice`,
          waiveUrl: (itemId: number) => `/admin/billing/charges/${itemId}/waive`,
        },
      } satisfies Partial<VetClinicSockets>,
    }),
    subscribe(events, s, _deps, ctx) {
      // A cancelled order's invoice goes with it, unless money was already taken (then staff refund first).
      events.on(orderCancelled, 'billing.cancel_order_invoice', (p, { tx }) => s.invoices.cancelForOrder(tx, p.orderId));
      events.on(orderShipped, 'billing.order_shipped_notice', (p) => s.notifications.orderUpdate(p.orderId, 'shipped'));
      events.on(orderDelivered, 'billing.order_delivered_notice', (p) => s.notifications.orderUpdate(p.orderId, 'delivered'));
      events.on(orderCancelled, 'billing.order_cancelled_notice', (p) => s.notifications.orderUpdate(p.orderId, 'cancelled'));
      events.on(cfdiStamped, 'billing.invoice_notice', async (p) => {
        if (p.ownerId) await s.notifications.invoiceReady(p.invoiceId);
      });
      events.on(invoiceOverdue, 'billing.overdue_notice', async (p) => {
        if (p.ownerId) await s.notifications.invoiceOverdue(p.invoiceId);
      });
      // The complement is sealed (and stamped with the PAC, seconds away) as a job of its own.
      events.on(paymentReceived, 'billing.queue_payment_complement', async (p) => {
        await ctx.jobs.send(PAYMENT_COMPLEMENT, { paymentId: p.paymentId }, { singletonKey: `complement-${p.paymentId}` });
      });
    },
    jobs: (s, ctx) => [
      {
        name: MARK_OVERDUE,
        cron: '0 6 * * *',
        handler: async () => {
          await s.invoices.markOverdue();
        },
      },
      {
        name: GLOBAL_INVOICE,
        cron: '0 5 1 * *',
        handler: async () => {
          const lastMonth = localDate(new Date(ctx.clock.now().getTime() - 86_400_000), ctx.clinic.TIME_ZONE).slice(0, 7);
          await s.cfdi.globalInvoiceFor(lastMonth);
        },
      },
      {
        name: PAYMENT_COMPLEMENT,
        handler: async ({ paymentId }: { paymentId: number }) => {
          await s.cfdi.issuePaymentComplement(paymentId);
        },
      },
    ],
    tools: billingTools,
    routes: async (app, services, ctx, deps) => {
      await billingRoutes(app, services);
      await chargeRoutes(app, services);
      await billingPages(app, services, ctx, deps);
    },
  });
}

export const billingModule = createBillingModule();

export * from './billing.events';
/** A supplier's CFDI read the way billing reads its own (accounting books supplier bills from it). */
export { type CfdiView, REGIMENES_FISCALES, readCfdi } from './cfdi/index';
export type { BillingSockets, Invoice, InvoiceDetail } from './invoice.service';
export type { IssuerPort } from './ports';
export type { BillingServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    billing: import('./services').BillingServices;
  }
}
