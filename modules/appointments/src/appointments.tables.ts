import { users } from '@petfriendly/accounts/tables';
import { auditColumns, TAX_CLASSES } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgSchema, primaryKey, smallint, text, time, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const appointmentsSchema = pgSchema('appointments');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'restrict' });

export const serviceCategories = appointmentsSchema.table('service_categories', {
  id: id(),
  name: varchar('name', { length: 200 }).notNull(),
  slug: varchar('slug', { length: 100 }).notNull().unique(),
  description: text('description').notNull().default(''),
  icon: varchar('icon', { length: 50 }).notNull().default(''),
  order: smallint('order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

export const serviceTypes = appointmentsSchema.table(
  'service_types',
  {
    id: id(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => serviceCategories.id),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull().unique(),
    description: text('description').notNull().default(''),
    durationMinutes: smallint('duration_minutes').notNull(),
    /** What the customer pays, IVA included (the invoice derives base and IVA from it). */
    price: numeric('price', { precision: 10, scale: 2 }).notNull(),
    priceVaries: boolean('price_varies').notNull().default(false),
    requiresConsultation: boolean('requires_consultation').notNull().default(false),
    /** Species it applies to; empty = every species. */
    species: text('species').array().notNull().default(sql`'{}'::text[]`),
    isEmergency: boolean('is_emergency').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** How it is taxed and invoiced (CFDI ClaveProdServ / ClaveUnidad); veterinary services pay IVA 16 %. */
    taxClass: varchar('tax_class', { length: 10, enum: TAX_CLASSES }).notNull().default('iva16'),
    satProductCode: varchar('clave_producto_sat', { length: 10 }).notNull().default('70122000'),
    satUnitCode: varchar('clave_unidad_sat', { length: 5 }).notNull().default('E48'),
    /** Display order within its category. */
    order: smallint('order').notNull().default(0),
    /** Owners may book it themselves (web, chat); otherwise only staff book it. */
    onlineBookable: boolean('online_bookable').notNull().default(true),
    /** What an owner pays ahead when booking online, IVA included; 0 = none. */
    deposit: numeric('deposit', { precision: 10, scale: 2 }).notNull().default('0'),
    ...auditColumns(() => users.id),
  },
  (t) => [
    check('service_types_duration_positive', sql`${t.durationMinutes} > 0`),
    check('service_types_price_nonnegative', sql`${t.price} >= 0`),
    check('service_types_deposit_within_price', sql`${t.deposit} >= 0 and ${t.deposit} <= ${t.price}`),
  ],
);

/** Which services each staff member offers (ServiceType ↔ StaffProfile). */
export const staffServices = appointmentsSchema.table(
  'staff_services',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceTypeId: integer('service_type_id')
      .notNull()
      .references(() => serviceTypes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.serviceTypeId] })],
);

/** Weekly working hours; weekday follows the spec's convention (0 = Monday … 6 = Sunday). */
export const staffSchedules = appointmentsSchema.table(
  'staff_schedules',
  {
    id: id(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
  },
  (t) => [
    index('staff_schedules_staff_idx').on(t.staffId, t.weekday),
    check('staff_schedules_weekday', sql`${t.weekday} between 0 and 6`),
    check('staff_schedules_order', sql`${t.endTime} > ${t.startTime}`),
  ],
);

export const staffDaysOff = appointmentsSchema.table(
  'staff_days_off',
  {
    id: id(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    reason: varchar('reason', { length: 200 }).notNull().default(''),
  },
  (t) => [index('staff_days_off_idx').on(t.staffId, t.startDate), check('staff_days_off_order', sql`${t.endDate} >= ${t.startDate}`)],
);

/** Days the whole clinic is closed (holidays) beyond the weekly closed days. */
export const holidays = appointmentsSchema.table('holidays', {
  date: date('date').primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
});

/** Time nobody can book: one person's (staff_id) or the whole clinic's (null). */
export const timeBlocks = appointmentsSchema.table(
  'time_blocks',
  {
    id: id(),
    staffId: uuid('staff_id').references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    createdBy: userRef('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('time_blocks_range_idx').on(t.startsAt, t.endsAt), check('time_blocks_order', sql`${t.endsAt} > ${t.startsAt}`)],
);

export const APPOINTMENT_STATUSES = ['pending', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const CREATED_VIA = ['web', 'ai', 'phone', 'walk_in'] as const;

/**
 * A booking. Times are instants (UTC); `date` is the clinic-local day for lists and reports.
 * The migration adds an exclusion constraint: one staff member cannot hold two live appointments
 * that overlap, whatever races happen above it.
 */
export const appointments = appointmentsSchema.table(
  'appointments',
  {
    id: id(),
    ownerId: userRef('owner_id').notNull(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'restrict' }),
    serviceTypeId: integer('service_type_id')
      .notNull()
      .references(() => serviceTypes.id),
    staffId: userRef('staff_id').notNull(),
    date: date('date').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: varchar('status', { length: 20, enum: APPOINTMENT_STATUSES }).notNull().default('pending'),
    reason: varchar('reason', { length: 300 }).notNull().default(''),
    notes: text('notes').notNull().default(''),
    internalNotes: text('internal_notes').notNull().default(''),
    createdVia: varchar('created_via', { length: 20, enum: CREATED_VIA }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason').notNull().default(''),
    followUpOf: integer('follow_up_of'),
    /** Completed with a follow-up: the day the pet should come back (the owner is reminded until it is booked). */
    followUpDate: date('follow_up_date'),
    reminderSent: boolean('reminder_sent').notNull().default(false),
    /** The reminder could not reach the owner (reminders off, no channel): the front desk calls. */
    callOwner: boolean('call_owner').notNull().default(false),
    /** iCalendar SEQUENCE: raised by each move and cancellation, so calendars replace the event they hold. */
    sequence: integer('sequence').notNull().default(0),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_appointment_date_status').on(t.date, t.status),
    index('idx_appointment_owner').on(t.ownerId),
    index('idx_appointment_pet').on(t.petId),
    index('appointments_staff_time_idx').on(t.staffId, t.startsAt),
    check('appointments_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Every status change: who, when, from what to what. */
export const appointmentStatusChanges = appointmentsSchema.table(
  'appointment_status_changes',
  {
    id: id(),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    fromStatus: varchar('from_status', { length: 20 }),
    toStatus: varchar('to_status', { length: 20 }).notNull(),
    changedBy: userRef('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('appointment_status_changes_idx').on(t.appointmentId)],
);

/** A private, unguessable calendar feed URL per person (owner or staff); deleting the row revokes it. */
export const calendarFeeds = appointmentsSchema.table('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: varchar('token', { length: 64 }).notNull().unique(),
  createdAt: createdAt(),
});

export const appointmentsTables = {
  serviceCategories,
  serviceTypes,
  staffServices,
  staffSchedules,
  staffDaysOff,
  holidays,
  timeBlocks,
  appointments,
  appointmentStatusChanges,
  calendarFeeds,
};
