import { z } from 'zod';
import { amountInput } from './accounting.schemas';

const year = z.coerce.number().int().min(2000).max(2100);

export const setBudgetSchema = z.object({
  year,
  accountCode: z.string().trim().min(1).max(20),
  /** January to December. */
  months: z.array(amountInput).length(12, 'twelve amounts, January to December'),
});
export const copyBudgetSchema = z.object({
  fromYear: year,
  toYear: year,
  /** What to copy: last year's budget, or what last year actually did. */
  source: z.enum(['budget', 'actual']).default('budget'),
  /** More or less, in percent: 5 for +5 %, -10 for −10 %. */
  percent: z.coerce.number().min(-100).max(1000).default(0),
});
export const budgetQuerySchema = z.object({ year, accountCode: z.string().trim().max(20).optional() });
export const varianceQuerySchema = z.object({ year, month: z.coerce.number().int().min(1).max(12).optional() });

const amount = z.string().describe('Decimal amount, two places');
export const budgetOut = z.object({
  year: z.number().int(),
  accounts: z.array(z.object({ accountCode: z.string(), name: z.string(), accountType: z.string(), months: z.array(amount), total: amount })),
});
const varianceCell = z.object({ budget: amount, actual: amount, variance: amount });
export const varianceOut = z.object({
  year: z.number().int(),
  month: z.number().int(),
  rows: z.array(
    z.object({
      accountCode: z.string(),
      name: z.string(),
      accountType: z.string(),
      months: z.array(varianceCell),
      month: varianceCell,
      yearToDate: varianceCell,
      over: z.boolean(),
    }),
  ),
});
export const budgetWarningOut = z.object({ accountCode: z.string(), name: z.string(), month: z.string(), budget: amount, actual: amount, over: amount });
