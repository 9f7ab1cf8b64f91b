import { amountInput, pageQuerySchema, pageSchema, positiveAmountInput, rowId, rowSchema, TAX_CLASSES } from '@petfriendly/core';
import { z } from 'zod';
import { CARD_TYPES, fiscalProfiles, INVOICE_STATUSES, invoiceLineItems, invoices, PAYMENT_METHODS, payments } from './billing.tables';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const amount = amountInput;
const optionalText = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));

export const lineSchema = z
  .object({
    productId: z.preprocess(emptyToUndefined, rowId.optional()),
    serviceId: z.preprocess(emptyToUndefined, rowId.optional()),
    description: z.preprocess(emptyToUndefined, z.string().trim().min(2).max(500).optional()),
    quantity: z.coerce.number().positive('must be more than zero').max(9999).multipleOf(0.01, 'must have at most 2 decimals').default(1),
    unitPrice: z.preprocess(emptyToUndefined, amount.optional()),
    /** Left out on a service or product line: the owner's loyalty tier discount applies (billing's `discounts` socket). */
    discountPercent: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(100).transform(String).optional()),
    taxClass: z.enum(TAX_CLASSES).default('iva16'),
    satProductCode: z
      .string()
      .regex(/^\d{8}$/, 'must be an 8-digit SAT product key')
      .default('70122000'),
    satUnitCode: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be a SAT unit key like E48')
      .default('E48'),
  })
  .refine((l) => l.productId || l.serviceId || (l.description && l.unitPrice), {
    path: ['description'],
    message: 'choose a product or a service, or write a description and a price',
  });

export const deskInvoiceSchema = z.object({
  ownerId: z.string().uuid(),
  petId: z.preprocess(emptyToUndefined, rowId.optional()),
  notes: optionalText(2000),
  lines: z.array(z.unknown()).max(100).default([]),
});

export const invoiceListSchema = z.object({
  ownerId: z.preprocess(emptyToUndefined, z.string().uuid().optional()),
  status: z.preprocess(emptyToUndefined, z.enum(INVOICE_STATUSES).optional()),
  ...pageQuerySchema.shape,
});

export const paymentSchema = z
  .object({
    amount: positiveAmountInput,
    method: z.enum(PAYMENT_METHODS.filter((m) => m !== 'stripe_card') as ['cash', 'manual_card', 'account_credit', 'transfer']),
    referenceNumber: optionalText(100),
    notes: optionalText(1000),
    /** A card at the terminal: debit (forma de pago 28) or credit (04). */
    cardType: z.preprocess(emptyToUndefined, z.enum(CARD_TYPES).optional()),
    /** Cash paying the whole balance takes the clinic's cash discount. */
    applyCashDiscount: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
    idempotencyKey: z.preprocess(emptyToUndefined, z.string().trim().min(8).max(100).optional()),
  })
  // The CFDI names debit (28) and credit (04) apart, so the desk says which card it was.
  .refine((p) => p.method !== 'manual_card' || p.cardType, { path: ['cardType'], message: 'say whether the card was debit or credit' });

export const refundSchema = z.object({
  amount: positiveAmountInput,
  reason: z.string().trim().min(3, 'is required').max(500),
  toCredit: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});

export const fiscalProfileSchema = z.object({
  rfc: z.string().trim().toUpperCase().min(12, 'must be 12 or 13 characters').max(13, 'must be 12 or 13 characters'),
  legalName: z.string().trim().min(3, 'is required').max(300),
  regimenFiscal: z.string().regex(/^\d{3}$/, 'choose a régimen fiscal'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'must be a 5-digit postal code'),
  usoCfdi: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,2}\d{2}$/, 'choose a uso de CFDI'),
  email: z.preprocess(emptyToUndefined, z.string().trim().email().optional()),
});

/** Cancelling an invoice: the SAT's motive (02, errors without a substitute, unless named) and the invoice replacing it. */
export const cancelInvoiceSchema = z
  .object({
    motive: z.enum(['01', '02', '03', '04']).default('02'),
    substituteInvoiceId: z.preprocess(emptyToUndefined, rowId.optional()),
  })
  .refine((c) => c.motive !== '01' || c.substituteInvoiceId, { path: ['substituteInvoiceId'], message: 'is required with motive 01' });

export const cancelCfdiSchema = z
  .object({
    motive: z.enum(['01', '02', '03', '04']),
    replacementUuid: z.preprocess(emptyToUndefined, z.string().uuid().optional()),
  })
  .refine((c) => c.motive !== '01' || c.replacementUuid, { path: ['replacementUuid'], message: 'is required with motive 01' });

/** The month a global invoice reports, `YYYY-MM`. */
export const globalInvoiceSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03'),
});

// ---- What the routes answer ----

export const invoiceOut = rowSchema(invoices);
export const invoicePageOut = pageSchema(invoiceOut);
export const invoiceLineOut = rowSchema(invoiceLineItems);
export const paymentOut = rowSchema(payments);
export const invoiceDetailOut = invoiceOut.extend({
  lines: z.array(invoiceLineOut),
  payments: z.array(paymentOut),
  balance: z.string().describe('Still to pay'),
});
export const cardIntentOut = z.object({
  intentId: z.string(),
  clientSecret: z.string().nullable().describe('For the payment form (Stripe.js)'),
  amount: z.string(),
  gateway: z.string(),
  publishableKey: z.string().nullable(),
});
export const fiscalProfileOut = rowSchema(fiscalProfiles);

/** The clinic as CFDI emisor (setup, the fiscal settings page). */
export const issuerSchema = fiscalProfileSchema.pick({ rfc: true, legalName: true, regimenFiscal: true, postalCode: true });

/** The clinic's CSD: the .cer and .key files and the .key's password. */
export const csdUploadSchema = z.object({
  cer: z.instanceof(Buffer, { message: 'is required' }).refine((b) => b.length > 0 && b.length < 20_000, 'must be a .cer file'),
  key: z.instanceof(Buffer, { message: 'is required' }).refine((b) => b.length > 0 && b.length < 20_000, 'must be a .key file'),
  password: z.string().min(1, 'is required').max(200),
});
