import type { ModuleContext } from '@petfriendly/core';
import type { MultilingualServices } from '@petfriendly/multilingual';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { createCartService } from './cart.service';
import { createCheckoutService } from './checkout.service';
import { createCouponService } from './coupon.service';
import { createInventoryService } from './inventory.service';
import { createOrderService } from './order.service';
import { createProductImageService } from './product-image.service';
import { createProductService } from './product.service';
import type { StoreSettings } from './store.settings';

export function createStoreServices(ctx: ModuleContext, vet: VetClinicServices, ml: MultilingualServices, settings: StoreSettings) {
  const products = createProductService(ctx, vet, ml);
  const images = createProductImageService(ctx, settings);
  const coupons = createCouponService(ctx);
  const carts = createCartService(ctx, vet, coupons, settings);
  const orders = createOrderService(ctx, coupons, settings);
  const checkout = createCheckoutService(ctx, carts, orders, coupons, settings);
  const inventory = createInventoryService(ctx, products, vet, settings);
  return { products, images, coupons, carts, orders, checkout, inventory, settings };
}

export type StoreServices = ReturnType<typeof createStoreServices>;
