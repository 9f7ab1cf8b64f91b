import { type Actor, discountValue, formatMoney, type ModuleContext, money, parseInput, requireStaff, type Tx, ValidationError } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { couponSchema } from './store.schemas';
import { couponCodes, couponRedemptions } from './store.tables';

export type Coupon = typeof couponCodes.$inferSelect;
type Reader = Pick<Tx, 'select'>;

const couponError = (code: string, message: string, params?: Record<string, string | number>) => ValidationError.forField(code, 'code', message, params);

/** Coupons: staff create them; carts and invoices check and redeem them. */
export function createCouponService(ctx: ModuleContext) {
  const { db, clock } = ctx;

  /** Whether a coupon can be used now by this customer on this amount (before tax); a 422 saying why not. */
  async function check(reader: Reader, code: string, ownerId: string | null, subtotal: Decimal.Value): Promise<{ coupon: Coupon; discount: Decimal }> {
    const [coupon] = await reader.select().from(couponCodes).where(eq(couponCodes.code, code.trim().toUpperCase()));
    const now = clock.now();
    if (!coupon?.isActive) throw couponError('store.coupon_unknown', `There is no coupon "${code}".`, { code });
    if (coupon.validFrom && coupon.validFrom > now) throw couponError('store.coupon_not_started', 'This coupon is not valid yet.');
    if (coupon.validUntil && coupon.validUntil < now) throw couponError('store.coupon_expired', 'This coupon has expired.');
    if (money(subtotal).lessThan(coupon.minimumPurchase)) {
      throw couponError('store.coupon_minimum', `This coupon needs a purchase of at least ${formatMoney(coupon.minimumPurchase)}.`, {
        minimum: formatMoney(coupon.minimumPurchase),
      });
    }
    if (coupon.maxUses !== null && coupon.timesUsed >= coupon.maxUses) throw couponError('store.coupon_used_up', 'This coupon has been used up.');
    if (coupon.maxUsesPerCustomer !== null && ownerId) {
      const [used] = await reader
        .select({ n: count() })
        .from(couponRedemptions)
        .where(and(eq(couponRedemptions.couponId, coupon.id), eq(couponRedemptions.ownerId, ownerId)));
      if ((used?.n ?? 0) >= coupon.maxUsesPerCustomer) throw couponError('store.coupon_customer_limit', 'You have already used this coupon.');
    }
    return { coupon, discount: discountValue(coupon.discountType, coupon.discountValue, subtotal) };
  }

  /**
   * Uses a coupon once for `reference` (an order, an invoice). The coupon row is locked first, so two
   * checkouts cannot both take its last use or a customer's last use.
   */
  async function redeem(tx: Tx, couponId: number, ownerId: string, subtotal: Decimal.Value, reference: string): Promise<Decimal> {
    const [locked] = await tx.select().from(couponCodes).where(eq(couponCodes.id, couponId)).for('update');
    const { discount } = await check(tx, locked!.code, ownerId, subtotal);
    await tx
      .update(couponCodes)
      .set({ timesUsed: sql`${couponCodes.timesUsed} + 1` })
      .where(eq(couponCodes.id, couponId));
    await tx.insert(couponRedemptions).values({ couponId, ownerId, reference });
    return discount;
  }

  /** Gives a use back when what redeemed it is cancelled. */
  async function release(tx: Tx, reference: string): Promise<void> {
    const removed = await tx.delete(couponRedemptions).where(eq(couponRedemptions.reference, reference)).returning();
    for (const r of removed)
      await tx
        .update(couponCodes)
        .set({ timesUsed: sql`greatest(${couponCodes.timesUsed} - 1, 0)` })
        .where(eq(couponCodes.id, r.couponId));
  }

  async function createCoupon(actor: Actor, input: unknown): Promise<Coupon> {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(couponSchema, input);
    const [row] = await db
      .insert(couponCodes)
      .values({
        ...data,
        maxUses: data.maxUses ?? null,
        maxUsesPerCustomer: data.maxUsesPerCustomer ?? null,
        validFrom: data.validFrom ?? null,
        validUntil: data.validUntil ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw ValidationError.forField('store.coupon_code_taken', 'code', 'Another coupon already has this code.');
    return row;
  }

  async function listCoupons(actor: Actor): Promise<Coupon[]> {
    requireStaff(actor);
    return db.select().from(couponCodes).orderBy(asc(couponCodes.code));
  }

  return { check, redeem, release, createCoupon, listCoupons };
}

export type CouponService = ReturnType<typeof createCouponService>;
