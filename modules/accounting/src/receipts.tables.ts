import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountingSchema } from './accounting.tables';
import { billLines, bills } from './payables.tables';

const cents = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * A delivery the store received, as its `stock_received` event told the books (never read from the
 * store's tables): what a supplier's bill is matched against. One row per receipt (stock movement).
 */
export const purchaseReceipts = accountingSchema.table(
  'purchase_receipts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The store's receipt: the stock movement that brought the batch in. */
    movementId: integer('movement_id').notNull().unique(),
    productId: integer('product_id').notNull(),
    batchNumber: varchar('batch_number', { length: 100 }).notNull().default(''),
    quantity: integer('quantity').notNull(),
    unitCostCents: cents('unit_cost_cents'),
    costCents: cents('cost_cents'),
    supplier: varchar('supplier', { length: 200 }).notNull().default(''),
    supplierRfc: varchar('supplier_rfc', { length: 13 }),
    receivedOn: date('received_on').notNull(),
  },
  (t) => [index('idx_purchase_receipt_rfc').on(t.supplierRfc, t.receivedOn)],
);

/**
 * A bill's line matched to a receipt: the three-way check of what was received, what the bill charges
 * and at what price. A receipt is billed once and a bill's line pays for one receipt (unique indexes:
 * two clerks matching at once cannot both win).
 */
export const receiptMatches = accountingSchema.table(
  'receipt_matches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id),
    billLineId: integer('bill_line_id')
      .notNull()
      .unique()
      .references(() => billLines.id),
    receiptId: integer('receipt_id')
      .notNull()
      .unique()
      .references(() => purchaseReceipts.id),
    billedQuantity: integer('billed_quantity').notNull(),
    billedUnitPriceCents: cents('billed_unit_price_cents'),
    /** The bill's line minus the receipt's cost: booked to purchase price differences, so goods received clears. */
    differenceCents: cents('difference_cents'),
    quantityMismatch: boolean('quantity_mismatch').notNull(),
    priceMismatch: boolean('price_mismatch').notNull(),
    /** The line's amount is not billed quantity × billed unit price. */
    amountMismatch: boolean('amount_mismatch').notNull(),
    matchedBy: uuid('matched_by'),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('idx_receipt_match_bill').on(t.billId), check('receipt_matches_quantity_positive', sql`${t.billedQuantity} > 0`)],
);

export const receiptTables = { purchaseReceipts, receiptMatches };
