import { integer, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountingSchema } from './accounting.tables';

/** The audit trail of reopened months: who reopened which month, when, and why. */
export const periodReopenings = accountingSchema.table('period_reopenings', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  year: integer('year').notNull(),
  month: smallint('month').notNull(),
  reason: text('reason').notNull(),
  reopenedBy: uuid('reopened_by'),
  reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull().defaultNow(),
});
