import { users } from '@petfriendly/accounts/tables';
import { auditColumns, TAX_CLASSES } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const storeSchema = pgSchema('store');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const price = (name: string) => numeric(name, { precision: 10, scale: 2 });

export const categories = storeSchema.table('categories', {
  id: id(),
  name: varchar('name', { length: 200 }).notNull(),
  slug: varchar('slug', { length: 100 }).notNull().unique(),
  parentId: integer('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
  description: text('description').notNull().default(''),
  image: varchar('image', { length: 300 }),
  isActive: boolean('is_active').notNull().default(true),
  order: integer('order').notNull().default(0),
});

/** COFEPRIS's groups of psychotropics (Ley General de Salud, art. 245) and narcotics (art. 234, group `E`). */
export const CONTROLLED_GROUPS = ['E', 'I', 'II', 'III', 'IV', 'V'] as const;
export type ControlledGroup = (typeof CONTROLLED_GROUPS)[number];

export const products = storeSchema.table(
  'products',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull().unique(),
    sku: varchar('sku', { length: 50 }).notNull().unique(),
    barcode: varchar('barcode', { length: 50 }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    description: text('description').notNull().default(''),
    shortDescription: varchar('short_description', { length: 500 }).notNull().default(''),
    /** What the customer pays for one, IVA included; the invoice derives base and IVA from it. */
    price: price('price').notNull(),
    costPrice: price('cost_price'),
    compareAtPrice: price('compare_at_price'),
    /** Species it is for; empty = any. */
    species: text('species').array().notNull().default(sql`'{}'::text[]`),
    /** Life stages it suits (`young`, `adult`, `senior`); empty = any age. */
    lifeStages: text('life_stages').array().notNull().default(sql`'{}'::text[]`),
    /** The pet weights it is made for (a flea pipette's band, a food's size), in kg; empty = any weight. */
    petWeightMinKg: numeric('pet_weight_min_kg', { precision: 5, scale: 2 }),
    petWeightMaxKg: numeric('pet_weight_max_kg', { precision: 5, scale: 2 }),
    requiresPrescription: boolean('requires_prescription').notNull().default(false),
    isControlled: boolean('is_controlled').notNull().default(false),
    /** What a prescription in the pet's record must name for this product to be sold (active ingredient). */
    prescriptionName: varchar('prescription_name', { length: 200 }),
    /** The COFEPRIS group a controlled product is classed in. */
    controlledGroup: varchar('controlled_group', { length: 5, enum: CONTROLLED_GROUPS }),
    weightKg: numeric('weight_kg', { precision: 6, scale: 3 }),
    taxClass: varchar('tax_class', { length: 10, enum: TAX_CLASSES }).notNull().default('iva16'),
    satProductCode: varchar('clave_producto_sat', { length: 10 }).notNull().default('01010101'),
    satUnitCode: varchar('clave_unidad_sat', { length: 5 }).notNull().default('H87'),
    isActive: boolean('is_active').notNull().default(true),
    isFeatured: boolean('is_featured').notNull().default(false),
    ...auditColumns(() => users.id),
    searchText: text('search_text').generatedAlwaysAs(sql`core.f_unaccent(lower(name || ' ' || short_description || ' ' || sku))`),
  },
  (t) => [
    index('idx_product_category').on(t.categoryId),
    index('idx_product_active').on(t.isActive),
    // fastupdate off: PGlite has no autovacuum to merge a GIN's pending list (see accounts' users_email_trgm).
    index('products_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    check('products_price_nonnegative', sql`${t.price} >= 0`),
    check('products_pet_weight_band', sql`${t.petWeightMinKg} is null or ${t.petWeightMaxKg} is null or ${t.petWeightMinKg} < ${t.petWeightMaxKg}`),
    check('products_controlled_needs_rx', sql`not ${t.isControlled} or ${t.requiresPrescription}`),
    check('products_controlled_group_known', sql`${t.controlledGroup} is null or ${t.controlledGroup} in ('E', 'I', 'II', 'III', 'IV', 'V')`),
  ],
);

export const productImages = storeSchema.table('product_images', {
  id: id(),
  productId: integer('product_id')
    .notNull()
    .references(() => products.id, { onDelete: 'cascade' }),
  image: varchar('image', { length: 300 }).notNull(),
  altText: varchar('alt_text', { length: 200 }).notNull().default(''),
  order: integer('order').notNull().default(0),
  isPrimary: boolean('is_primary').notNull().default(false),
});

/** The product's total on hand: always the sum of its batches, changed only together with them. */
export const stockLevels = storeSchema.table(
  'stock_levels',
  {
    id: id(),
    productId: integer('product_id')
      .notNull()
      .unique()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull().default(0),
    /** Null: the store's LOW_STOCK_THRESHOLD. */
    reorderPoint: integer('reorder_point'),
    reorderQuantity: integer('reorder_quantity').notNull().default(0),
    location: varchar('location', { length: 100 }).notNull().default(''),
    lastCountDate: date('last_count_date'),
  },
  (t) => [check('stock_levels_quantity_nonnegative', sql`${t.quantity} >= 0`)],
);

export const stockBatches = storeSchema.table(
  'stock_batches',
  {
    id: id(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    batchNumber: varchar('batch_number', { length: 100 }).notNull().default(''),
    quantity: integer('quantity').notNull(),
    expiryDate: date('expiry_date'),
    receivedDate: date('received_date').notNull(),
    /** What one unit cost the clinic: the books value stock and the cost of sales at it. */
    costPerUnit: price('cost_per_unit').notNull(),
    supplier: varchar('supplier', { length: 200 }).notNull().default(''),
    /** The supplier's RFC when known: the books match the delivery to that supplier's bill. */
    supplierRfc: varchar('supplier_rfc', { length: 13 }),
  },
  (t) => [
    index('stock_batches_fefo_idx').on(t.productId, t.expiryDate),
    index('stock_batches_expiry_idx').on(t.expiryDate),
    check('stock_batches_quantity_nonnegative', sql`${t.quantity} >= 0`),
  ],
);

export const LIFE_STAGES = ['young', 'adult', 'senior'] as const;

export const MOVEMENT_REASONS = ['received', 'sale', 'order_cancelled', 'adjustment', 'count', 'damaged', 'expired', 'returned'] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** Every change to stock: what, why, who and when. */
export const stockMovements = storeSchema.table(
  'stock_movements',
  {
    id: id(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    batchId: integer('batch_id').references(() => stockBatches.id, { onDelete: 'set null' }),
    quantityChange: integer('quantity_change').notNull(),
    quantityAfter: integer('quantity_after').notNull(),
    reason: varchar('reason', { length: 20, enum: MOVEMENT_REASONS }).notNull(),
    /** What caused it: `order:12`, `invoice:40`. */
    reference: varchar('reference', { length: 50 }).notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('stock_movements_product_idx').on(t.productId, t.createdAt), check('stock_movements_nonzero', sql`${t.quantityChange} <> 0`)],
);

/** Lives with the store (the spec lists it under billing) because the cart applies it; billing reads it through the store. */
export const couponCodes = storeSchema.table(
  'coupon_codes',
  {
    id: id(),
    code: varchar('code', { length: 50 }).notNull().unique(),
    description: varchar('description', { length: 200 }).notNull().default(''),
    discountType: varchar('discount_type', { length: 10, enum: ['percent', 'fixed'] }).notNull(),
    discountValue: price('discount_value').notNull(),
    minimumPurchase: price('minimum_purchase').notNull().default('0'),
    maxUses: integer('max_uses'),
    maxUsesPerCustomer: integer('max_uses_per_customer'),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    isActive: boolean('is_active').notNull().default(true),
    timesUsed: integer('times_used').notNull().default(0),
  },
  (t) => [
    check('coupon_value_positive', sql`${t.discountValue} > 0`),
    check('coupon_percent_at_most_100', sql`${t.discountType} <> 'percent' or ${t.discountValue} <= 100`),
    check('coupon_uses_within_limit', sql`${t.maxUses} is null or ${t.timesUsed} <= ${t.maxUses}`),
  ],
);

export const carts = storeSchema.table(
  'carts',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionKey: varchar('session_key', { length: 255 }).unique(),
    couponId: integer('coupon_id').references(() => couponCodes.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('carts_owner_or_session', sql`${t.ownerId} is not null or ${t.sessionKey} is not null`)],
);

export const cartItems = storeSchema.table(
  'cart_items',
  {
    id: id(),
    cartId: integer('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    /** The patient a prescription product is for. */
    petId: integer('pet_id').references(() => pets.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('cart_items_product_once').on(t.cartId, t.productId), check('cart_items_quantity_positive', sql`${t.quantity} > 0`)],
);

export const ORDER_STATUSES = ['pending', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_CHOICES = ['card_online', 'pay_at_clinic'] as const;
export const FULFILMENTS = ['pickup', 'delivery'] as const;

export const orders = storeSchema.table(
  'orders',
  {
    id: id(),
    orderNumber: varchar('order_number', { length: 50 }).notNull().unique(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    status: varchar('status', { length: 20, enum: ORDER_STATUSES }).notNull().default('pending'),
    paymentMethod: varchar('payment_method', { length: 20, enum: PAYMENT_CHOICES }).notNull(),
    fulfilment: varchar('fulfilment', { length: 10, enum: FULFILMENTS }).notNull().default('pickup'),
    couponId: integer('coupon_id').references(() => couponCodes.id),
    /** As the customer sees them: the products at shelf prices, the discounts (IVA included), the IVA the total includes. */
    subtotal: price('subtotal').notNull(),
    discountAmount: price('discount_amount').notNull().default('0'),
    taxAmount: price('tax_amount').notNull(),
    shippingAmount: price('shipping_amount').notNull().default('0'),
    total: price('total').notNull(),
    shippingAddress: jsonb('shipping_address').$type<Record<string, string> | null>(),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [index('idx_order_owner').on(t.ownerId, t.createdAt), index('idx_order_status').on(t.status), index('idx_order_created').on(t.createdAt)],
);

export const orderItems = storeSchema.table(
  'order_items',
  {
    id: id(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    petId: integer('pet_id').references(() => pets.id, { onDelete: 'set null' }),
    quantity: integer('quantity').notNull(),
    /** The shelf price paid, IVA included. */
    unitPrice: price('unit_price').notNull(),
    /** The line's share of the order's discounts, IVA included. */
    discountAmount: numeric('discount_amount', { precision: 12, scale: 6 }).notNull().default('0'),
    taxClass: varchar('tax_class', { length: 10, enum: TAX_CLASSES }).notNull(),
    total: price('total').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId), check('order_items_quantity_positive', sql`${t.quantity} > 0`)],
);

/** Who used which coupon, for the per-customer limit. */
export const couponRedemptions = storeSchema.table(
  'coupon_redemptions',
  {
    id: id(),
    couponId: integer('coupon_id')
      .notNull()
      .references(() => couponCodes.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    reference: varchar('reference', { length: 50 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coupon_redemptions_owner_idx').on(t.couponId, t.ownerId), uniqueIndex('coupon_redemptions_once').on(t.couponId, t.reference)],
);

export const storeTables = {
  categories,
  products,
  productImages,
  stockLevels,
  stockBatches,
  stockMovements,
  couponCodes,
  carts,
  cartItems,
  orders,
  orderItems,
  couponRedemptions,
};
