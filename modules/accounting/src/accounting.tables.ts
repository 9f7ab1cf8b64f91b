import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const accountingSchema = pgSchema('accounting');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const amount = (name: string) => numeric(name, { precision: 15, scale: 2 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const SIDES = ['debit', 'credit'] as const;
export type Side = (typeof SIDES)[number];

/** The chart of accounts: a tree; groups sum their children and take no lines. */
export const accounts = accountingSchema.table(
  'accounts',
  {
    id: id(),
    code: varchar('code', { length: 20 }).notNull().unique(),
    name: varchar('name', { length: 200 }).notNull(),
    accountType: varchar('account_type', { length: 20, enum: ACCOUNT_TYPES }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => accounts.id, { onDelete: 'restrict' }),
    /** The SAT's código agrupador (Anexo 24), e.g. "102.01". */
    satCode: varchar('sat_code', { length: 10 }).notNull(),
    /** The side its balance normally sits on (a contra account has the other). */
    naturalSide: varchar('natural_side', { length: 6, enum: SIDES }).notNull(),
    isGroup: boolean('is_group').notNull().default(false),
    isBank: boolean('is_bank').notNull().default(false),
    isCash: boolean('is_cash').notNull().default(false),
    isAr: boolean('is_ar').notNull().default(false),
    isAp: boolean('is_ap').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('idx_account_parent').on(t.parentId)],
);

export const ENTRY_TYPES = [
  'manual',
  'invoice',
  'payment',
  'refund',
  'cancellation',
  'stock',
  'adjustment',
  'reversal',
  'closing',
  'bill',
  'bill_payment',
  'bank',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export const ENTRY_STATUSES = ['draft', 'posted'] as const;

/** A journal entry (póliza). A draft can change; a posted one never does: it is reversed instead. */
export const journalEntries = accountingSchema.table(
  'journal_entries',
  {
    id: id(),
    /** Given when posted, without gaps within the year: "2026-000042". */
    entryNumber: varchar('entry_number', { length: 20 }).unique(),
    date: date('date').notNull(),
    description: text('description').notNull().default(''),
    entryType: varchar('entry_type', { length: 20, enum: ENTRY_TYPES }).notNull(),
    status: varchar('status', { length: 10, enum: ENTRY_STATUSES }).notNull().default('draft'),
    /** What it books: `invoice:12`, `payment:40`, `movement:7`; free text for a manual entry. */
    reference: varchar('reference', { length: 100 }).notNull().default(''),
    /** The event it was posted from: each event is booked once. */
    sourceEventId: uuid('source_event_id'),
    reversesId: integer('reverses_id').references((): AnyPgColumn => journalEntries.id),
    total: amount('total').notNull().default('0'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_journal_date').on(t.date),
    index('idx_journal_posted').on(t.status),
    index('idx_journal_reference').on(t.reference),
    uniqueIndex('journal_entries_source_event').on(t.sourceEventId),
    uniqueIndex('journal_entries_reversed_once').on(t.reversesId),
    check('journal_entries_number_when_posted', sql`(${t.status} = 'posted') = (${t.entryNumber} is not null)`),
  ],
);

export const journalLines = accountingSchema.table(
  'journal_lines',
  {
    id: id(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    debit: amount('debit').notNull().default('0'),
    credit: amount('credit').notNull().default('0'),
    description: varchar('description', { length: 200 }).notNull().default(''),
    /** Optional subledger keys (the owner, the vendor, the pet), as other modules name them. */
    ownerId: uuid('owner_id'),
    vendorId: integer('vendor_id'),
    petId: integer('pet_id'),
    lineOrder: smallint('line_order').notNull().default(0),
  },
  (t) => [
    index('idx_journal_line_entry').on(t.entryId),
    index('idx_journal_line_account').on(t.accountId),
    check('journal_lines_one_side', sql`${t.debit} >= 0 and ${t.credit} >= 0 and (${t.debit} = 0) <> (${t.credit} = 0)`),
  ],
);

/**
 * Posted debits and credits per account per day, kept in the posting's transaction: statements add up
 * days, not lines, so they stay fast whatever the number of lines.
 */
export const accountDayTotals = accountingSchema.table(
  'account_day_totals',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    day: date('day').notNull(),
    debit: amount('debit').notNull().default('0'),
    credit: amount('credit').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] }), index('idx_day_totals_day').on(t.day)],
);

/** The last entry number given per year (the row lock keeps numbering gapless under concurrency). */
export const entrySequences = accountingSchema.table('entry_sequences', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const PERIOD_STATUSES = ['open', 'closed'] as const;

/** Months of the fiscal year; a closed one takes no postings. A month with no row is open. */
export const fiscalPeriods = accountingSchema.table(
  'fiscal_periods',
  {
    id: id(),
    year: integer('year').notNull(),
    month: smallint('month').notNull(),
    status: varchar('status', { length: 10, enum: PERIOD_STATUSES }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [unique('fiscal_periods_month').on(t.year, t.month), check('fiscal_periods_month_range', sql`${t.month} between 1 and 12`)],
);

/**
 * The receivables as the books see them, built from billing's events only: what each invoice still owes
 * and how much of its IVA has been collected (cash-basis IVA moves with the money).
 */
export const receivables = accountingSchema.table(
  'receivables',
  {
    invoiceId: integer('invoice_id').primaryKey(),
    invoiceNumber: varchar('invoice_number', { length: 50 }).notNull(),
    ownerId: uuid('owner_id'),
    issuedOn: date('issued_on').notNull(),
    dueDate: date('due_date'),
    total: amount('total').notNull(),
    tax: amount('tax').notNull(),
    taxCollected: amount('tax_collected').notNull().default('0'),
    balance: amount('balance').notNull(),
    status: varchar('status', { length: 10, enum: ['open', 'paid', 'cancelled'] }).notNull(),
  },
  (t) => [index('idx_receivable_status').on(t.status)],
);

export const REVENUE_KINDS = ['service', 'product', 'shipping', 'other'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

/** Where an invoice line's revenue goes: by kind, or by kind and category (services' and products' categories). */
export const revenueAccounts = accountingSchema.table(
  'revenue_accounts',
  {
    id: id(),
    kind: varchar('kind', { length: 20, enum: REVENUE_KINDS }).notNull(),
    categoryId: integer('category_id'),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [uniqueIndex('revenue_accounts_key').on(t.kind, sql`coalesce(${t.categoryId}, 0)`)],
);

export const accountingTables = {
  accounts,
  journalEntries,
  journalLines,
  accountDayTotals,
  entrySequences,
  fiscalPeriods,
  receivables,
  revenueAccounts,
};
