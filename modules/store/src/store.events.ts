import { defineEvent } from '@petfriendly/core';

type OrderRef = { orderId: number; orderNumber: string; ownerId: string; total: string };

export const orderCreated = defineEvent<OrderRef & { paymentMethod: string }>('store.order_created');
export const orderPaid = defineEvent<OrderRef>('store.order_paid');
export const orderShipped = defineEvent<OrderRef>('store.order_shipped');
export const orderDelivered = defineEvent<OrderRef>('store.order_delivered');
/** Not in the spec's list: stock goes back and any invoice is cancelled. */
export const orderCancelled = defineEvent<OrderRef & { reason: string }>('store.order_cancelled');
export const lowStockAlert = defineEvent<{ productId: number; sku: string; name: string; currentLevel: number; reorderPoint: number }>('store.low_stock_alert');
export const expiryAlert = defineEvent<{ batchId: number; productId: number; name: string; batchNumber: string; expiryDate: string; quantity: number; daysUntilExpiry: number }>('store.expiry_alert');

export const storeEvents = [orderCreated, orderPaid, orderShipped, orderDelivered, orderCancelled, lowStockAlert, expiryAlert];
