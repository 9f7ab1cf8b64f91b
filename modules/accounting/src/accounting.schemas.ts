import { pageQuerySchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { ACCOUNT_TYPES, accounts, ENTRY_TYPES, REVENUE_KINDS } from './accounting.tables';

/** An amount in pesos with at most two decimals ("1044.50"). */
export const amountInput = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be an amount like 199.90'));
const optionalAmount = z.preprocess((v) => (v === '' || v === null ? undefined : v), amountInput.optional());
const localDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

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
export const exportRangeSchema = z.object({ from: localDate.optional(), to: localDate.optional() });
export const balanceQuerySchema = z.object({ asOf: localDate.optional() });
export const journalQuerySchema = pageQuerySchema.extend({
  from: localDate.optional(),
  to: localDate.optional(),
  accountCode: z.string().optional(),
});
export const periodParams = z.object({ year: z.coerce.number().int().min(2000).max(2100), month: z.coerce.number().int().min(1).max(12) });

export const accountOut = rowSchema(accounts);
export const entryTypeSchema = z.enum(ENTRY_TYPES);
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);

const amount = z.string().describe('Decimal amount, two places');
const statementRow = z.object({ code: z.string(), name: z.string(), satCode: z.string(), depth: z.number().int(), isGroup: z.boolean() });
export const entryOut = z.object({
  id: z.number().int(),
  entryNumber: z.string().nullable(),
  date: z.string(),
  description: z.string(),
  entryType: entryTypeSchema,
  status: z.enum(['draft', 'posted']),
  reference: z.string(),
  reversesId: z.number().int().nullable(),
  total: amount,
  lines: z.array(
    z.object({
      accountCode: z.string(),
      accountName: z.string(),
      debit: amount,
      credit: amount,
      description: z.string(),
      ownerId: z.string().nullable(),
      petId: z.number().int().nullable(),
    }),
  ),
});
export const entryPageOut = z.object({ items: z.array(entryOut), page: z.number().int(), pageSize: z.number().int(), hasNext: z.boolean() });
export const trialBalanceOut = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(statementRow.extend({ opening: amount, debit: amount, credit: amount, closing: amount })),
  totals: z.object({ debit: amount, credit: amount, closing: amount }),
});
const pnlSection = z.object({
  rows: z.array(statementRow.extend({ months: z.array(amount), total: amount, prior: amount })),
  months: z.array(amount),
  total: amount,
  prior: amount,
});
export const profitAndLossOut = z.object({
  from: z.string(),
  to: z.string(),
  priorFrom: z.string(),
  priorTo: z.string(),
  months: z.array(z.string()),
  revenue: pnlSection,
  expenses: pnlSection,
  netIncome: z.object({ months: z.array(amount), total: amount, prior: amount }),
});
const sheetSection = z.object({ rows: z.array(statementRow.extend({ balance: amount, prior: amount })), total: amount, prior: amount });
export const balanceSheetOut = z.object({
  asOf: z.string(),
  priorAsOf: z.string(),
  assets: sheetSection,
  liabilities: sheetSection,
  equity: sheetSection,
  result: z.object({ balance: amount, prior: amount }),
  liabilitiesAndEquity: z.object({ total: amount, prior: amount }),
});
export const ledgerOut = z.object({
  from: z.string(),
  to: z.string(),
  opening: amount,
  closing: amount,
  lines: z.array(
    z.object({
      date: z.string(),
      entryId: z.number().int(),
      entryNumber: z.string().nullable(),
      entryDescription: z.string(),
      accountCode: z.string(),
      description: z.string(),
      debit: amount,
      credit: amount,
      balance: amount,
    }),
  ),
});
export const balanceOut = z.object({ accountCode: z.string(), asOf: z.string(), balance: amount });
export const periodOut = z.object({ year: z.number().int(), month: z.number().int(), status: z.enum(['open', 'closed']), closedAt: z.date().nullable() });
