import type { StoreServices } from './services';

/** What billing uses of the store: prices, orders to settle, stock for front-desk lines, the pending-order days. */
export type StoreBillingPort = Pick<StoreServices, 'settings' | 'products' | 'orders' | 'inventory'>;

/** What first-run setup uses: the shop's first categories. */
export type StoreCategoriesPort = Pick<StoreServices, 'categories'>;

/** What the reports use: product categories' names and the batches that expire soon. */
export type StoreReportingPort = Pick<StoreServices, 'categories' | 'inventory'>;

/** What a data import uses: products, categories and receipts through their services, lookups in a batch, and undo. */
export type StoreImportPort = Pick<StoreServices, 'products' | 'categories' | 'inventory' | 'settings' | 'storeImport'>;
