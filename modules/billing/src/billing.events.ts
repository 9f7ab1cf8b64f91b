import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const invoiceRef = z.object({ invoiceId: z.number().int(), invoiceNumber: z.string(), ownerId: z.string().nullable(), total: decimalString });

export const invoiceCreated = defineEvent('billing.invoice_created', {
  description: 'A draft invoice was made (from an appointment, an order, the front desk or the monthly global invoice).',
  schema: invoiceRef.extend({ source: z.enum(['appointment', 'order', 'desk', 'global']) }),
});
export const invoiceIssued = defineEvent('billing.invoice_issued', { description: 'An invoice became payable.', schema: invoiceRef.extend({ dueDate: z.string().nullable() }) });
export const paymentReceived = defineEvent('billing.payment_received', {
  description: 'Money was taken against an invoice.',
  schema: invoiceRef.extend({ paymentId: z.number().int(), amount: decimalString, method: z.string(), balance: decimalString }),
});
export const invoicePaid = defineEvent('billing.invoice_paid', { description: 'An invoice was paid in full.', schema: invoiceRef.extend({ orderId: z.number().int().nullable() }) });
export const invoiceOverdue = defineEvent('billing.invoice_overdue', {
  description: 'An invoice passed its due date unpaid.',
  schema: invoiceRef.extend({ dueDate: z.string(), balance: decimalString }),
});
export const paymentRefunded = defineEvent('billing.payment_refunded', {
  description: 'A payment was given back, in whole or in part.',
  schema: invoiceRef.extend({ paymentId: z.number().int(), amount: decimalString }),
});
export const cfdiStamped = defineEvent('billing.cfdi_issued', {
  description: "An invoice's CFDI was sealed, and stamped when a PAC is configured.",
  schema: invoiceRef.extend({ uuid: z.string().nullable(), stamped: z.boolean() }),
});
export const cfdiCancelled = defineEvent('billing.cfdi_cancelled', {
  description: 'A stamped CFDI was cancelled with the SAT.',
  schema: invoiceRef.extend({ uuid: z.string(), motive: z.string() }),
});

export const billingEvents = [invoiceCreated, invoiceIssued, paymentReceived, invoicePaid, invoiceOverdue, paymentRefunded, cfdiStamped, cfdiCancelled];
