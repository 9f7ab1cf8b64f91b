import { amountInput, positiveAmountInput, rfcSchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { BILL_PAYMENT_METHODS, BILL_STATUSES, OPERATION_TYPES, PAYMENT_TERMS, THIRD_PARTY_TYPES, vendors } from './payables.tables';

const localDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const accountCode = z.string().trim().min(1).max(20);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const vendorInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  rfc: rfcSchema,
  thirdPartyType: z.enum(THIRD_PARTY_TYPES).default('04'),
  operationType: z.enum(OPERATION_TYPES).default('85'),
  foreignTaxId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  country: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'must be a 3-letter country code like USA')
      .optional(),
  ),
  contactName: z.string().trim().max(200).default(''),
  email: z.union([z.literal(''), z.email()]).default(''),
  phone: z.string().trim().max(20).default(''),
  paymentTerms: z.enum(PAYMENT_TERMS).default('net30'),
  defaultExpenseAccountCode: z.preprocess(blankToUndefined, accountCode.optional()),
});
export type VendorInput = z.input<typeof vendorInputSchema>;

export const BILL_RATES = ['16', '8', '0', 'exempt'] as const;
export type BillRate = (typeof BILL_RATES)[number];

/** A bill typed by hand: its lines before IVA, each at a rate; IVA is computed per rate, withholdings as the bill says. */
export const billInputSchema = z.object({
  vendorId: z.coerce.number().int().positive(),
  billNumber: z.string().trim().max(100).default(''),
  billDate: localDate,
  dueDate: z.preprocess(blankToUndefined, localDate.optional()),
  description: z.string().trim().max(500).default(''),
  lines: z
    .array(
      z.object({
        accountCode,
        description: z.string().trim().max(200).default(''),
        amount: positiveAmountInput,
        rate: z.enum(BILL_RATES).default('16'),
      }),
    )
    .min(1)
    .max(50),
  ivaWithheld: z.preprocess(blankToUndefined, amountInput.optional()),
  isrWithheld: z.preprocess(blankToUndefined, amountInput.optional()),
});
export type BillInput = z.input<typeof billInputSchema>;

/** A supplier's CFDI XML: the bill's base goes to one account (the vendor's default expense when not given). */
export const billFromCfdiSchema = z.object({
  xml: z.string().min(50).max(2_000_000),
  accountCode: z.preprocess(blankToUndefined, accountCode.optional()),
  dueDate: z.preprocess(blankToUndefined, localDate.optional()),
});

export const billPaymentSchema = z.object({
  amount: positiveAmountInput,
  paidOn: localDate,
  method: z.enum(BILL_PAYMENT_METHODS).default('transfer'),
  /** The bank or cash account of the chart it is paid from (1102.01, 1101 …). */
  accountCode,
  reference: z.string().trim().max(100).default(''),
});
export type BillPaymentInput = z.input<typeof billPaymentSchema>;

export const billListQuerySchema = z.object({
  status: z.enum([...BILL_STATUSES, 'open']).optional(),
  vendorId: z.coerce.number().int().positive().optional(),
});
export const agingQuerySchema = z.object({ asOf: localDate.optional() });

const amount = z.string().describe('Decimal amount in pesos, two places');
export const vendorOut = rowSchema(vendors);
export const billOut = z.object({
  id: z.number().int(),
  vendorId: z.number().int(),
  vendorName: z.string(),
  vendorRfc: z.string(),
  billNumber: z.string(),
  billDate: z.string(),
  dueDate: z.string(),
  description: z.string(),
  status: z.enum(BILL_STATUSES),
  cfdiUuid: z.string().nullable(),
  subtotal: amount,
  discount: amount,
  base16: amount,
  iva16: amount,
  base8: amount,
  iva8: amount,
  base0: amount,
  exempt: amount,
  ivaWithheld: amount,
  isrWithheld: amount,
  total: amount,
  paid: amount,
  balance: amount,
});
export const billDetailOut = billOut.extend({
  lines: z.array(z.object({ id: z.number().int(), accountCode: z.string(), accountName: z.string(), description: z.string(), amount })),
  payments: z.array(
    z.object({ id: z.number().int(), paidOn: z.string(), method: z.enum(BILL_PAYMENT_METHODS), accountCode: z.string(), reference: z.string(), amount }),
  ),
});
export const billPaymentOut = z.object({
  id: z.number().int(),
  billId: z.number().int(),
  paidOn: z.string(),
  amount,
  balance: amount,
  status: z.enum(BILL_STATUSES),
});

const buckets = z.object({ current: amount, days1to30: amount, days31to60: amount, days61to90: amount, over90: amount, total: amount });
export const agingOut = z.object({
  asOf: z.string(),
  totals: buckets,
  rows: z.array(buckets.extend({ key: z.string(), name: z.string(), rfc: z.string().nullable() })),
});
export type AgingReport = z.infer<typeof agingOut>;
