import { date, index, integer, numeric, pgSchema, primaryKey, text, varchar } from 'drizzle-orm/pg-core';

/**
 * The reports' own figures, kept current from other modules' events (never their tables): daily sums a
 * dashboard adds up over a period, and the few facts per invoice, appointment, patient and batch that a
 * later event needs to undo or move what an earlier one added.
 */
export const reportsSchema = pgSchema('reports');

const amount = (name: string) => numeric(name, { precision: 15, scale: 2 });
/** No vet, no category, no item: '' and 0, so they can be part of a primary key. */
const vet = () => text('vet_id').notNull().default('');

export const SALE_KINDS = ['service', 'product', 'shipping', 'other', 'sales'] as const;

/** Revenue of a day by vet, kind, category and item: before IVA (net of discounts) and with it, and units. */
export const dailySales = reportsSchema.table(
  'daily_sales',
  {
    day: date('day').notNull(),
    vetId: vet(),
    kind: varchar('kind', { length: 10, enum: SALE_KINDS }).notNull(),
    categoryId: integer('category_id').notNull().default(0),
    itemId: integer('item_id').notNull().default(0),
    description: varchar('description', { length: 300 }).notNull(),
    quantity: numeric('quantity', { precision: 15, scale: 3 }).notNull().default('0'),
    net: amount('net').notNull().default('0'),
    gross: amount('gross').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.day, t.vetId, t.kind, t.categoryId, t.itemId] })],
);

/** Invoices of a day by vet: how many, and their amounts before IVA and with it. */
export const dailyInvoices = reportsSchema.table(
  'daily_invoices',
  {
    day: date('day').notNull(),
    vetId: vet(),
    invoices: integer('invoices').notNull().default(0),
    net: amount('net').notNull().default('0'),
    gross: amount('gross').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.day, t.vetId] })],
);

/** Appointments of a day by vet: their states and the minutes kept (booked and not cancelled). */
export const dailyAppointments = reportsSchema.table(
  'daily_appointments',
  {
    day: date('day').notNull(),
    vetId: vet(),
    booked: integer('booked').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    noShows: integer('no_shows').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.vetId] })],
);

/**
 * The same sums by month (`month` is its first day), kept in the transaction that changes a day's and
 * rebuilt from the days when missing: a long period reads its whole months here and only its odd days above.
 */
export const monthlySales = reportsSchema.table(
  'monthly_sales',
  {
    month: date('month').notNull(),
    vetId: vet(),
    kind: varchar('kind', { length: 10, enum: SALE_KINDS }).notNull(),
    categoryId: integer('category_id').notNull().default(0),
    itemId: integer('item_id').notNull().default(0),
    description: varchar('description', { length: 300 }).notNull(),
    quantity: numeric('quantity', { precision: 15, scale: 3 }).notNull().default('0'),
    net: amount('net').notNull().default('0'),
    gross: amount('gross').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.month, t.vetId, t.kind, t.categoryId, t.itemId] })],
);

export const monthlyInvoices = reportsSchema.table(
  'monthly_invoices',
  {
    month: date('month').notNull(),
    vetId: vet(),
    invoices: integer('invoices').notNull().default(0),
    net: amount('net').notNull().default('0'),
    gross: amount('gross').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.month, t.vetId] })],
);

export const monthlyAppointments = reportsSchema.table(
  'monthly_appointments',
  {
    month: date('month').notNull(),
    vetId: vet(),
    booked: integer('booked').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    noShows: integer('no_shows').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.vetId] })],
);

export const INVOICE_STATES = ['open', 'paid', 'cancelled'] as const;

/** Each issued invoice as the reports know it: its day, vet, owner and patient, and what is still owed. */
export const invoiceFacts = reportsSchema.table(
  'invoice_facts',
  {
    invoiceId: integer('invoice_id').primaryKey(),
    day: date('day').notNull(),
    vetId: vet(),
    ownerId: text('owner_id'),
    petId: integer('pet_id'),
    gross: amount('gross').notNull(),
    balance: amount('balance').notNull(),
    dueDate: date('due_date'),
    state: varchar('state', { length: 10, enum: INVOICE_STATES }).notNull(),
  },
  (t) => [index('reports_invoice_facts_day').on(t.day, t.vetId), index('reports_invoice_facts_open').on(t.state, t.dueDate)],
);

export const APPOINTMENT_STATES = ['booked', 'completed', 'cancelled', 'no_show'] as const;

/** Each appointment's day, vet, length and state: what a cancellation or a move takes back from a day. */
export const appointmentFacts = reportsSchema.table('appointment_facts', {
  appointmentId: integer('appointment_id').primaryKey(),
  day: date('day').notNull(),
  vetId: vet(),
  petId: integer('pet_id').notNull(),
  minutes: integer('minutes').notNull(),
  state: varchar('state', { length: 10, enum: APPOINTMENT_STATES }).notNull(),
});

/** The first day each owner bought something: new against returning owners. */
export const ownerFirsts = reportsSchema.table('owner_firsts', { ownerId: text('owner_id').primaryKey(), firstDay: date('first_day').notNull() }, (t) => [
  index('reports_owner_firsts_day').on(t.firstDay),
]);

/** Each patient's last day at the clinic (registration, a visit, an appointment, an invoice): active, lapsing, lapsed. */
export const patientActivity = reportsSchema.table(
  'patient_activity',
  { petId: integer('pet_id').primaryKey(), lastSeen: date('last_seen').notNull() },
  (t) => [index('reports_patient_activity_seen').on(t.lastSeen)],
);

/** A vaccine's next dose falling due, and the day it was given (compliance: within 30 days of due). */
export const vaccineDues = reportsSchema.table(
  'vaccine_dues',
  {
    petId: integer('pet_id').notNull(),
    protocol: varchar('protocol', { length: 100 }).notNull(),
    dueDate: date('due_date').notNull(),
    givenOn: date('given_on'),
  },
  (t) => [primaryKey({ columns: [t.petId, t.protocol, t.dueDate] }), index('reports_vaccine_dues_due').on(t.dueDate)],
);

/** Units left in each batch at its unit cost: the inventory's value. */
export const batchStock = reportsSchema.table('batch_stock', {
  batchId: integer('batch_id').primaryKey(),
  productId: integer('product_id').notNull(),
  quantity: integer('quantity').notNull(),
  unitCost: numeric('unit_cost', { precision: 15, scale: 6 }).notNull(),
});

export const reportsTables = {
  dailySales,
  dailyInvoices,
  dailyAppointments,
  monthlySales,
  monthlyInvoices,
  monthlyAppointments,
  invoiceFacts,
  appointmentFacts,
  ownerFirsts,
  patientActivity,
  vaccineDues,
  batchStock,
};
