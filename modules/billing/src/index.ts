import { type Tx, defineModule, localDate, port } from '@petfriendly/core';
import { type StoreSockets, orderCancelled, orderDelivered, orderShipped } from '@petfriendly/store';
import { billingEvents, cfdiStamped, invoiceOverdue, paymentReceived } from './billing.events';
import { billingErrorMessages } from './billing.messages';
import { billingRoutes } from './billing.routes';
import { billingSettings } from './billing.settings';
import { billingTables } from './billing.tables';
import { billingTools } from './billing.tools';
import { billingMessages } from './i18n/index';
import { billingPages } from './pages/index';
import { type BillingAdapters, type BillingNeeds, createBillingServices } from './services';

const MARK_OVERDUE = 'billing.mark-overdue';
const GLOBAL_INVOICE = 'billing.global-invoice';
const PAYMENT_COMPLEMENT = 'billing.payment-complement';
const ORDER_NOTICE = 'billing.order-notice';
const INVOICE_NOTICE = 'billing.invoice-notice';
const OVERDUE_NOTICE = 'billing.overdue-notice';

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
    events: billingEvents,
    i18n: billingMessages,
    messages: billingErrorMessages,
    nav: [
      { area: 'site', href: '/my/invoices', labelKey: 'billing:nav.invoices', icon: '🧾', audience: 'owner', order: 40 },
      { area: 'admin', href: '/admin/billing', labelKey: 'billing:nav.desk', icon: '💳', audience: 'staff', order: 10 },
    ],
    createServices: (ctx, deps, settings) => createBillingServices(ctx, deps, settings, adapters),
    // Every store order gets its invoice, written in the order's transaction.
    fills: (s) => ({ store: { invoicing: s.invoices } satisfies Partial<StoreSockets> }),
    subscribe(events, s, _deps, ctx) {
      events.on(orderCancelled, 'billing.cancel_order_invoice', async (p, { tx }) => {
        await s.invoices.cancelOrderInvoice(p.orderId, tx);
      });
      // Notices only enqueue: sending talks to other services, which must not run inside the delivery transaction.
      const notice = (change: 'shipped' | 'delivered' | 'cancelled') => async (p: { orderId: number }, { tx }: { tx: Tx }) => {
        await ctx.jobs.send(ORDER_NOTICE, { orderId: p.orderId, change }, { tx, singletonKey: `order-${p.orderId}-${change}` });
      };
      events.on(orderShipped, 'billing.queue_order_shipped_notice', notice('shipped'));
      events.on(orderDelivered, 'billing.queue_order_delivered_notice', notice('delivered'));
      events.on(orderCancelled, 'billing.queue_order_cancelled_notice', notice('cancelled'));
      events.on(cfdiStamped, 'billing.queue_invoice_notice', async (p, { tx }) => {
        if (p.ownerId) await ctx.jobs.send(INVOICE_NOTICE, { invoiceId: p.invoiceId }, { tx, singletonKey: `invoice-${p.invoiceId}-${p.uuid ?? 'sealed'}` });
      });
      events.on(invoiceOverdue, 'billing.queue_overdue_notice', async (p, { tx }) => {
        if (p.ownerId) await ctx.jobs.send(OVERDUE_NOTICE, { invoiceId: p.invoiceId }, { tx, singletonKey: `overdue-${p.invoiceId}` });
      });
      events.on(paymentReceived, 'billing.queue_payment_complement', async (p, { tx }) => {
        await ctx.jobs.send(PAYMENT_COMPLEMENT, { paymentId: p.paymentId }, { tx, singletonKey: `complement-${p.paymentId}` });
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
          await s.cfdi.issueGlobalInvoice(lastMonth);
        },
      },
      {
        name: ORDER_NOTICE,
        handler: async ({ orderId, change }: { orderId: number; change: 'shipped' | 'delivered' | 'cancelled' }) => {
          await s.notifications.orderUpdate(orderId, change);
        },
      },
      {
        name: INVOICE_NOTICE,
        handler: async ({ invoiceId }: { invoiceId: number }) => {
          await s.notifications.invoiceReady(invoiceId);
        },
      },
      {
        name: OVERDUE_NOTICE,
        handler: async ({ invoiceId }: { invoiceId: number }) => {
          await s.notifications.invoiceOverdue(invoiceId);
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
      await billingPages(app, services, ctx, deps);
    },
  });
}

export const billingModule = createBillingModule();

export * from './billing.events';
export type { BillingServices } from './services';
export type { Invoice, InvoiceDetail } from './invoice.service';
