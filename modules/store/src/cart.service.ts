import {
  type Actor,
  computeTotals,
  localDate,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  type Tx,
  taxTreatment,
  ValidationError,
} from '@petfriendly/core';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CouponService } from './coupon.service';
import { currentPrescription } from './prescriptions';
import type { ProductCard } from './product.service';
import { shippingFor, withShipping } from './shipping';
import { addItemSchema, couponInputSchema, updateItemSchema } from './store.schemas';
import { type StoreSettings, taxRatesOf } from './store.settings';
import { cartItems, carts, couponCodes, products, stockLevels } from './store.tables';

/** Whose cart: a signed-in owner's, or a guest's by the session cookie. */
export type CartOwner = { ownerId: string } | { sessionKey: string };
type Reader = Pick<Tx, 'select'>;

/** A cart's figures as the customer sees them: prices include IVA, and `tax` is the IVA the total includes. */
export interface CartTotal {
  subtotal: string;
  discount: string;
  tax: string;
  shipping: string;
  total: string;
  coupon: { code: string; description: string } | null;
  /** Why a coupon on the cart no longer applies (expired, minimum not reached), if it doesn't. */
  couponProblem: string | null;
}

/** CartService: one cart per owner or guest session; guests' carts join the owner's at sign-in. */
export function createCartService(ctx: ModuleContext, vet: PetsPort & RecordsPort, coupons: CouponService, settings: StoreSettings) {
  const { db, clock } = ctx;
  const today = () => localDate(clock.now(), ctx.clinic.TIME_ZONE);
  const rates = taxRatesOf(settings);
  const shelfLines = (lines: Awaited<ReturnType<typeof itemsOf>>) =>
    lines.map((l) => ({ quantity: l.item.quantity, unitPrice: l.product.price, tax: taxTreatment(l.product.taxClass, rates) }));
  const whereOwner = (o: CartOwner) => ('ownerId' in o ? eq(carts.ownerId, o.ownerId) : eq(carts.sessionKey, o.sessionKey));

  async function findCart(reader: Reader, owner: CartOwner) {
    const [cart] = await reader.select().from(carts).where(whereOwner(owner));
    return cart ?? null;
  }

  async function ensureCart(tx: Tx, owner: CartOwner) {
    const values = 'ownerId' in owner ? { ownerId: owner.ownerId } : { sessionKey: owner.sessionKey };
    await tx.insert(carts).values(values).onConflictDoNothing();
    return (await findCart(tx, owner))!;
  }

  async function itemsOf(reader: Reader, cartId: number) {
    return reader
      .select({ item: cartItems, product: products, inStock: sql<number>`coalesce(${stockLevels.quantity}, 0)`.mapWith(Number) })
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
  }

  /** Totals of a cart's lines with its coupon (checked now) and shipping when delivered. */
  async function priceCart(
    reader: Reader,
    owner: CartOwner,
    cart: typeof carts.$inferSelect | null,
    lines: Awaited<ReturnType<typeof itemsOf>>,
    fulfilment: 'pickup' | 'delivery',
  ) {
    const priced = shelfLines(lines);
    const productsTotal = computeTotals(priced).total;
    let couponDiscount = money(0);
    let coupon: CartTotal['coupon'] = null;
    let couponProblem: string | null = null;
    if (cart?.couponId) {
      const [row] = await reader.select().from(couponCodes).where(eq(couponCodes.id, cart.couponId));
      if (row) {
        coupon = { code: row.code, description: row.description };
        try {
          couponDiscount = (await coupons.check(reader, row.code, 'ownerId' in owner ? owner.ownerId : null, productsTotal)).discount;
        } catch (error) {
          couponProblem = (error as Error).message;
        }
      }
    }
    const shipping = shippingFor(settings, fulfilment, productsTotal, lines.length > 0);
    const totals = computeTotals(withShipping(priced, shipping, rates), { extraDiscount: couponDiscount });
    return { priced, totals, shipping, coupon, couponProblem, couponDiscount };
  }

  /** `get_cart`: the cart with its lines, as shoppers see them, and its total. */
  async function getCart(owner: CartOwner, fulfilment: 'pickup' | 'delivery' = 'pickup') {
    const cart = await findCart(db, owner);
    const lines = cart ? await itemsOf(db, cart.id) : [];
    const { totals, shipping, coupon, couponProblem } = await priceCart(db, owner, cart, lines, fulfilment);
    const items = lines.map((l, i) => ({
      id: l.item.id,
      quantity: l.item.quantity,
      petId: l.item.petId,
      product: {
        id: l.product.id,
        name: l.product.name,
        slug: l.product.slug,
        sku: l.product.sku,
        price: l.product.price,
        requiresPrescription: l.product.requiresPrescription,
        inStock: l.inStock,
      } satisfies Partial<ProductCard>,
      lineTotal: totals.lines[i]!.total.toFixed(2),
      problem: !l.product.isActive ? ('unavailable' as const) : l.inStock < l.item.quantity ? ('short' as const) : null,
    }));
    const total: CartTotal = {
      subtotal: totals.grossSubtotal.minus(shipping).toFixed(2),
      discount: totals.grossDiscount.toFixed(2),
      tax: totals.tax.toFixed(2),
      shipping: shipping.toFixed(2),
      total: totals.total.toFixed(2),
      coupon,
      couponProblem,
    };
    return { id: cart?.id ?? null, items, total, count: items.reduce((n, i) => n + i.quantity, 0) };
  }

  /** Checks a product can go in this cart: active, not controlled, prescription on record for the pet. */
  async function admissible(actor: Actor, owner: CartOwner, productId: number, petId: number | undefined) {
    const [product] = await db.select().from(products).where(eq(products.id, productId));
    if (!product?.isActive) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
    if (petId !== undefined) {
      const mine = 'ownerId' in owner && (await vet.pets.petsByIds([petId])).get(petId)?.ownerId === owner.ownerId;
      if (!mine) throw ValidationError.forField('store.pet_not_yours', 'petId', 'A line can only be for one of your own pets.');
    }
    if (product.isControlled)
      throw ValidationError.forField(
        'store.controlled_in_clinic_only',
        'productId',
        `${product.name} is a controlled medicine: it is handed over only at the clinic.`,
        { product: product.name },
      );
    if (product.requiresPrescription) {
      if (!('ownerId' in owner))
        throw ValidationError.forField('store.rx_sign_in', 'productId', `${product.name} needs a prescription: sign in to buy it for your pet.`, {
          product: product.name,
        });
      if (!petId)
        throw ValidationError.forField('store.rx_pet_required', 'petId', `Choose the pet ${product.name} is prescribed for.`, { product: product.name });
      if (!(await currentPrescription(vet, actor, petId, product, today()))) {
        throw ValidationError.forField('store.rx_missing', 'petId', `There is no current prescription for ${product.name} in this pet's record.`, {
          product: product.name,
        });
      }
    }
    return product;
  }

  /** `add_item`: adds or increases a line, never beyond what is in stock. */
  async function addItem(actor: Actor, owner: CartOwner, input: unknown) {
    const data = parseInput(addItemSchema, input);
    const product = await admissible(actor, owner, data.productId, data.petId);
    return db.transaction(async (tx) => {
      const cart = await ensureCart(tx, owner);
      const [level] = await tx.select({ quantity: stockLevels.quantity }).from(stockLevels).where(eq(stockLevels.productId, product.id));
      const [existing] = await tx
        .select()
        .from(cartItems)
        .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.productId, product.id)));
      const wanted = (existing?.quantity ?? 0) + data.quantity;
      if (wanted > (level?.quantity ?? 0)) {
        throw ValidationError.forField('store.not_enough_stock', 'quantity', `Only ${level?.quantity ?? 0} of ${product.name} in stock.`, {
          available: level?.quantity ?? 0,
          product: product.name,
        });
      }
      const [item] = await tx
        .insert(cartItems)
        .values({ cartId: cart.id, productId: product.id, quantity: data.quantity, petId: data.petId ?? null, addedAt: clock.now() })
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.productId],
          set: { quantity: sql`${cartItems.quantity} + ${data.quantity}`, petId: data.petId ?? existing?.petId ?? null },
        })
        .returning();
      await tx.update(carts).set({ updatedAt: clock.now() }).where(eq(carts.id, cart.id));
      return item!;
    });
  }

  async function ownItem(owner: CartOwner, cartItemId: number) {
    const [row] = await db
      .select({ item: cartItems })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(and(eq(cartItems.id, cartItemId), whereOwner(owner)));
    if (!row) throw new NotFoundError('store.cart_item_not_found', 'That item is not in your cart.');
    return row.item;
  }

  /** `update_item`: a new quantity (0 removes the line). */
  async function updateItem(owner: CartOwner, cartItemId: number, input: unknown) {
    const { quantity } = parseInput(updateItemSchema, input);
    const item = await ownItem(owner, cartItemId);
    if (quantity === 0) {
      await removeItem(owner, cartItemId);
      return null;
    }
    const [level] = await db.select({ quantity: stockLevels.quantity }).from(stockLevels).where(eq(stockLevels.productId, item.productId));
    if (quantity > (level?.quantity ?? 0))
      throw ValidationError.forField('store.not_enough_stock', 'quantity', `Only ${level?.quantity ?? 0} in stock.`, {
        available: level?.quantity ?? 0,
        product: '',
      });
    const [row] = await db.update(cartItems).set({ quantity }).where(eq(cartItems.id, item.id)).returning();
    return row!;
  }

  async function removeItem(owner: CartOwner, cartItemId: number): Promise<void> {
    const item = await ownItem(owner, cartItemId);
    await db.delete(cartItems).where(eq(cartItems.id, item.id));
  }

  /** `apply_coupon`: checked against the cart now (and again at checkout). */
  async function applyCoupon(owner: CartOwner, input: unknown) {
    const { code } = parseInput(couponInputSchema, input);
    const cart = await findCart(db, owner);
    const lines = cart ? await itemsOf(db, cart.id) : [];
    const { coupon } = await coupons.check(db, code, 'ownerId' in owner ? owner.ownerId : null, computeTotals(shelfLines(lines)).total);
    await db.transaction(async (tx) => {
      const target = await ensureCart(tx, owner);
      await tx.update(carts).set({ couponId: coupon.id, updatedAt: clock.now() }).where(eq(carts.id, target.id));
    });
    return getCart(owner);
  }

  async function removeCoupon(owner: CartOwner) {
    await db.update(carts).set({ couponId: null }).where(whereOwner(owner));
    return getCart(owner);
  }

  /** `get_cart_total`. */
  async function getCartTotal(owner: CartOwner, fulfilment: 'pickup' | 'delivery' = 'pickup'): Promise<CartTotal> {
    return (await getCart(owner, fulfilment)).total;
  }

  /** At sign-in: the guest's lines join the owner's cart (quantities add up), then the guest cart goes. */
  async function mergeGuestCart(sessionKey: string, ownerId: string): Promise<void> {
    await db.transaction(async (tx) => {
      const guest = await findCart(tx, { sessionKey });
      if (!guest) return;
      const target = await ensureCart(tx, { ownerId });
      const lines = await tx.select().from(cartItems).where(eq(cartItems.cartId, guest.id));
      for (const line of lines) {
        await tx
          .insert(cartItems)
          .values({ cartId: target.id, productId: line.productId, quantity: line.quantity, addedAt: line.addedAt })
          .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.productId], set: { quantity: sql`least(${cartItems.quantity} + ${line.quantity}, 99)` } });
      }
      if (guest.couponId && !target.couponId) await tx.update(carts).set({ couponId: guest.couponId }).where(eq(carts.id, target.id));
      await tx.delete(carts).where(eq(carts.id, guest.id));
    });
  }

  /** For checkout: the cart row locked, its lines, and its price. */
  async function lockForCheckout(tx: Tx, owner: CartOwner, fulfilment: 'pickup' | 'delivery') {
    const [cart] = await tx.select().from(carts).where(whereOwner(owner)).for('update');
    if (!cart) return null;
    const lines = await itemsOf(tx, cart.id);
    return { cart, lines, ...(await priceCart(tx, owner, cart, lines, fulfilment)) };
  }

  async function clear(tx: Tx, cartId: number) {
    await tx.delete(cartItems).where(eq(cartItems.cartId, cartId));
    await tx.update(carts).set({ couponId: null, updatedAt: clock.now() }).where(eq(carts.id, cartId));
  }

  return { getCart, addItem, updateItem, removeItem, applyCoupon, removeCoupon, getCartTotal, mergeGuestCart, lockForCheckout, clear, admissible };
}

export type CartService = ReturnType<typeof createCartService>;
