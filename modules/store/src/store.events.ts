import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const orderRef = z.object({ orderId: z.number().int(), orderNumber: z.string(), ownerId: z.string(), total: decimalString });

export const orderCreated = defineEvent('store.order_created', { description: 'An owner placed an order.', schema: orderRef.extend({ paymentMethod: z.string() }) });
export const orderPaid = defineEvent('store.order_paid', { description: 'An order was paid.', schema: orderRef });
export const orderShipped = defineEvent('store.order_shipped', { description: 'An order left the clinic.', schema: orderRef });
export const orderDelivered = defineEvent('store.order_delivered', { description: 'An order reached its owner.', schema: orderRef });
/** Not in the spec's list: stock goes back and any invoice is cancelled. */
export const orderCancelled = defineEvent('store.order_cancelled', { description: 'An order was cancelled; its stock went back.', schema: orderRef.extend({ reason: z.string() }) });
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

export const storeEvents = [orderCreated, orderPaid, orderShipped, orderDelivered, orderCancelled, lowStockAlert, expiryAlert];
