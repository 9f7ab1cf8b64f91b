import { amountInput, INT4_MAX, money, pageQuerySchema, pageSchema, positiveAmountInput, rfcSchema, rowId, rowSchema, TAX_CLASSES } from '@petfriendly/core';
import { z } from 'zod';
import {
  CONTROLLED_GROUPS,
  cartItems,
  categories,
  couponCodes,
  FULFILMENTS,
  LIFE_STAGES,
  MOVEMENT_REASONS,
  ORDER_STATUSES,
  orderItems,
  orders,
  PAYMENT_CHOICES,
  productImages,
  products,
  stockBatches,
  stockLevels,
  stockMovements,
} from './store.tables';

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const amount = amountInput;
const optionalAmount = z.preprocess(emptyToUndefined, amount.optional());
const optionalText = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));

export const searchSchema = z.object({
  query: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  category: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  species: z.preprocess(emptyToUndefined, z.string().trim().max(20).optional()),
  inStockOnly: z.preprocess((v) => (v === 'false' || v === '0' ? false : v), z.coerce.boolean().default(true)),
  /** Staff only: inactive products too. */
  includeInactive: z.preprocess((v) => (v === 'false' || v === '0' ? false : v), z.coerce.boolean().default(false)),
  minPrice: optionalAmount,
  maxPrice: optionalAmount,
  page: z.coerce.number().int().min(1).max(INT4_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});
export type SearchInput = z.input<typeof searchSchema>;

export const recommendationsSchema = z.object({
  petId: z.preprocess(emptyToUndefined, rowId.optional()),
  category: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** A pet's weight in kg as a form sends it ("4.5"); kept as text, exact. */
const petWeight = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a weight in kg like 4.5')
    .optional(),
);

export const productSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(200),
  sku: z.string().trim().min(1, 'is required').max(50),
  barcode: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
  categoryId: rowId,
  description: optionalText(5000),
  shortDescription: optionalText(500),
  price: amount,
  costPrice: optionalAmount,
  compareAtPrice: optionalAmount,
  species: z.array(z.string().trim().min(1).max(20)).default([]),
  lifeStages: z.array(z.enum(LIFE_STAGES)).default([]),
  /** The weight band it is made for (from, up to, in kg); either end may be open. */
  petWeightMinKg: petWeight,
  petWeightMaxKg: petWeight,
  requiresPrescription: z.coerce.boolean().default(false),
  isControlled: z.coerce.boolean().default(false),
  controlledGroup: z.preprocess(emptyToUndefined, z.enum(CONTROLLED_GROUPS).optional()),
  prescriptionName: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  taxClass: z.enum(TAX_CLASSES).default('iva16'),
  satProductCode: z
    .string()
    .trim()
    .regex(/^\d{8}$/, 'must be an 8-digit SAT product key')
    .default('01010101'),
  satUnitCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,3}$/, 'must be a SAT unit key like H87')
    .default('H87'),
  isActive: z.coerce.boolean().default(true),
  isFeatured: z.coerce.boolean().default(false),
  reorderPoint: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(INT4_MAX).optional()),
  /** How many to order when it runs low. */
  reorderQuantity: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(0)),
  /** Where it is kept (shelf, fridge, pharmacy cabinet). */
  location: optionalText(100),
  weightKg: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a weight in kg like 2.5')
      .optional(),
  ),
});
export type ProductData = z.infer<typeof productSchema>;

export const addItemSchema = z.object({
  productId: rowId,
  quantity: z.coerce.number().int().min(1, 'must be at least 1').max(99, 'must be at most 99').default(1),
  petId: z.preprocess(emptyToUndefined, rowId.optional()),
});
export const updateItemSchema = z.object({ quantity: z.coerce.number().int().min(0).max(99, 'must be at most 99') });
export const couponInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(50)
    .transform((c) => c.toUpperCase()),
});

export const checkoutSchema = z
  .object({
    paymentMethod: z.enum(PAYMENT_CHOICES),
    fulfilment: z.enum(FULFILMENTS).default('pickup'),
    shippingAddress: z
      .object({
        street: z.string().trim().min(3).max(200),
        city: z.string().trim().min(2).max(100),
        state: z.string().trim().min(2).max(100),
        postalCode: z
          .string()
          .trim()
          .regex(/^\d{5}$/, 'must be a 5-digit postal code'),
        phone: z.string().trim().max(30).default(''),
      })
      .optional(),
    notes: optionalText(1000),
  })
  .refine((c) => c.fulfilment !== 'delivery' || c.shippingAddress, { path: ['shippingAddress'], message: 'is required for delivery' });

export const orderStatusSchema = z.object({ status: z.enum(ORDER_STATUSES), reason: optionalText(300) });
export const orderListSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ORDER_STATUSES).optional()),
  ...pageQuerySchema.shape,
});

export const adjustSchema = z.object({
  productId: rowId,
  quantityChange: z.coerce
    .number()
    .int()
    .refine((n) => n !== 0, 'must not be zero'),
  reason: z.enum(
    MOVEMENT_REASONS.filter((r) => !['received', 'sale', 'order_cancelled'].includes(r)) as ['adjustment', 'count', 'damaged', 'expired', 'returned'],
  ),
  notes: optionalText(1000),
  batchId: z.preprocess(emptyToUndefined, rowId.optional()),
});

