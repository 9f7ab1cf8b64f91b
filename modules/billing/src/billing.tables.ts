import { users } from '@petfriendly/accounts/tables';
import { appointments, serviceTypes } from '@petfriendly/appointments/tables';
import { auditColumns, TAX_CLASSES } from '@petfriendly/core';
import { orders, products } from '@petfriendly/store/tables';
import { pets } from '@petfriendly/vet-clinic/tables';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, jsonb, numeric, pgSchema, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const billingSchema = pgSchema('billing');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const amount = (name: string) => numeric(name, { precision: 10, scale: 2 });

/** What the SAT needs to invoice an owner by name (CFDI receptor). Without it: público en general. */
export const fiscalProfiles = billingSchema.table('fiscal_profiles', {
  ownerId: uuid('owner_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  rfc: varchar('rfc', { length: 13 }).notNull(),
  legalName: varchar('legal_name', { length: 300 }).notNull(),
  regimenFiscal: varchar('regimen_fiscal', { length: 3 }).notNull(),
  postalCode: varchar('postal_code', { length: 5 }).notNull(),
  usoCfdi: varchar('uso_cfdi', { length: 4 }).notNull(),
  email: varchar('email', { length: 254 }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'partial', 'overdue', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const CFDI_STATUSES = ['none', 'sealed', 'stamped', 'cancel_pending', 'cancelled'] as const;
export type CfdiStatus = (typeof CFDI_STATUSES)[number];

export const invoices = billingSchema.table(
  'invoices',
  {
    id: id(),
    invoiceNumber: varchar('invoice_number', { length: 50 }).notNull().unique(),
    /** Null only for the monthly global invoice (público en general). */
    ownerId: uuid('owner_id').references(() => users.id),
    petId: integer('pet_id').references(() => pets.id, { onDelete: 'set null' }),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'set null' }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    kind: varchar('kind', { length: 10, enum: ['standard', 'global'] })
      .notNull()
      .default('standard'),
    /** As the CFDI states them: SubTotal and Descuento before IVA, the IVA, and the Total (what the customer pays). */
    subtotal: amount('subtotal').notNull().default('0'),
    discountAmount: amount('discount_amount').notNull().default('0'),
    taxAmount: amount('tax_amount').notNull().default('0'),
    total: amount('total').notNull().default('0'),
    amountPaid: amount('amount_paid').notNull().default('0'),
    /** A discount on the whole invoice (cash discount, IVA included), shared among the lines. */
    extraDiscount: amount('extra_discount').notNull().default('0'),
    status: varchar('status', { length: 20, enum: INVOICE_STATUSES }).notNull().default('draft'),
    dueDate: date('due_date'),
    notes: text('notes').notNull().default(''),
    ...auditColumns(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Bumped on every change, so two desks editing one draft cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    cfdiStatus: varchar('cfdi_status', { length: 20, enum: CFDI_STATUSES }).notNull().default('none'),
    cfdiUuid: uuid('cfdi_uuid').unique(),
    cfdiXml: text('cfdi_xml'),
    cfdiPdf: varchar('cfdi_pdf', { length: 300 }),
    cfdiPacId: varchar('cfdi_pac_id', { length: 100 }),
    /** PUE when paid in full at issue, PPD when paid later (then each payment gets a Pagos 2.0 receipt). */
    cfdiMetodoPago: varchar('cfdi_metodo_pago', { length: 3, enum: ['PUE', 'PPD'] }),
    cfdiIssuedAt: timestamp('cfdi_issued_at', { withTimezone: true }),
    cfdiCancelMotive: varchar('cfdi_cancel_motive', { length: 2 }),
    cfdiCancelledAt: timestamp('cfdi_cancelled_at', { withTimezone: true }),
    /** The SAT's acuse de cancelación (XML), as the PAC returned it; a cancelled CFDI keeps its own XML too. */
    cfdiAcuse: text('cfdi_acuse'),
    /** Tax summary as the CFDI carries it (needed for the payment receipts). */
    cfdiTaxes: jsonb('cfdi_taxes').$type<unknown[]>(),
    /** A sale to the general public, reported in this monthly global invoice. */
    globalInvoiceId: integer('global_invoice_id').references((): AnyPgColumn => invoices.id),
  },
  (t) => [
    index('idx_invoice_owner').on(t.ownerId, t.createdAt),
    index('idx_invoice_status').on(t.status, t.createdAt),
    index('invoices_created_idx').on(t.createdAt),
    index('idx_invoice_due_date').on(t.dueDate),
    uniqueIndex('invoices_one_per_order').on(t.orderId),
    index('invoices_appointment_idx').on(t.appointmentId),
    check('invoices_paid_within_total', sql`${t.amountPaid} >= 0 and ${t.amountPaid} <= ${t.total}`),
    check('invoices_owner_unless_global', sql`${t.ownerId} is not null or ${t.kind} = 'global'`),
  ],
);

/** What an invoice line can charge for from another module's record: a visit item (vet-clinic). */
export const CHARGE_SOURCES = ['visit_item'] as const;
export type ChargeSource = (typeof CHARGE_SOURCES)[number];

export const invoiceLineItems = billingSchema.table(
  'invoice_line_items',
  {
    id: id(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    description: varchar('description', { length: 500 }).notNull(),
    quantity: numeric('quantity', { precision: 10, scale: 2 }).notNull(),
    /** The shelf price: what the customer pays for one, IVA included. */
    unitPrice: amount('unit_price').notNull(),
    /** The CFDI's ValorUnitario derived from the shelf price: one unit before IVA, six decimals. */
    unitValue: numeric('unit_value', { precision: 16, scale: 6 }).notNull().default('0'),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /** A discount in money (IVA included) the line came with (its share of an order's coupon). */
    fixedDiscount: numeric('fixed_discount', { precision: 14, scale: 6 }).notNull().default('0'),
    /** The CFDI's Descuento: the line's whole discount before IVA (own percent plus its share of a coupon or cash discount). */
    discountAmount: numeric('discount_amount', { precision: 14, scale: 6 }).notNull().default('0'),
    taxClass: varchar('tax_class', { length: 10, enum: TAX_CLASSES }).notNull(),
    taxAmount: numeric('tax_amount', { precision: 14, scale: 6 }).notNull().default('0'),
    /** What the customer pays for the line, IVA included, after its discounts. */
    lineTotal: amount('line_total').notNull(),
    serviceId: integer('service_id').references(() => serviceTypes.id, { onDelete: 'set null' }),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    satProductCode: varchar('clave_producto_sat', { length: 10 }).notNull(),
    satUnitCode: varchar('clave_unidad_sat', { length: 5 }).notNull(),
    /** A product handed over from stock at the desk (so it goes back if the line is removed). */
    stockTaken: integer('stock_taken').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
    /** What the line charges for, when it came from the clinical record (a visit item): charge capture matches on it. */
    sourceKind: varchar('source_kind', { length: 20, enum: CHARGE_SOURCES }),
    sourceId: integer('source_id'),
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    index('invoice_lines_source_idx').on(t.sourceKind, t.sourceId),
    check('invoice_lines_source_pair', sql`(${t.sourceKind} is null) = (${t.sourceId} is null)`),
    check('invoice_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('invoice_lines_discount_range', sql`${t.discountPercent} >= 0 and ${t.discountPercent} <= 100`),
  ],
);

export const PAYMENT_METHODS = ['stripe_card', 'cash', 'manual_card', 'account_credit', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const CARD_TYPES = ['debit', 'credit'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const payments = billingSchema.table(
  'payments',
  {
    id: id(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Negative for a refund. */
    amount: amount('amount').notNull(),
    paymentMethod: varchar('payment_method', { length: 20, enum: PAYMENT_METHODS }).notNull(),
    /** A card at the terminal: debit or credit, when staff said which. */
    cardType: varchar('card_type', { length: 6, enum: CARD_TYPES }),
    stripePaymentIntent: varchar('stripe_payment_intent', { length: 100 }),
    stripeChargeId: varchar('stripe_charge_id', { length: 100 }),
    referenceNumber: varchar('reference_number', { length: 100 }).notNull().default(''),
    notes: text('notes').notNull().default(''),
    cashDiscountApplied: amount('cash_discount_applied').notNull().default('0'),
    refundOf: integer('refund_of').references((): AnyPgColumn => payments.id),
    /** The caller's key: the same payment sent twice is recorded once. */
    idempotencyKey: varchar('idempotency_key', { length: 100 }).unique(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Pagos 2.0 receipt for a payment on a PPD invoice. */
    complementUuid: uuid('complement_uuid'),
    complementXml: text('complement_xml'),
  },
  (t) => [
    index('payments_invoice_idx').on(t.invoiceId),
    uniqueIndex('payments_one_per_intent').on(t.stripePaymentIntent).where(sql`${t.refundOf} is null and ${t.stripePaymentIntent} is not null`),
    check('payments_nonzero', sql`${t.amount} <> 0`),
  ],
);

/** Card payments started online: one PaymentIntent per invoice balance. */
export const cardIntents = billingSchema.table('card_intents', {
  id: id(),
  invoiceId: integer('invoice_id')
    .notNull()
    .references(() => invoices.id),
  gateway: varchar('gateway', { length: 10, enum: ['stripe', 'local'] }).notNull(),
  intentId: varchar('intent_id', { length: 100 }).notNull().unique(),
  clientSecret: varchar('client_secret', { length: 200 }),
  amount: amount('amount').notNull(),
  status: varchar('status', { length: 30 }).notNull(),
  createdAt: createdAt(),
});

/** Provider events already handled (a repeated webhook changes nothing). */
export const webhookEvents = billingSchema.table('webhook_events', {
  eventId: varchar('event_id', { length: 100 }).primaryKey(),
  provider: varchar('provider', { length: 20 }).notNull(),
  type: varchar('type', { length: 60 }).notNull(),
  receivedAt: createdAt(),
});

/** An owner's credit with the clinic (refunds to credit, overpayments); the balance is the sum. */
export const accountCredits = billingSchema.table(
  'account_credits',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    amount: amount('amount').notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    paymentId: integer('payment_id').references(() => payments.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('account_credits_owner_idx').on(t.ownerId)],
);

/** A charge the clinic chose not to make (a courtesy, a repeat test), with the reason; kept, never deleted. */
export const chargeWaivers = billingSchema.table(
  'charge_waivers',
  {
    id: id(),
    sourceKind: varchar('source_kind', { length: 20, enum: CHARGE_SOURCES }).notNull(),
    sourceId: integer('source_id').notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    waivedBy: uuid('waived_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('charge_waivers_one_per_source').on(t.sourceKind, t.sourceId)],
);

export const billingTables = { fiscalProfiles, invoices, invoiceLineItems, payments, cardIntents, webhookEvents, accountCredits, chargeWaivers };
