import { pageQuerySchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { ACCOUNT_TYPES, accounts, ENTRY_TYPES, REVENUE_KINDS } from './accounting.tables';

/** An amount in pesos with at most two decimals ("1044.50"). */
export const amountInput = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be an amount like 199.90'));
const optionalAmount = z.preprocess((v) => (v === '' || v === null ? undefined : v), amountInput.optional());
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

export const lineSchema = z.object({
  accountCode: z.string().trim().min(1).max(20),
  debit: optionalAmount,
  credit: optionalAmount,
  description: z.string().trim().max(200).optional(),
  ownerId: z.uuid().nullish(),
  vendorId: z.number().int().positive().nullish(),
  petId: z.number().int().positive().nullish(),
});
export type LineInput = z.output<typeof lineSchema>;

export const entrySchema = z.object({
  date: localDate,
  description: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(100).default(''),
  lines: z.array(lineSchema).min(2).max(200),
});
export type EntryInput = z.input<typeof entrySchema>;

export const reverseSchema = z.object({ date: localDate.optional(), description: z.string().trim().max(500).optional() });

export const accountInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9][0-9.]{0,19}$/, 'must be digits and dots, like 6103.01'),
  name: z.string().trim().min(2).max(200),
  parentCode: z.string().trim().min(1).max(20),
  satCode: z
    .string()
    .trim()
    .regex(/^\d{3}(\.\d{2})?$/, 'must be a código agrupador like 601.84'),
  isBank: z.boolean().default(false),
  isCash: z.boolean().default(false),
});

export const revenueMappingSchema = z.object({
  kind: z.enum(REVENUE_KINDS),
  categoryId: z.number().int().positive().nullable().default(null),
  accountCode: z.string().trim().min(1).max(20),
});

export const periodSchema = z.object({ from: localDate, to: localDate }).refine((p) => p.from <= p.to, { message: 'must be after the start', path: ['to'] });
export const asOfSchema = z.object({ asOf: localDate });
export const journalQuerySchema = pageQuerySchema.extend({
  from: localDate.optional(),
  to: localDate.optional(),
  accountCode: z.string().optional(),
});
export const periodParams = z.object({ year: z.coerce.number().int().min(2000).max(2100), month: z.coerce.number().int().min(1).max(12) });

export const accountOut = rowSchema(accounts);
export const entryTypeSchema = z.enum(ENTRY_TYPES);
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);
