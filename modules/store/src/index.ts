import { defineModule, LANGUAGES, port } from '@petfriendly/core';
import { categoryRoutes } from './category.routes';
import { storeSockets } from './checkout.service';
import { bookPages } from './controlled/book.pages';
import { bookRoutes } from './controlled/book.routes';
import { controlledErrorMessages } from './controlled.messages';
import { controlledTables } from './controlled.tables';
import { storeMessages } from './i18n/index';
import { adminOrdersPages } from './pages/admin-orders.pages';
import { cartPages } from './pages/cart.pages';
import { categoryPages } from './pages/categories.pages';
import { inventoryPages } from './pages/inventory.pages';
import { myOrdersPages } from './pages/orders.pages';
import { productAdminPages } from './pages/products.pages';
import { shopPages } from './pages/shop.pages';
import { createStoreServices, type StoreNeeds } from './services';
import { expiryAlert, lowStockAlert, storeEvents } from './store.events';
import { storeErrorMessages } from './store.messages';
import { storeRoutes } from './store.routes';
import { storeSettings } from './store.settings';
import { storeTables } from './store.tables';
import { storeTools } from './store.tools';

const DAILY_ALERTS = 'store.daily-alerts';
const RELEASE_STALE = 'store.release-stale-orders';

export const storeModule = defineModule({
  name: 'store',
  needs: {
    accounts: port<StoreNeeds['accounts']>(),
    'vet-clinic': port<StoreNeeds['vet-clinic']>(),
    multilingual: port<StoreNeeds['multilingual']>(),
    omnichannel: port<StoreNeeds['omnichannel']>(),
  },
  tables: { ...storeTables, ...controlledTables },
  settings: { block: 'SIMPLE_STORE', schema: storeSettings },
  sockets: storeSockets,
  events: storeEvents,
  i18n: storeMessages,
  messages: Object.fromEntries(LANGUAGES.map((l) => [l, { ...storeErrorMessages[l], ...controlledErrorMessages[l] }])),
  nav: [
    { area: 'site', href: '/store', labelKey: 'store:nav.store', icon: 'shopping-bag', audience: 'all', order: 25 },
    { area: 'site', href: '/my/orders', labelKey: 'store:nav.orders', icon: 'package', audience: 'owner', order: 35 },
    { area: 'admin', href: '/admin/products', labelKey: 'store:nav.products', icon: 'tag', audience: 'staff', order: 29 },
    { area: 'admin', href: '/admin/inventory', labelKey: 'store:nav.inventory', icon: 'package', audience: 'staff', order: 30 },
    {
      area: 'admin',
      href: '/admin/controlled',
      labelKey: 'store:book.nav',
      icon: 'pill',
      audience: 'staff',
      roles: ['veterinarian', 'manager', 'admin'],
      order: 30.5,
    },
    { area: 'admin', href: '/admin/orders', labelKey: 'store:nav.orders', icon: 'receipt', audience: 'staff', order: 31 },
    { area: 'admin', href: '/admin/coupons', labelKey: 'store:nav.coupons', icon: 'ticket', audience: 'staff', order: 32 },
  ],
  createServices: (ctx, deps, settings, sockets) => createStoreServices(ctx, deps, settings, sockets),
  // The day's alerts reach whoever orders: a notice per product or batch in their inbox, refreshed daily, and the digest mail.
  subscribe(events, s, deps) {
    const roles = s.settings.STOCK_ALERT_ROLES;
    events.on(lowStockAlert, 'store.notify_low_stock', async ({ productId, name, currentLevel, reorderPoint }) => {
      await deps.omnichannel.notices.raise({
        key: `store.low_stock:${productId}`,
        roles,
        messageKey: 'store:notices.lowStock',
        params: { name, currentLevel, reorderPoint },
        link: `/admin/inventory/${productId}`,
      });
    });
    events.on(expiryAlert, 'store.notify_expiry', async ({ batchId, productId, name, batchNumber, expiryDate, quantity, daysUntilExpiry }) => {
      await deps.omnichannel.notices.raise({
        key: `store.expiry:${batchId}`,
        roles,
        messageKey: 'store:notices.expiring',
        params: { name, batchNumber, expiryDate, quantity, days: daysUntilExpiry },
        link: `/admin/inventory/${productId}`,
      });
    });
  },
  jobs: (s) => [
    {
      name: DAILY_ALERTS,
      cron: '30 7 * * *',
      handler: async () => {
        await s.inventory.raiseAlerts();
      },
    },
    {
      name: RELEASE_STALE,
      cron: '15 3 * * *',
      handler: async () => {
        await s.orders.releaseStaleOrders();
      },
    },
  ],
  tools: storeTools,
  routes: async (app, services, ctx, deps) => {
    await storeRoutes(app, services);
    await bookRoutes(app, services);
    await categoryRoutes(app, services);
    const { 'vet-clinic': vet, accounts } = deps;
    // Static paths (/store/cart, /store/checkout) win over /store/:slug whatever the order.
    await cartPages(app, services, vet, accounts);
    await shopPages(app, services, vet);
    await myOrdersPages(app, services, vet, ctx);
    await inventoryPages(app, services, ctx);
    await categoryPages(app, services);
    await adminOrdersPages(app, services, accounts, ctx);
    await productAdminPages(app, services);
    await bookPages(app, services);
  },
});

export type { CheckoutInvoicing, DiscountPort, StoreSockets } from './checkout.service';
export type { Order, OrderDetail } from './order.service';
export type { StoreBillingPort, StoreCategoriesPort, StoreImportPort, StoreReportingPort } from './ports';
export type { Product, ProductCard } from './product.service';
export { CATEGORY, PRODUCT } from './product.service';
export type { StoreServices } from './services';
export { SHIPPING } from './shipping';
export { allocationsFor, allocationsOf, lockStock, returnStock, takeStock } from './stock';
export * from './store.events';
export { storeSettings, taxRatesOf } from './store.settings';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    store: import('./services').StoreServices;
  }
}
