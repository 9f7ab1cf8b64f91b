import { sql } from 'drizzle-orm';
import { check, integer, numeric, smallint, unique } from 'drizzle-orm/pg-core';
import { accountingSchema, accounts } from './accounting.tables';

/** A budgeted amount per account per month of a year (an expense's spending, a revenue's income). */
export const budgets = accountingSchema.table(
  'budgets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    month: smallint('month').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    amount: numeric('amount', { precision: 15, scale: 2 }).notNull(),
  },
  (t) => [unique('budgets_account_month').on(t.year, t.accountId, t.month), check('budgets_month_range', sql`${t.month} between 1 and 12`)],
);
