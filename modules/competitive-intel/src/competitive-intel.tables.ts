import { serviceTypes } from '@petfriendly/appointments/tables';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, pgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const competitiveIntelSchema = pgSchema('competitive_intel');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Another clinic the managers watch: where it is, what it offers, and the IP ranges staff declared for it. */
export const competitors = competitiveIntelSchema.table('competitors', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: varchar('name', { length: 200 }).notNull(),
  address: text('address').notNull().default(''),
  latitude: numeric('latitude', { precision: 9, scale: 6 }),
  longitude: numeric('longitude', { precision: 9, scale: 6 }),
  website: varchar('website', { length: 300 }).notNull().default(''),
  phone: varchar('phone', { length: 30 }).notNull().default(''),
  /** What they offer, as they name it ("Estética canina", "Hospitalización 24 h"). */
  servicesOffered: text('services_offered').array().notNull().default(sql`'{}'::text[]`),
  openingHours: text('opening_hours').notNull().default(''),
  notes: text('notes').notNull().default(''),
  /** CIDR ranges (`201.141.0.0/16`, `2806:10a0::/32`), checked and normalized when saved. */
  ipRanges: text('ip_ranges').array().notNull().default(sql`'{}'::text[]`),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const PRICE_SOURCES = ['website', 'phone_call', 'visit', 'mystery_shopper'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/** A competitor's price for something on a day: one of our service types, or what they call it (a product, a package). */
export const pricingRecords = competitiveIntelSchema.table(
  'pricing_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitorId: integer('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    /** Our service it compares with; null for a product or a service we do not offer. */
    serviceTypeId: integer('service_type_id').references(() => serviceTypes.id, { onDelete: 'set null' }),
    /** What the competitor calls it. */
    item: varchar('item', { length: 200 }).notNull(),
    /** Their price as a customer pays it, IVA included. */
    price: numeric('price', { precision: 10, scale: 2 }).notNull(),
    source: varchar('source', { length: 20, enum: PRICE_SOURCES }).notNull(),
    observedOn: date('observed_on').notNull(),
    loggedBy: uuid('logged_by'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    check('pricing_records_price_nonnegative', sql`${t.price} >= 0`),
    index('idx_pricing_service_day').on(t.serviceTypeId, t.observedOn),
    index('idx_pricing_competitor_day').on(t.competitorId, t.observedOn),
  ],
);

/**
 * A page of the public website seen. The address is kept only as its network (/24 for IPv4, /48 for
 * IPv6), never in full; a visit from a range a competitor declared keeps that competitor's id.
 */
export const visits = competitiveIntelSchema.table(
  'visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    path: varchar('path', { length: 300 }).notNull(),
    network: varchar('network', { length: 50 }).notNull(),
    competitorId: integer('competitor_id').references(() => competitors.id, { onDelete: 'set null' }),
    userAgent: varchar('user_agent', { length: 200 }).notNull().default(''),
  },
  (t) => [index('idx_visits_at').on(t.at), index('idx_visits_competitor_at').on(t.competitorId, t.at)],
);

/**
 * The model's written summary of the insights, one per language, with a hash of the facts it was written
 * from: a summary whose facts changed is not shown. Kept here so every process serves the same one.
 */
export const insightSummaries = competitiveIntelSchema.table('insight_summaries', {
  language: varchar('language', { length: 10 }).primaryKey(),
  factsHash: varchar('facts_hash', { length: 64 }).notNull(),
  text: text('text').notNull(),
  writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
});

export const competitiveIntelTables = { competitors, pricingRecords, visits, insightSummaries };
