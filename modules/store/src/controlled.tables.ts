import { users } from '@petfriendly/accounts/tables';
import { pets } from '@petfriendly/vet-clinic/tables';
import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgSchema, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { products, stockBatches, stockMovements } from './store.tables';

const store = pgSchema('store');

/** What a line of the book records: units in (receipt, return, opening) or out (the rest), or either (adjustment). */
export const BOOK_ENTRY_TYPES = ['opening', 'receipt', 'administration', 'dispensing', 'waste', 'return', 'adjustment'] as const;
export type BookEntryType = (typeof BOOK_ENTRY_TYPES)[number];

export const ROUTES = ['IV', 'IM', 'SC', 'PO', 'IN', 'topical', 'rectal', 'other'] as const;

/** The book's balance per product and batch: the row each new entry locks, so running balances never interleave. */
export const controlledBalances = store.table(
  'controlled_balances',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    balance: integer('balance').notNull(),
    lastEntryId: integer('last_entry_id'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.batchId] }), check('controlled_balances_nonnegative', sql`${t.balance} >= 0`)],
);

/** The controlled-drug book: append-only (a trigger refuses UPDATE and DELETE), one line per movement of a batch. */
export const controlledEntries = store.table(
  'controlled_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    type: varchar('type', { length: 20, enum: BOOK_ENTRY_TYPES }).notNull(),
    /** Units in (+) or out (−). */
    quantity: integer('quantity').notNull(),
    /** The batch's balance after this entry. */
    balance: integer('balance').notNull(),
    movementId: integer('movement_id').references(() => stockMovements.id),
    petId: integer('pet_id').references(() => pets.id),
    ownerId: uuid('owner_id').references(() => users.id),
    visitId: integer('visit_id'),
    prescriptionId: integer('prescription_id'),
    dose: numeric('dose', { precision: 10, scale: 3 }),
    doseUnit: varchar('dose_unit', { length: 10 }),
    route: varchar('route', { length: 10, enum: ROUTES }),
    /** Who recorded it (the vet who administered, the seller, the receiver). */
    by: uuid('by').references(() => users.id),
    /** The cédula profesional of `by` when the entry was written. */
    licenseNumber: varchar('license_number', { length: 50 }),
    witnessId: uuid('witness_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    reference: varchar('reference', { length: 50 }).notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('controlled_entries_batch_idx').on(t.productId, t.batchId, t.id),
    index('controlled_entries_created_idx').on(t.createdAt),
    check('controlled_entries_nonzero', sql`${t.quantity} <> 0`),
    check('controlled_entries_balance_nonnegative', sql`${t.balance} >= 0`),
    check('controlled_entries_waste_witnessed', sql`${t.type} <> 'waste' or (${t.witnessId} is not null and ${t.witnessId} <> ${t.by})`),
  ],
);

export const COUNT_STATUSES = ['matched', 'pending', 'approved'] as const;

/** A physical count of a batch: a difference waits for a second person's approval, which posts the adjustment. */
export const controlledCounts = store.table(
  'controlled_counts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    counted: integer('counted').notNull(),
    /** The book's balance when counted. */
    expected: integer('expected').notNull(),
    reason: text('reason').notNull().default(''),
    status: varchar('status', { length: 10, enum: COUNT_STATUSES }).notNull(),
    countedBy: uuid('counted_by')
      .notNull()
      .references(() => users.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    entryId: integer('entry_id').references(() => controlledEntries.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    check('controlled_counts_nonnegative', sql`${t.counted} >= 0`),
    check('controlled_counts_reasoned', sql`${t.counted} = ${t.expected} or length(trim(${t.reason})) > 0`),
    check('controlled_counts_four_eyes', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.countedBy}`),
  ],
);

export const controlledTables = { controlledBalances, controlledEntries, controlledCounts };
