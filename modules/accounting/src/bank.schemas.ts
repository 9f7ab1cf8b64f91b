import { z } from 'zod';

const localDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const accountCode = z.string().trim().min(1).max(20);
const column = z.string().trim().min(1).max(60);
const optionalColumn = z.preprocess((v) => (v === '' || v === null ? undefined : v), column.optional());
/** A balance can be negative (an overdraft). */
const signedAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, ''))
  .pipe(z.string().regex(/^-?\d{1,11}(\.\d{1,2})?$/, 'must be an amount like -1044.50'));

export const bankAccountInputSchema = z.object({
  name: z.string().trim().min(2).max(100),
  bankName: z.string().trim().max(100).default(''),
  accountNumber: z.string().trim().max(30).default(''),
  /** Its account in the chart: a bank account (1102.01 …). */
  ledgerAccountCode: accountCode,
});

export const csvMappingSchema = z
  .object({
    date: column,
    description: column,
    reference: optionalColumn,
    amount: optionalColumn,
    withdrawal: optionalColumn,
    deposit: optionalColumn,
    dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY']).default('DD/MM/YYYY'),
    delimiter: z.enum([',', ';', '\t']).default(','),
  })
  .refine((m) => m.amount || (m.withdrawal && m.deposit), { message: 'name an amount column, or a withdrawals and a deposits column', path: ['amount'] });

export const statementImportSchema = z.object({
  format: z.enum(['csv', 'ofx']),
  content: z.string().min(1).max(5_000_000),
  /** For a CSV: the mapping to use and save for this bank (the saved one when left out). */
  mapping: csvMappingSchema.optional(),
});

export const bankRuleInputSchema = z.object({
  bankAccountId: z.coerce.number().int().positive().nullish(),
  pattern: z.string().trim().min(2).max(100),
  accountCode,
  description: z.string().trim().max(200).default(''),
});

export const reconciliationStartSchema = z.object({
  bankAccountId: z.coerce.number().int().positive(),
  statementDate: localDate,
  statementBalance: signedAmount,
  /** Only for an account's first reconciliation: the balance the bank started from. */
  openingBalance: z.preprocess((v) => (v === '' || v === null ? undefined : v), signedAmount.optional()),
});

export const matchSchema = z.object({
  bankTransactionId: z.coerce.number().int().positive(),
  journalLineIds: z.array(z.coerce.number().int().positive()).min(1).max(100),
});
export const unmatchSchema = z.object({ bankTransactionId: z.coerce.number().int().positive() });

const amount = z.string().describe('Decimal amount in pesos, two places (negative: money out)');
export const bankAccountOut = z.object({
  id: z.number().int(),
  name: z.string(),
  bankName: z.string(),
  accountNumber: z.string(),
  ledgerAccountCode: z.string(),
  ledgerAccountName: z.string(),
  bookBalance: amount,
  hasCsvMapping: z.boolean(),
});
export const importOut = z.object({ imported: z.number().int(), duplicates: z.number().int(), statementBalance: amount.nullable() });
export const bankRuleOut = z.object({
  id: z.number().int(),
  bankAccountId: z.number().int().nullable(),
  pattern: z.string(),
  accountCode: z.string(),
  description: z.string(),
});
const bankTxOut = z.object({
  id: z.number().int(),
  date: z.string(),
  amount,
  description: z.string(),
  reference: z.string(),
  journalLineIds: z.array(z.number().int()),
});
const bookLineOut = z.object({ id: z.number().int(), date: z.string(), entryNumber: z.string().nullable(), description: z.string(), amount });
export const reconciliationOut = z.object({
  id: z.number().int(),
  bankAccountId: z.number().int(),
  bankAccountName: z.string(),
  ledgerAccountCode: z.string(),
  statementDate: z.string(),
  status: z.enum(['open', 'completed']),
  openingBalance: amount,
  statementBalance: amount,
  clearedBalance: amount,
  difference: amount,
  transactions: z.array(bankTxOut),
  unmatchedLines: z.array(bookLineOut),
  suggestions: z.array(
    z.object({ bankTransactionId: z.number().int(), journalLineIds: z.array(z.number().int()), reason: z.enum(['reference', 'amount', 'combination']) }),
  ),
});
