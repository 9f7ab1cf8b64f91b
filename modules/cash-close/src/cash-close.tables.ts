import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Count } from './denominations';

export const cashCloseSchema = pgSchema('cash_close');

const amount = (name: string) => numeric(name, { precision: 12, scale: 2 });

export const MONEY_METHODS = ['cash', 'card_terminal', 'card_online', 'transfer', 'account_credit'] as const;
export type MoneyMethod = (typeof MONEY_METHODS)[number];

/** What came in and went back per clinic day and way of paying, kept from billing's payment and refund events. */
export const dayTotals = cashCloseSchema.table(
  'day_totals',
  {
    day: date('day').notNull(),
    method: varchar('method', { length: 20, enum: MONEY_METHODS }).notNull(),
    received: amount('received').notNull().default('0'),
    refunded: amount('refunded').notNull().default('0'),
    payments: integer('payments').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.method] })],
);

export const MOVEMENT_KINDS = ['float', 'withdrawal', 'deposit'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Cash put in (the opening float) or taken out of the drawer (a withdrawal, a deposit to the bank). */
export const movements = cashCloseSchema.table(
  'movements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    day: date('day').notNull(),
    kind: varchar('kind', { length: 12, enum: MOVEMENT_KINDS }).notNull(),
    amount: amount('amount').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('movements_amount_positive', sql`${t.amount} > 0`)],
);

export const CLOSE_STATUSES = ['counted', 'approved'] as const;

/** A day's close: the count per denomination, the terminal's total, what was expected, the differences; then the manager's approval. */
export const closes = cashCloseSchema.table('closes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  day: date('day').notNull().unique(),
  status: varchar('status', { length: 10, enum: CLOSE_STATUSES }).notNull().default('counted'),
  denominations: jsonb('denominations').$type<Count>().notNull(),
  countedCash: amount('counted_cash').notNull(),
  expectedCash: amount('expected_cash').notNull(),
  cardTerminalTotal: amount('card_terminal_total').notNull(),
  expectedCard: amount('expected_card').notNull(),
  reason: text('reason').notNull().default(''),
  countedBy: uuid('counted_by'),
  countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
});

export const cashCloseTables = { dayTotals, movements, closes };
