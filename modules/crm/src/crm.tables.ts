import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { RuleGroup } from './segments/rules';

export const crmSchema = pgSchema('crm');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ownerRef = (name = 'owner_id') => uuid(name).references(() => users.id, { onDelete: 'cascade' });

export const TIERS = ['new', 'regular', 'vip', 'premium'] as const;
export type Tier = (typeof TIERS)[number];
export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];
export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;

/** Why an owner's churn risk is what it is: the pet that drives it, in figures the page translates. */
export interface ChurnReason {
  petName: string | null;
  daysSinceVisit: number | null;
  expectedDays: number | null;
  vaccineName: string | null;
  vaccineOverdueDays: number | null;
}

/** One per owner, kept current from the events (accounts, billing, appointments, store, omnichannel). */
export const ownerProfiles = crmSchema.table(
  'owner_profiles',
  {
    id: id(),
    ownerId: ownerRef().notNull().unique(),
    name: varchar('name', { length: 120 }).notNull().default(''),
    email: varchar('email', { length: 254 }).notNull().default(''),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    alternatePhone: varchar('alternate_phone', { length: 20 }).notNull().default(''),
    address: text('address').notNull().default(''),
    /** The five-digit código postal found in the address, for segments by area. */
    postalCode: varchar('postal_code', { length: 5 }),
    preferredLanguage: varchar('preferred_language', { length: 5 }).notNull().default('es'),
    preferredChannel: varchar('preferred_channel', { length: 20, enum: CHANNELS }).notNull().default('whatsapp'),
    /** Consent to marketing (kept apart from service messages), with when and how it was given or withdrawn. */
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    marketingConsentAt: timestamp('marketing_consent_at', { withTimezone: true }),
    marketingConsentSource: varchar('marketing_consent_source', { length: 40 }),
    tier: varchar('tier', { length: 20, enum: TIERS }).notNull().default('new'),
    lifetimeValue: numeric('lifetime_value', { precision: 12, scale: 2 }).notNull().default('0.00'),
    visitCount: integer('visit_count').notNull().default(0),
    lastVisitDate: date('last_visit_date'),
    churnRisk: varchar('churn_risk', { length: 20, enum: CHURN_RISKS }),
    churnReason: jsonb('churn_reason').$type<ChurnReason>(),
    churnComputedAt: timestamp('churn_computed_at', { withTimezone: true }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    /** Name, email and phone folded for search (lower case, no accents), kept by Postgres itself. */
    searchText: text('search_text').generatedAlwaysAs(sql`core.f_unaccent(lower(name || ' ' || email || ' ' || phone))`),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('crm_profiles_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('crm_profiles_tags').using('gin', t.tags),
    index('crm_profiles_last_visit').on(t.lastVisitDate),
    index('crm_profiles_registered').on(t.registeredAt),
    check('crm_profiles_ltv_not_negative', sql`${t.lifetimeValue} >= 0`),
  ],
);

/** Staff notes on an owner; pinned ones come first. */
export const ownerNotes = crmSchema.table(
  'owner_notes',
  {
    id: id(),
    ownerId: ownerRef().notNull(),
    content: text('content').notNull(),
    isPinned: boolean('is_pinned').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('crm_notes_owner').on(t.ownerId, t.isPinned, t.createdAt)],
);

export const INTERACTION_TYPES = ['visit', 'call_in', 'call_out', 'email', 'sms', 'whatsapp', 'order'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** The timeline: visits, messages and orders land here from events (`sourceRef` keeps each once); staff log calls. */
export const ownerInteractions = crmSchema.table(
  'owner_interactions',
  {
    id: id(),
    ownerId: ownerRef().notNull(),
    petId: integer('pet_id'),
    interactionType: varchar('interaction_type', { length: 20, enum: INTERACTION_TYPES }).notNull(),
    direction: varchar('direction', { length: 10, enum: ['inbound', 'outbound'] }).notNull(),
    subject: varchar('subject', { length: 500 }).notNull().default(''),
    summary: text('summary').notNull().default(''),
    outcome: varchar('outcome', { length: 100 }).notNull().default(''),
    sentiment: varchar('sentiment', { length: 20, enum: SENTIMENTS }),
    requiresFollowUp: boolean('requires_follow_up').notNull().default(false),
    followUpDate: date('follow_up_date'),
    followUpCompleted: boolean('follow_up_completed').notNull().default(false),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    sourceRef: varchar('source_ref', { length: 60 }).unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('crm_interactions_owner').on(t.ownerId, t.occurredAt),
    index('crm_interactions_follow_up').on(t.followUpDate).where(sql`${t.requiresFollowUp} and not ${t.followUpCompleted}`),
    check('crm_follow_up_has_date', sql`not ${t.requiresFollowUp} or ${t.followUpDate} is not null`),
  ],
);

/** The CRM's copy of each pet (from vet-clinic's events, through its facts port), for segments and churn. */
export const crmPets = crmSchema.table(
  'pets',
  {
    petId: integer('pet_id').primaryKey(),
    ownerId: ownerRef().notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    species: varchar('species', { length: 20 }).notNull(),
    breed: varchar('breed', { length: 100 }).notNull().default(''),
    dateOfBirth: date('date_of_birth'),
    isActive: boolean('is_active').notNull().default(true),
    nextVaccineName: varchar('next_vaccine_name', { length: 200 }),
    nextVaccineDue: date('next_vaccine_due'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crm_pets_owner').on(t.ownerId), index('crm_pets_species').on(t.species, t.ownerId)],
);

/** Days a pet came in (clinical visits and completed appointments), one row per pet and day. */
export const petVisits = crmSchema.table(
  'pet_visits',
  {
    petId: integer('pet_id').notNull(),
    ownerId: ownerRef().notNull(),
    visitDate: date('visit_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petId, t.visitDate] }), index('crm_pet_visits_owner').on(t.ownerId, t.visitDate)],
);

/** Money in (payments) and out (refunds) per owner and day: lifetime value and spend in a period. */
export const ownerSpend = crmSchema.table(
  'owner_spend',
  {
    id: id(),
    ownerId: ownerRef().notNull(),
    /** `payment:12` or `refund:13`: each event counted once. */
    sourceRef: varchar('source_ref', { length: 40 }).notNull().unique(),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    occurredOn: date('occurred_on').notNull(),
  },
  (t) => [index('crm_spend_owner_day').on(t.ownerId, t.occurredOn)],
);

/** Paid invoices and orders: the purchase history on the profile. */
export const purchases = crmSchema.table(
  'purchases',
  {
    id: id(),
    ownerId: ownerRef().notNull(),
    kind: varchar('kind', { length: 10, enum: ['invoice', 'order'] }).notNull(),
    reference: varchar('reference', { length: 40 }).notNull(),
    total: numeric('total', { precision: 12, scale: 2 }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('crm_purchases_ref').on(t.kind, t.reference), index('crm_purchases_owner').on(t.ownerId, t.paidAt)],
);

/** A segment: rules (JSON, see segments/rules.ts) counted by a job when dynamic, or members frozen when static. */
export const customerSegments = crmSchema.table('customer_segments', {
  id: id(),
  name: varchar('name', { length: 200 }).notNull(),
  slug: varchar('slug', { length: 200 }).notNull().unique(),
  description: text('description').notNull().default(''),
  rules: jsonb('rules').$type<RuleGroup>().notNull(),
  memberCount: integer('member_count').notNull().default(0),
  lastCalculated: timestamp('last_calculated', { withTimezone: true }),
  /** How long the last count took, in milliseconds. */
  lastDurationMs: integer('last_duration_ms'),
  isDynamic: boolean('is_dynamic').notNull().default(true),
  isActive: boolean('is_active').notNull().default(true),
  /** A static segment's members, frozen at this instant. */
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const segmentMembers = crmSchema.table(
  'segment_members',
  {
    segmentId: integer('segment_id')
      .notNull()
      .references(() => customerSegments.id, { onDelete: 'cascade' }),
    ownerId: ownerRef().notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.ownerId] })],
);

export const crmTables = { ownerProfiles, ownerNotes, ownerInteractions, crmPets, petVisits, ownerSpend, purchases, customerSegments, segmentMembers };
