import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const orderRef = z.object({ orderId: z.number().int(), orderNumber: z.string(), ownerId: z.string(), total: decimalString });

export const orderCreated = defineEvent('store.order_created', {
  description: 'An owner placed an order.',
  schema: orderRef.extend({ paymentMethod: z.string() }),
});
/** An order's amounts as the customer was charged: each product line (with its category), shipping, base and IVA per rate. */
export const orderBreakdown = z.object({
  currency: z.literal('MXN'),
  lines: z.array(
    z.object({
      productId: z.number().int(),
      categoryId: z.number().int(),
      quantity: z.number().int(),
      /** The shelf price of one, IVA included. */
      unitPrice: decimalString,
      /** The line's whole discount (its share of the coupon), before IVA. */
      discount: decimalString,
      base: decimalString,
      taxClass: z.enum(['iva16', 'iva8', 'iva0', 'exempt']),
      tax: decimalString,
      total: decimalString,
    }),
  ),
  shipping: z.object({ base: decimalString, tax: decimalString, total: decimalString }),
  /** Base and IVA per rate ("0.160000", "0.000000", "exempt"), shipping included. */
  taxes: z.array(z.object({ rate: z.union([decimalString, z.literal('exempt')]), base: decimalString, tax: decimalString })),
  subtotal: decimalString,
  discount: decimalString,
  tax: decimalString,
  total: decimalString,
});
export type OrderBreakdown = z.infer<typeof orderBreakdown>;

export const orderPaid = defineEvent('store.order_paid', {
  version: 2,
  description: 'An order was paid, with its full breakdown.',
  schema: orderRef.extend({ breakdown: orderBreakdown }),
});
export const orderRefunded = defineEvent('store.order_refunded', {
  description: "Money paid for an order was given back (the invoice's payment refund `paymentId`), with the order's breakdown.",
  schema: orderRef.extend({ amount: decimalString, paymentId: z.number().int(), breakdown: orderBreakdown }),
});

const movementReason = z.enum(['received', 'sale', 'order_cancelled', 'adjustment', 'count', 'damaged', 'expired', 'returned']);

export const stockReceived = defineEvent('store.stock_received', {
  version: 2,
  description:
    "A delivery was received as a new batch, at its unit cost: the receipt (`movementId`) a supplier's bill is matched to, with the supplier's RFC when known.",
  schema: z.object({
    /** The receipt: the stock movement that brought the batch in. */
    movementId: z.number().int(),
    productId: z.number().int(),
    batchId: z.number().int(),
    batchNumber: z.string(),
    expiryDate: z.string().nullable(),
    quantity: z.number().int(),
    unitCost: decimalString,
    costAmount: decimalString,
    currency: z.literal('MXN'),
    supplier: z.string(),
    supplierRfc: z.string().nullable(),
    /** When it happened (ISO timestamp). */
    at: z.string(),
  }),
});
export const stockMoved = defineEvent('store.stock_moved', {
  description:
    'Stock changed other than by a receipt (a sale, an adjustment or count, damage, an expiry write-off, a return or a cancelled order): units in (+) or out (−) of one batch, at its unit cost.',
  schema: z.object({
    movementId: z.number().int(),
    productId: z.number().int(),
    batchId: z.number().int(),
    quantity: z.number().int(),
    quantityAfter: z.number().int(),
    reason: movementReason,
    unitCost: decimalString,
    /** quantity × unit cost, signed like the quantity. */
    costAmount: decimalString,
    currency: z.literal('MXN'),
    /** What caused it: `order:12`, `invoice:40`, or `adjustment:<movementId>`. */
    reference: z.string(),
    /** When it happened (ISO timestamp). */
    at: z.string(),
  }),
});
export const orderShipped = defineEvent('store.order_shipped', { description: 'An order left the clinic.', schema: orderRef });
export const orderDelivered = defineEvent('store.order_delivered', { description: 'An order reached its owner.', schema: orderRef });
/** Not in the spec's list: stock goes back and any invoice is cancelled. */
export const orderCancelled = defineEvent('store.order_cancelled', {
  description: 'An order was cancelled; its stock went back.',
  schema: orderRef.extend({ reason: z.string() }),
});
export const lowStockAlert = defineEvent('store.low_stock_alert', {
  description: "A product's stock fell to its reorder point.",
  schema: z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), currentLevel: z.number().int(), reorderPoint: z.number().int() }),
});
export const expiryAlert = defineEvent('store.expiry_alert', {
  description: 'A batch is close to its expiry date.',
  schema: z.object({
    batchId: z.number().int(),
    productId: z.number().int(),
    name: z.string(),
    batchNumber: z.string(),
    expiryDate: z.string(),
    quantity: z.number().int(),
    daysUntilExpiry: z.number().int(),
  }),
});

export const storeEvents = [
  orderCreated,
  orderPaid,
  orderRefunded,
  stockReceived,
  stockMoved,
  orderShipped,
  orderDelivered,
  orderCancelled,
  lowStockAlert,
  expiryAlert,
];
