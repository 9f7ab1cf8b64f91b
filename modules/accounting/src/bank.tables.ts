import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountingSchema, accounts, journalLines } from './accounting.tables';

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** How a bank's CSV statement reads: which column holds what (names as in its header row). */
export interface CsvMapping {
  date: string;
  description: string;
  reference?: string;
  /** One signed amount column, or a withdrawals and a deposits column. */
  amount?: string;
  withdrawal?: string;
  deposit?: string;
  /** How its dates are written. */
  dateFormat: 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY';
  delimiter: ',' | ';' | '\t';
}

/** A bank account of the clinic, tied to its account in the chart (1102.01 …). */
export const bankAccounts = accountingSchema.table('bank_accounts', {
  id: id(),
  name: varchar('name', { length: 100 }).notNull(),
  bankName: varchar('bank_name', { length: 100 }).notNull().default(''),
  /** The CLABE or the account's last digits, as printed on the statement. */
  accountNumber: varchar('account_number', { length: 30 }).notNull().default(''),
  ledgerAccountId: integer('ledger_account_id')
    .notNull()
    .unique()
    .references(() => accounts.id),
  csvMapping: jsonb('csv_mapping').$type<CsvMapping>(),
  createdAt: createdAt(),
});

/** A line of an imported statement: + money in, − money out, in centavos. */
export const bankTransactions = accountingSchema.table(
  'bank_transactions',
  {
    id: id(),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    date: date('date').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    description: varchar('description', { length: 300 }).notNull().default(''),
    /** The SPEI tracking key, cheque number or the OFX FITID. */
    reference: varchar('reference', { length: 100 }).notNull().default(''),
    /** sha256 of date, amount and reference: a line imported twice is one line. */
    hash: varchar('hash', { length: 64 }).notNull(),
    reconciliationId: integer('reconciliation_id').references(() => reconciliations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bank_transactions_hash').on(t.bankAccountId, t.hash),
    index('idx_bank_tx_account_date').on(t.bankAccountId, t.date),
    check('bank_transactions_not_zero', sql`${t.amountCents} <> 0`),
  ],
);

/** "COMISION" → 7101: a statement line whose text contains the pattern is booked to the account. */
export const bankRules = accountingSchema.table('bank_rules', {
  id: id(),
  bankAccountId: integer('bank_account_id').references(() => bankAccounts.id, { onDelete: 'cascade' }),
  pattern: varchar('pattern', { length: 100 }).notNull(),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id),
  description: varchar('description', { length: 200 }).notNull().default(''),
  createdAt: createdAt(),
});

export const RECONCILIATION_STATUSES = ['open', 'completed'] as const;

/** A bank account's books against one statement; once completed it is locked. */
export const reconciliations = accountingSchema.table(
  'reconciliations',
  {
    id: id(),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    statementDate: date('statement_date').notNull(),
    /** The previous statement's closing balance (or the account's opening, for the first). */
    openingBalanceCents: bigint('opening_balance_cents', { mode: 'number' }).notNull(),
    statementBalanceCents: bigint('statement_balance_cents', { mode: 'number' }).notNull(),
    status: varchar('status', { length: 10, enum: RECONCILIATION_STATUSES }).notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reconciliations_one_open').on(t.bankAccountId).where(sql`${t.status} = 'open'`)],
);

/** A statement line cleared against the journal lines on the bank's account (one to many); a journal line clears once. */
export const reconciliationMatches = accountingSchema.table(
  'reconciliation_matches',
  {
    id: id(),
    reconciliationId: integer('reconciliation_id')
      .notNull()
      .references(() => reconciliations.id, { onDelete: 'cascade' }),
    bankTransactionId: integer('bank_transaction_id')
      .notNull()
      .references(() => bankTransactions.id),
    journalLineId: integer('journal_line_id')
      .notNull()
      .unique()
      .references(() => journalLines.id),
  },
  (t) => [index('idx_match_bank_tx').on(t.bankTransactionId), index('idx_match_reconciliation').on(t.reconciliationId)],
);

export const bankTables = { bankAccounts, bankTransactions, bankRules, reconciliations, reconciliationMatches };
