import {
  type Actor,
  ConflictError,
  computeTotals,
  localDate,
  type ModuleContext,
  money,
  parseInput,
  roundMoney,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { CartOwner, CartService } from './cart.service';
import type { CouponService } from './coupon.service';
import { assertNotEmpty, type OrderDetail, type OrderService, orderNumberOf, refOf } from './order.service';
import { withShipping } from './shipping';
import { lockStock, takeStock } from './stock';
import { orderCreated } from './store.events';
import { checkoutSchema } from './store.schemas';
import type { StoreSettings } from './store.settings';
import { taxRatesOf } from './store.settings';
import { orderItems, orders } from './store.tables';

/** The invoice of each order, written in the order's transaction (billing fills this). */
export interface CheckoutInvoicing {
  createFromOrder(tx: Tx, order: OrderDetail): Promise<{ invoiceId: number } | null>;
}

/**
 * Discounts and points beyond the store's own coupons (loyalty fills this). Both run in the order's
 * transaction: what applies to this owner's products, then, once the order is written, redeeming
 * what was applied and awarding what the order earns.
 */
export interface DiscountPort {
  discountFor(tx: Tx, ownerId: string, productsTotal: Decimal): Promise<Decimal>;
  orderPlaced(tx: Tx, order: { ownerId: string; reference: string; discount: Decimal; total: Decimal }): Promise<void>;
}

/** What the checkout asks of other modules: they depend on the store, so the composition root fills these after building them. */
export interface StoreSockets {
  invoicing: CheckoutInvoicing;
  discounts: DiscountPort;
}

/** Until a module fills them: orders get no invoice, and no discount or points apply. */
export const storeSockets: StoreSockets = {
  invoicing: { createFromOrder: async () => null },
  discounts: { discountFor: async () => money(0), orderPlaced: async () => {} },
};

/** CheckoutService as the spec shows it: the order from the cart, its discounts, its invoice, its points. */
export function createCheckoutService(
  ctx: ModuleContext,
  carts: CartService,
  orderService: OrderService,
  coupons: CouponService,
  settings: StoreSettings,
  sockets: Readonly<StoreSockets>,
) {
  const { db, clock, events } = ctx;

  /**
   * `complete_checkout` (the spec's `create_order`): in one transaction the cart is locked, every line
   * checked again (still sold, prescription still current), stock taken first-expiry-first-out, the
   * coupon redeemed, the order and its invoice written and the cart emptied. When two shoppers race
   * for the last units, the stock row lock makes one wait; it then finds too few and gets
   * `store.out_of_stock` with nothing changed.
   */
  async function completeCheckout(actor: Actor, owner: CartOwner, input: unknown): Promise<OrderDetail & { invoiceId: number | null }> {
    if (actor.kind !== 'owner' || !('ownerId' in owner)) throw new ValidationError('store.sign_in_to_checkout', 'Sign in to place your order.');
    const data = parseInput(checkoutSchema, input);
    const today = localDate(clock.now(), ctx.clinic.TIME_ZONE);
    // Checked before the transaction (they read the pet's record); the locked cart must still hold just these lines.
    const checked = (await carts.getCart(owner)).items;
    assertNotEmpty(checked);
    for (const item of checked) await carts.admissible(actor, owner, item.product.id, item.petId ?? undefined);
    const signature = (lines: { productId: number; quantity: number; petId: number | null }[]) =>
      JSON.stringify(lines.map((l) => [l.productId, l.quantity, l.petId]).sort());
    return db.transaction(async (tx) => {
      const locked = await carts.lockForCheckout(tx, owner, data.fulfilment);
      assertNotEmpty(locked?.lines ?? []);
      const { cart, lines, shipping, priced } = locked!;
      if (signature(lines.map((l) => l.item)) !== signature(checked.map((i) => ({ productId: i.product.id, quantity: i.quantity, petId: i.petId })))) {
        throw new ConflictError('store.cart_changed', 'Your cart changed while ordering; check it and try again.');
      }
      await lockStock(
        tx,
        lines.map((l) => l.product.id),
      );

      const productsTotal = computeTotals(priced).total;
      const [draft] = await tx
        .insert(orders)
        .values({
          orderNumber: `tmp-${cart.id}-${clock.now().getTime()}`,
          ownerId: owner.ownerId,
          paymentMethod: data.paymentMethod,
          fulfilment: data.fulfilment,
          subtotal: '0',
          taxAmount: '0',
          total: '0',
          shippingAddress: data.shippingAddress ?? null,
          notes: data.notes,
          createdAt: clock.now(),
        })
        .returning();
      const reference = `order:${draft!.id}`;
      const couponDiscount = cart.couponId ? await coupons.redeem(tx, cart.couponId, owner.ownerId, productsTotal, reference) : money(0);
      const portDiscount = roundMoney(await sockets.discounts.discountFor(tx, owner.ownerId, productsTotal));
      const totals = computeTotals(withShipping(priced, shipping, taxRatesOf(settings)), { extraDiscount: couponDiscount.plus(portDiscount) });

      for (const line of lines)
        await takeStock(tx, events, line.product.id, line.item.quantity, today, { at: clock.now(), reason: 'sale', reference, by: owner.ownerId });
      await tx.insert(orderItems).values(
        lines.map((l, i) => ({
          orderId: draft!.id,
          productId: l.product.id,
          petId: l.item.petId,
          quantity: l.item.quantity,
          unitPrice: l.product.price,
          discountAmount: totals.lines[i]!.grossDiscount.toFixed(2),
          taxClass: l.product.taxClass,
          total: totals.lines[i]!.total.toFixed(2),
        })),
      );
      const [order] = await tx
        .update(orders)
        .set({
          orderNumber: orderNumberOf(draft!.id, draft!.createdAt),
          couponId: cart.couponId,
          subtotal: totals.grossSubtotal.minus(shipping).toFixed(2),
          discountAmount: totals.grossDiscount.toFixed(2),
          taxAmount: totals.tax.toFixed(2),
          shippingAmount: shipping.toFixed(2),
          total: totals.total.toFixed(2),
        })
        .where(eq(orders.id, draft!.id))
        .returning();
      await carts.clear(tx, cart.id);
      await events.emit(tx, orderCreated, { ...refOf(order!), paymentMethod: order!.paymentMethod });
      const detail = await orderService.detail(tx, order!);
      const invoice = await sockets.invoicing.createFromOrder(tx, detail);
      await sockets.discounts.orderPlaced(tx, { ownerId: owner.ownerId, reference, discount: portDiscount, total: totals.total });
      return { ...detail, invoiceId: invoice?.invoiceId ?? null };
    });
  }

  return { completeCheckout };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
