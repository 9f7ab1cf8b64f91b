import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountingSchema, accounts } from './accounting.tables';

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
/** Amounts of payables are whole centavos (what the DIOT adds up). */
const cents = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** DIOT's tipo de tercero: 04 proveedor nacional, 05 extranjero, 15 proveedor global. */
export const THIRD_PARTY_TYPES = ['04', '05', '15'] as const;
/** DIOT's tipo de operación: 03 servicios profesionales, 06 arrendamiento, 85 otros. */
export const OPERATION_TYPES = ['03', '06', '85'] as const;
export const PAYMENT_TERMS = ['immediate', 'net15', 'net30', 'net60'] as const;
export const BILL_STATUSES = ['pending', 'partial', 'paid', 'cancelled'] as const;
export const BILL_PAYMENT_METHODS = ['transfer', 'cash', 'check', 'card'] as const;

export const vendors = accountingSchema.table(
  'vendors',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    /** 12 characters for a company, 13 for a person; XEXX010101000 for a foreign supplier. */
    rfc: varchar('rfc', { length: 13 }).notNull(),
    thirdPartyType: varchar('third_party_type', { length: 2, enum: THIRD_PARTY_TYPES }).notNull().default('04'),
    operationType: varchar('operation_type', { length: 2, enum: OPERATION_TYPES }).notNull().default('85'),
    /** A foreign supplier's tax id and country (ISO 3166 alpha-3), which the DIOT asks for. */
    foreignTaxId: varchar('foreign_tax_id', { length: 40 }),
    country: varchar('country', { length: 3 }),
    contactName: varchar('contact_name', { length: 200 }).notNull().default(''),
    email: varchar('email', { length: 254 }).notNull().default(''),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    paymentTerms: varchar('payment_terms', { length: 10, enum: PAYMENT_TERMS }).notNull().default('net30'),
    defaultExpenseAccountId: integer('default_expense_account_id').references(() => accounts.id),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  // A Mexican supplier is one vendor per RFC; foreign and global suppliers share generic RFCs.
  (t) => [uniqueIndex('vendors_rfc_national').on(t.rfc).where(sql`${t.thirdPartyType} = '04'`)],
);

/**
 * A supplier's bill. Amounts in centavos, broken down as the CFDI and the DIOT do: the base taxed at
 * 16 %, at 8 % (border zone) and at 0 %, the exempt base, the IVA of each rate and what was withheld.
 * subtotal − discount = base16 + base8 + base0 + exempt; total = that + iva16 + iva8 − withheld.
 */
export const bills = accountingSchema.table(
  'bills',
  {
    id: id(),
    vendorId: integer('vendor_id')
      .notNull()
      .references(() => vendors.id),
    billNumber: varchar('bill_number', { length: 100 }).notNull().default(''),
    billDate: date('bill_date').notNull(),
    dueDate: date('due_date').notNull(),
    description: varchar('description', { length: 500 }).notNull().default(''),
    status: varchar('status', { length: 10, enum: BILL_STATUSES }).notNull().default('pending'),
    /** The supplier's CFDI (from its TimbreFiscalDigital): one bill per UUID. */
    cfdiUuid: uuid('cfdi_uuid').unique(),
    subtotalCents: cents('subtotal_cents'),
    discountCents: cents('discount_cents'),
    base16Cents: cents('base16_cents'),
    iva16Cents: cents('iva16_cents'),
    base8Cents: cents('base8_cents'),
    iva8Cents: cents('iva8_cents'),
    base0Cents: cents('base0_cents'),
    exemptCents: cents('exempt_cents'),
    ivaWithheldCents: cents('iva_withheld_cents'),
    isrWithheldCents: cents('isr_withheld_cents'),
    totalCents: cents('total_cents'),
    paidCents: cents('paid_cents'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_bill_vendor').on(t.vendorId),
    index('idx_bill_status_due').on(t.status, t.dueDate),
    check('bills_paid_within_total', sql`${t.paidCents} >= 0 and ${t.paidCents} <= ${t.totalCents}`),
    check('bills_total_positive', sql`${t.totalCents} > 0`),
  ],
);

/** Where a bill's base goes: an expense, the inventory, or goods received awaiting this bill. */
export const billLines = accountingSchema.table(
  'bill_lines',
  {
    id: id(),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    description: varchar('description', { length: 200 }).notNull().default(''),
    amountCents: cents('amount_cents'),
  },
  (t) => [index('idx_bill_line_bill').on(t.billId)],
);

/**
 * A payment of a bill, with the part of each of the bill's amounts it pays (proportional, the last
 * payment takes what rounding left): the DIOT reports what was paid in the month.
 */
export const billPayments = accountingSchema.table(
  'bill_payments',
  {
    id: id(),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id),
    paidOn: date('paid_on').notNull(),
    method: varchar('method', { length: 10, enum: BILL_PAYMENT_METHODS }).notNull(),
    /** The bank or cash account of the chart the money left from. */
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    reference: varchar('reference', { length: 100 }).notNull().default(''),
    amountCents: cents('amount_cents'),
    base16Cents: cents('base16_cents'),
    iva16Cents: cents('iva16_cents'),
    base8Cents: cents('base8_cents'),
    iva8Cents: cents('iva8_cents'),
    base0Cents: cents('base0_cents'),
    exemptCents: cents('exempt_cents'),
    ivaWithheldCents: cents('iva_withheld_cents'),
    isrWithheldCents: cents('isr_withheld_cents'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_bill_payment_bill').on(t.billId),
    index('idx_bill_payment_paid_on').on(t.paidOn),
    check('bill_payments_positive', sql`${t.amountCents} > 0`),
  ],
);

export const payablesTables = { vendors, bills, billLines, billPayments };
