import { defineEvent } from '@petfriendly/core';

type InvoiceRef = { invoiceId: number; invoiceNumber: string; ownerId: string | null; total: string };

export const invoiceCreated = defineEvent<InvoiceRef & { source: 'appointment' | 'order' | 'desk' | 'global' }>('billing.invoice_created');
export const invoiceIssued = defineEvent<InvoiceRef & { dueDate: string | null }>('billing.invoice_issued');
export const paymentReceived = defineEvent<InvoiceRef & { paymentId: number; amount: string; method: string; balance: string }>('billing.payment_received');
export const invoicePaid = defineEvent<InvoiceRef & { orderId: number | null }>('billing.invoice_paid');
export const invoiceOverdue = defineEvent<InvoiceRef & { dueDate: string; balance: string }>('billing.invoice_overdue');
export const paymentRefunded = defineEvent<InvoiceRef & { paymentId: number; amount: string }>('billing.payment_refunded');
export const cfdiStamped = defineEvent<InvoiceRef & { uuid: string | null; stamped: boolean }>('billing.cfdi_issued');
export const cfdiCancelled = defineEvent<InvoiceRef & { uuid: string; motive: string }>('billing.cfdi_cancelled');

export const billingEvents = [invoiceCreated, invoiceIssued, paymentReceived, invoicePaid, invoiceOverdue, paymentRefunded, cfdiStamped, cfdiCancelled];
