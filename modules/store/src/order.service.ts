import {
  type Actor,
  ConflictError,
  computeTotals,
  isStaff,
  type ModuleContext,
  money,
  NotFoundError,
  pageOf,
  parseInput,
  requireAuthenticated,
  requireStaff,
  rowIdOf,
  type Tx,
  taxTreatment,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { CouponService } from './coupon.service';
import { withShipping } from './shipping';
import { allocationsOf, lockStock, returnStock } from './stock';
import { type OrderBreakdown, orderCancelled, orderDelivered, orderPaid, orderRefunded, orderShipped } from './store.events';
import { orderListSchema, orderStatusSchema } from './store.schemas';
import { type StoreSettings, taxRatesOf } from './store.settings';
import { type OrderStatus, orderItems, orders, products } from './store.tables';

export type Order = typeof orders.$inferSelect;
export type OrderDetail = Order & {
  items: (typeof orderItems.$inferSelect & { name: string; sku: string; categoryId: number; satProductCode: string; satUnitCode: string })[];
};

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  pending: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export const refOf = (o: Order) => ({ orderId: o.id, orderNumber: o.orderNumber, ownerId: o.ownerId, total: o.total });

/** OrderService: owners see their orders; staff move them along (paid, shipped or ready, delivered). */
export function createOrderService(ctx: ModuleContext, coupons: CouponService, settings: StoreSettings) {
  const { db, clock, events } = ctx;

  async function detail(reader: Pick<Tx, 'select'>, order: Order): Promise<OrderDetail> {
    const items = await reader
      .select({
        item: orderItems,
        name: products.name,
        sku: products.sku,
        categoryId: products.categoryId,
        satProductCode: products.satProductCode,
        satUnitCode: products.satUnitCode,
      })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.id));
    return {
      ...order,
      items: items.map((i) => ({
        ...i.item,
        name: i.name,
        sku: i.sku,
        categoryId: i.categoryId,
        satProductCode: i.satProductCode,
        satUnitCode: i.satUnitCode,
      })),
    };
  }

  /**
   * An order's amounts with the full breakdown, for its money events: its lines at their stored prices and
   * discounts and its shipping, through the same `computeTotals` as the checkout and the order's invoice.
   */
  async function breakdown(tx: Tx, order: Order): Promise<OrderBreakdown> {
    const { items } = await detail(tx, order);
    const shipping = money(order.shippingAmount);
    const rates = taxRatesOf(settings);
    const lines = items.map((i) => ({ quantity: i.quantity, unitPrice: i.unitPrice, discountAmount: i.discountAmount, tax: taxTreatment(i.taxClass, rates) }));
    const totals = computeTotals(withShipping(lines, shipping, rates));
    const ship = shipping.isZero() ? null : totals.lines[items.length]!;
    return {
      currency: 'MXN',
      lines: items.map((item, i) => {
        const t = totals.lines[i]!;
        return {
          productId: item.productId,
          categoryId: item.categoryId,
          quantity: item.quantity,
          unitPrice: money(item.unitPrice).toFixed(2),
          discount: t.discount.toFixed(6),
          base: t.base.toFixed(6),
          taxClass: item.taxClass,
          tax: t.tax.toFixed(6),
          total: t.total.toFixed(2),
        };
      }),
      shipping: { base: (ship?.base ?? money(0)).toFixed(6), tax: (ship?.tax ?? money(0)).toFixed(6), total: (ship?.total ?? money(0)).toFixed(2) },
      taxes: totals.taxByRate.map((r) => ({ rate: r.rate, base: r.base.toFixed(2), tax: r.tax.toFixed(2) })),
      subtotal: totals.subtotal.toFixed(2),
      discount: totals.discount.toFixed(2),
      tax: totals.tax.toFixed(2),
      total: totals.total.toFixed(2),
    };
  }

  /** `get_user_orders`: an owner's own orders; staff may name an owner, or see every order. */
  async function getUserOrders(actor: Actor, input: unknown = {}, ownerId?: string) {
    const who = requireAuthenticated(actor);
    const f = parseInput(orderListSchema, input);
    const owner = isStaff(who) ? ownerId : who.userId;
    const rows = await db
      .select()
      .from(orders)
      .where(and(owner ? eq(orders.ownerId, owner) : undefined, f.status ? eq(orders.status, f.status) : undefined))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(f.pageSize + 1)
      .offset((f.page - 1) * f.pageSize);
    return pageOf(rows, f);
  }

  /** `get_order`, enforcing ownership: another owner's order does not exist for you. */
  async function getOrder(actor: Actor, idOrNumber: number | string): Promise<OrderDetail> {
    const who = requireAuthenticated(actor);
    const key = String(idOrNumber);
    const [order] = await db
      .select()
      .from(orders)
      .where(rowIdOf(key) ? eq(orders.id, rowIdOf(key)!) : eq(orders.orderNumber, key));
    if (!order || (!isStaff(who) && order.ownerId !== who.userId)) throw new NotFoundError('store.order_not_found', `Order ${key} not found.`);
    return detail(db, order);
  }

  async function lockOrder(tx: Tx, orderId: number) {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new NotFoundError('store.order_not_found', `Order ${orderId} not found.`);
    return order;
  }

  function assertMove(order: Order, to: OrderStatus) {
    if (!NEXT[order.status].includes(to)) {
      throw new ConflictError('store.bad_transition', `Order ${order.orderNumber} cannot go from ${order.status} to ${to}.`, { from: order.status, to });
    }
  }

  /** Cancels inside a transaction: stock back into the batches it came from, the coupon use given back. */
  async function cancelIn(tx: Tx, order: Order, reason: string, by: string | null) {
    assertMove(order, 'cancelled');
    const reference = `order:${order.id}`;
    const taken = await allocationsOf(tx, reference);
    await lockStock(tx, [...taken.keys()]);
    for (const [productId, allocations] of taken)
      await returnStock(tx, events, productId, allocations, { at: clock.now(), reason: 'order_cancelled', reference, notes: reason, by });
    await coupons.release(tx, reference);
    const [row] = await tx
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: clock.now(), notes: reason ? `${order.notes}\n${reason}`.trim() : order.notes })
      .where(eq(orders.id, order.id))
      .returning();
    await events.emit(tx, orderCancelled, { ...refOf(row!), reason });
    return row!;
  }

  /** `update_order_status` (staff): processing, shipped (or ready for pickup), delivered, cancelled. */
  async function updateOrderStatus(actor: Actor, orderId: number, input: unknown): Promise<Order> {
    const staff = requireStaff(actor);
    const { status, reason } = parseInput(orderStatusSchema, input);
    return db.transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (status === 'cancelled') return cancelIn(tx, order, reason, staff.userId);
      assertMove(order, status);
      const now = clock.now();
      const [row] = await tx
        .update(orders)
        .set({ status, ...(status === 'shipped' ? { shippedAt: now } : status === 'delivered' ? { deliveredAt: now } : {}) })
        .where(eq(orders.id, orderId))
        .returning();
      if (status === 'shipped') await events.emit(tx, orderShipped, refOf(row!));
      if (status === 'delivered') await events.emit(tx, orderDelivered, refOf(row!));
      return row!;
    });
  }

  /** An owner may cancel their own order until it is paid or being prepared. */
  async function cancelOwnOrder(actor: Actor, orderId: number): Promise<Order> {
    const who = requireAuthenticated(actor);
    return db.transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (order.ownerId !== who.userId && !isStaff(who)) throw new NotFoundError('store.order_not_found', `Order ${orderId} not found.`);
      if (order.status !== 'pending' || order.paidAt)
        throw new ConflictError('store.cannot_cancel', 'This order is already being prepared; call the clinic to cancel it.');
      return cancelIn(tx, order, 'cancelled by the customer', who.userId);
    });
  }

  /** Billing calls this when the order's invoice is paid in full: `order_paid`, and it moves to processing. Once. */
  async function markPaid(tx: Tx, orderId: number): Promise<void> {
    const order = await lockOrder(tx, orderId);
    if (order.paidAt) return;
    if (order.status === 'cancelled') throw new ConflictError('store.order_cancelled', `Order ${order.orderNumber} was cancelled.`);
    const [row] = await tx
      .update(orders)
      .set({ paidAt: clock.now(), status: order.status === 'pending' ? 'processing' : order.status })
      .where(eq(orders.id, orderId))
      .returning();
    await events.emit(tx, orderPaid, { ...refOf(row!), breakdown: await breakdown(tx, row!) });
  }

  /** Billing calls this when a payment of the order's invoice is refunded (`paymentId` is the refund): `order_refunded`. */
  async function recordRefund(tx: Tx, orderId: number, refund: { amount: string; paymentId: number }): Promise<void> {
    const order = await lockOrder(tx, orderId);
    await events.emit(tx, orderRefunded, { ...refOf(order), amount: refund.amount, paymentId: refund.paymentId, breakdown: await breakdown(tx, order) });
  }

  /** Daily: unpaid orders older than PENDING_ORDER_DAYS are cancelled so their stock is sold again. */
  async function releaseStaleOrders(): Promise<number> {
    const cutoff = new Date(clock.now().getTime() - settings.PENDING_ORDER_DAYS * 86_400_000);
    const stale = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, 'pending'), isNull(orders.paidAt), lt(orders.createdAt, cutoff)));
    for (const { id } of stale) {
      await db.transaction(async (tx) => {
        const order = await lockOrder(tx, id);
        if (order.status === 'pending' && !order.paidAt) await cancelIn(tx, order, `not paid within ${settings.PENDING_ORDER_DAYS} days`, null);
      });
    }
    return stale.length;
  }

  async function ordersByIds(ids: number[]): Promise<Order[]> {
    return ids.length ? db.select().from(orders).where(inArray(orders.id, ids)) : [];
  }

  return { getUserOrders, getOrder, updateOrderStatus, cancelOwnOrder, markPaid, recordRefund, breakdown, releaseStaleOrders, ordersByIds, detail, lockOrder };
}

export type OrderService = ReturnType<typeof createOrderService>;

export const orderNumberOf = (id: number, createdAt: Date) => `P${createdAt.getUTCFullYear() % 100}${String(id).padStart(6, '0')}`;

export function assertNotEmpty(lines: unknown[]) {
  if (lines.length === 0) throw new ValidationError('store.cart_empty', 'Your cart is empty.');
}
