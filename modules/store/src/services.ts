import type { AccountsPort } from '@petfriendly/accounts';
import type { ModuleContext } from '@petfriendly/core';
import type { ContentTranslationPort } from '@petfriendly/multilingual';
import type { StaffNoticesPort } from '@petfriendly/omnichannel';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { createCartService } from './cart.service';
import { createCategoryService } from './category.service';
import { createCheckoutService, type StoreSockets } from './checkout.service';
import { createBookService } from './controlled/book.service';
import { createCouponService } from './coupon.service';
import { createInventoryService } from './inventory.service';
import { createOrderService } from './order.service';
import { createStorePrivacy } from './privacy';
import { createProductService } from './product.service';
import { createProductImageService } from './product-image.service';
import { createStoreImport } from './product-import';
import type { StoreSettings } from './store.settings';

/** The ports the store needs, by the module that provides each. */
export interface StoreNeeds {
  accounts: AccountsPort;
  'vet-clinic': PetsPort & RecordsPort;
  multilingual: ContentTranslationPort;
  omnichannel: StaffNoticesPort;
}

export function createStoreServices(
  ctx: ModuleContext,
  { 'vet-clinic': vet, multilingual: ml, accounts }: StoreNeeds,
  settings: StoreSettings,
  sockets: Readonly<StoreSockets>,
) {
  const products = createProductService(ctx, vet, ml);
  const images = createProductImageService(ctx, settings);
  const coupons = createCouponService(ctx);
  const carts = createCartService(ctx, vet, coupons, settings);
  const orders = createOrderService(ctx, coupons, settings);
  const checkout = createCheckoutService(ctx, carts, orders, coupons, settings, sockets);
  const inventory = createInventoryService(ctx, products, vet, settings);
  const categories = createCategoryService(ctx);
  const book = createBookService(ctx, vet, accounts, settings);
  const storeImport = createStoreImport(ctx, inventory.today);
  return { products, images, coupons, carts, orders, checkout, inventory, categories, book, settings, storeImport, privacy: createStorePrivacy(ctx) };
}

export type StoreServices = ReturnType<typeof createStoreServices>;