export const receiveSchema = z.object({
  productId: rowId,
  quantity: z.coerce.number().int().min(1, 'must be at least 1').max(100_000),
  batchNumber: optionalText(100),
  expiryDate: z.preprocess(emptyToUndefined, isoDate.optional()),
  costPerUnit: z.preprocess(emptyToUndefined, amount),
  supplier: optionalText(200),
  supplierRfc: z.preprocess(emptyToUndefined, rfcSchema.optional()),
});

export const couponSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,50}$/, 'must be 3–50 letters, digits, - or _')
      .transform((c) => c.toUpperCase()),
    description: optionalText(200),
    discountType: z.enum(['percent', 'fixed']),
    discountValue: positiveAmountInput,
    minimumPurchase: amount.default('0'),
    maxUses: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(INT4_MAX).optional()),
    maxUsesPerCustomer: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(INT4_MAX).optional()),
    validFrom: z.preprocess(emptyToUndefined, z.coerce.date().optional()),
    validUntil: z.preprocess(emptyToUndefined, z.coerce.date().optional()),
    isActive: z.coerce.boolean().default(true),
  })
  .refine((c) => c.discountType !== 'percent' || money(c.discountValue).lte(100), { path: ['discountValue'], message: 'must be at most 100 for a percent' })
  .refine((c) => !c.validFrom || !c.validUntil || c.validUntil > c.validFrom, { path: ['validUntil'], message: 'must be after the start' });

// ---- What the routes answer ----

export const categoryOut = rowSchema(categories).extend({ depth: z.number().int().describe('0 for a top category') });
export const productOut = rowSchema(products);
export const orderOut = rowSchema(orders);
export const orderPageOut = pageSchema(orderOut);
export const orderDetailOut = orderOut.extend({
  items: z.array(rowSchema(orderItems).extend({ name: z.string(), sku: z.string(), satProductCode: z.string(), satUnitCode: z.string() })),
});
export const checkoutOut = orderDetailOut.extend({ invoiceId: z.number().int().nullable() });
export const movementOut = rowSchema(stockMovements);
export const movementPageOut = pageSchema(movementOut);
export const batchOut = rowSchema(stockBatches);
export const couponOut = rowSchema(couponCodes);

/** A shop category as managers write it; no parent = a top category. */
export const categoryInputSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(200),
  description: optionalText(2000),
  parentId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
});
export const categoryQuerySchema = z.object({
  includeRetired: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
/** The new order of one parent's children (no parent: the top categories). */
export const categoryReorderSchema = z.object({
  parentId: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  ids: z.array(z.coerce.number().int().positive()).min(1).max(500),
});
export const categoryRetireSchema = z.object({ retired: z.boolean() });
export const categoryRowOut = rowSchema(categories);
export const categoryTreeOut = rowSchema(categories).extend({ depth: z.number().int(), productCount: z.number().int() });
const productCardOut = productOut
  .pick({
    id: true,
    name: true,
    slug: true,
    sku: true,
    shortDescription: true,
    categoryId: true,
    price: true,
    compareAtPrice: true,
    species: true,
    requiresPrescription: true,
    isControlled: true,
    isFeatured: true,
    isActive: true,
  })
  .extend({ inStock: z.number().int(), image: z.string().nullable().describe('Address of the primary image') });
export const productCardListOut = z.array(productCardOut);
export const productCardPageOut = pageSchema(productCardOut);
export const productDetailOut = productOut.extend({
  reorderPoint: z.number().int().nullable().describe('Staff only; null: the store’s low-stock threshold'),
  inStock: z.number().int(),
  category: rowSchema(categories),
  images: z.array(rowSchema(productImages).extend({ url: z.string().nullable() })),
});

export const cartItemOut = rowSchema(cartItems);
const moneyOut = z.string().describe('Decimal amount in MXN, IVA included');
export const cartOut = z.object({
  id: z.number().int().nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      quantity: z.number().int(),
      petId: z.number().int().nullable(),
      product: productOut.pick({ id: true, name: true, slug: true, sku: true, price: true, requiresPrescription: true }).extend({ inStock: z.number().int() }),
      lineTotal: moneyOut,
      problem: z.enum(['unavailable', 'short']).nullable(),
    }),
  ),
  total: z.object({
    subtotal: moneyOut,
    discount: moneyOut,
    tax: z.string().describe('The IVA the total includes'),
    shipping: moneyOut,
    total: moneyOut,
    coupon: z.object({ code: z.string(), description: z.string() }).nullable(),
    couponProblem: z.string().nullable().describe('Why the coupon no longer applies, if it doesn’t'),
  }),
  count: z.number().int(),
});

export const stockOut = rowSchema(stockLevels).extend({ reorderPoint: z.number().int(), batches: z.array(batchOut) });
export const lowStockOut = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    sku: z.string(),
    quantity: z.number().int(),
    reorderPoint: z.number().int(),
    reorderQuantity: z.number().int(),
    category: z.string(),
  }),
);
export const expiringOut = z.array(batchOut.extend({ name: z.string(), sku: z.string(), daysUntilExpiry: z.number().int() }));

/** `:number` in a page's path: an order's number (`PF-2026-000123`). */
export const orderNumberParams = z.object({ number: z.string().min(1).max(40) });
