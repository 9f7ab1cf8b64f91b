import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const invoiceRef = z.object({ invoiceId: z.number().int(), invoiceNumber: z.string(), ownerId: z.string().nullable(), total: decimalString });

/** What a line brings in: a service (by its category), a product (by its category), shipping, or a free line. */
const revenueKind = z.enum(['service', 'product', 'shipping', 'other', 'sales']);

/** One invoice line as the CFDI carries it: amounts before IVA in six decimals, the line's total (IVA included) in cents. */
export const breakdownLine = z.object({
  lineId: z.number().int(),
  description: z.string(),
  kind: revenueKind,
  serviceId: z.number().int().nullable(),
  productId: z.number().int().nullable(),
  /** The service's or product's category (appointments' service categories, the store's product categories). */
  categoryId: z.number().int().nullable(),
  quantity: decimalString,
  /** The shelf price of one, IVA included (what the customer saw). */
  unitPrice: decimalString,
  /** The CFDI's ValorUnitario: one unit before IVA, six decimals. */
  unitValue: decimalString,
  /** The line's whole discount, before IVA. */
  discount: decimalString,
  /** The tax base: quantity × unit value − discount. */
  base: decimalString,
  taxClass: z.enum(['iva16', 'iva8', 'iva0', 'exempt']),
  /** The IVA rate as a fraction ("0.160000"), null for an exempt line. */
  taxRate: decimalString.nullable(),
  tax: decimalString,
  total: decimalString,
});

/**
 * An invoice's amounts with the full breakdown, enough to book it: the lines, the base and IVA per rate
 * (`rate` is "0.160000", "0.080000", "0.000000" or "exempt"), and the totals (subtotal − discount + IVA = total).
 */
export const invoiceBreakdown = z.object({
  currency: z.literal('MXN'),
  lines: z.array(breakdownLine),
  taxes: z.array(z.object({ rate: z.union([decimalString, z.literal('exempt')]), base: decimalString, tax: decimalString })),
  subtotal: decimalString,
  discount: decimalString,
  tax: decimalString,
  total: decimalString,
});
export type InvoiceBreakdown = z.infer<typeof invoiceBreakdown>;

export const invoiceCreated = defineEvent('billing.invoice_created', {
  description: 'A draft invoice was made (from an appointment, an order, the front desk or the monthly global invoice).',
  schema: invoiceRef.extend({ source: z.enum(['appointment', 'order', 'desk', 'global']) }),
});
export const invoiceIssued = defineEvent('billing.invoice_issued', {
  version: 2,
  description:
    'An invoice became payable (front desk, appointment, store order, or the monthly global invoice), with its full breakdown. A global invoice (`kind: global`) re-reports to the SAT sales already issued as the invoices in `covers`: it is not new revenue.',
  schema: invoiceRef.extend({
    kind: z.enum(['standard', 'global']),
    source: z.enum(['appointment', 'order', 'desk', 'global']),
    orderId: z.number().int().nullable(),
    appointmentId: z.number().int().nullable(),
    /** The patient it is for, when there is one. */
    petId: z.number().int().nullable().optional(),
    /** The clinic-local day it was issued. */
    date: z.string(),
    dueDate: z.string().nullable(),
    /** PUE when it is paid in full as it is issued, PPD when paid later. */
    cfdiPaymentMethod: z.enum(['PUE', 'PPD']),
    covers: z.array(z.number().int()),
    breakdown: invoiceBreakdown,
  }),
});
export const invoiceCancelled = defineEvent('billing.invoice_cancelled', {
  description: 'An issued invoice was cancelled: the amounts in `breakdown` are reversed.',
  schema: invoiceRef.extend({
    /** The SAT's cancellation motive: 01 errors with a substitute, 02 errors, 03 the sale did not happen, 04 in a global invoice. */
    motive: z.enum(['01', '02', '03', '04']),
    substituteInvoiceId: z.number().int().nullable(),
    orderId: z.number().int().nullable(),
    date: z.string(),
    breakdown: invoiceBreakdown,
  }),
});
export const invoiceDiscounted = defineEvent('billing.invoice_discounted', {
  description: 'An issued, unpaid invoice took the cash discount: its amounts went from `previous` to `breakdown`.',
  schema: invoiceRef.extend({ cashDiscount: decimalString, previous: invoiceBreakdown, breakdown: invoiceBreakdown }),
});

/** How the money came: cash, card at the terminal (debit or credit), card online, transfer, the owner's account credit. */
const moneyMethod = z.enum(['cash', 'card_terminal', 'card_online', 'transfer', 'account_credit']);

export const paymentReceived = defineEvent('billing.payment_received', {
  version: 2,
  description: 'Money was taken against an invoice.',
  schema: invoiceRef.extend({
    paymentId: z.number().int(),
    amount: decimalString,
    currency: z.literal('MXN'),
    method: moneyMethod,
    /** For a card at the terminal, when staff said which. */
    cardType: z.enum(['debit', 'credit']).nullable(),
    /** The processor's fee, when it is known (null: not reported). */
    fee: decimalString.nullable(),
    /** The invoice's balance after this payment. */
    balance: decimalString,
    date: z.string(),
  }),
});
export const invoicePaid = defineEvent('billing.invoice_paid', {
  description: 'An invoice was paid in full.',
  schema: invoiceRef.extend({ orderId: z.number().int().nullable() }),
});
export const invoiceOverdue = defineEvent('billing.invoice_overdue', {
  description: 'An invoice passed its due date unpaid.',
  schema: invoiceRef.extend({ dueDate: z.string(), balance: decimalString }),
});
export const paymentRefunded = defineEvent('billing.payment_refunded', {
  version: 2,
  description: 'A payment was given back, in whole or in part (`paymentId` is the refund, `originalPaymentId` what it gives back).',
  schema: invoiceRef.extend({
    paymentId: z.number().int(),
    originalPaymentId: z.number().int(),
    amount: decimalString,
    currency: z.literal('MXN'),
    /** How it went back: the original's way, or to the owner's account credit. */
    method: moneyMethod,
    originalMethod: moneyMethod,
    balance: decimalString,
    date: z.string(),
  }),
});
export const cfdiStamped = defineEvent('billing.cfdi_issued', {
  description: "An invoice's CFDI was sealed, and stamped when a PAC is configured.",
  schema: invoiceRef.extend({
    uuid: z.string().nullable(),
    stamped: z.boolean(),
    /** The CFDI's receptor (an owner's RFC, or XAXX010101000 for público en general); absent in events of older versions. */
    receiverRfc: z.string().optional(),
  }),
});
export const cfdiCancelled = defineEvent('billing.cfdi_cancelled', {
  description: 'A stamped CFDI was cancelled with the SAT.',
  schema: invoiceRef.extend({ uuid: z.string(), motive: z.string() }),
});

export const billingEvents = [
  invoiceCreated,
  invoiceIssued,
  invoiceCancelled,
  invoiceDiscounted,
  paymentReceived,
  invoicePaid,
  invoiceOverdue,
  paymentRefunded,
  cfdiStamped,
  cfdiCancelled,
];
