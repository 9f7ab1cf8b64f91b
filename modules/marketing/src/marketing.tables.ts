import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const marketingSchema = pgSchema('marketing');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ownerRef = (name = 'owner_id') => uuid(name).references(() => users.id, { onDelete: 'cascade' });

export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LANGUAGES = ['es', 'en', 'de', 'fr', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const RECIPIENT_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'opened', 'clicked', 'skipped'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];
/** The last four are numbers a provider reported gone for good (an invalid or landline number, an opt-out with the carrier or WhatsApp). */
export const SUPPRESSION_REASONS = [
  'unsubscribe',
  'hard_bounce',
  'complaint',
  'stop_reply',
  'invalid_number',
  'not_mobile',
  'opted_out',
  'undeliverable',
] as const;

/** A campaign's text in one language; `{{owner}}`, `{{pets}}`, `{{vaccine}}`, `{{link}}` are filled per owner. */
export interface CampaignContent {
  subject: string;
  /** Email: the HTML body (mustache, escaped); empty means the text body as paragraphs. */
  html: string;
  /** Email text part, and the SMS / WhatsApp text. */
  text: string;
  /** WhatsApp outside the 24-hour window: the approved template and its parameters (mustache each). */
  whatsappTemplate: string;
  whatsappParams: string[];
}

/** Messages per minute on each channel. */
export type Rates = Record<Channel, number>;

/** A message to a segment, written per language and sent on each owner's channel (or one fixed channel). */
export const campaigns = marketingSchema.table('campaigns', {
  id: id(),
  name: varchar('name', { length: 200 }).notNull(),
  segmentId: integer('segment_id'),
  /** `preferred`: each owner's own channel; otherwise every message on this one. */
  channel: varchar('channel', { length: 20, enum: ['preferred', ...CHANNELS] })
    .notNull()
    .default('preferred'),
  content: jsonb('content').$type<Partial<Record<Language, CampaignContent>>>().notNull(),
  status: varchar('status', { length: 20, enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  rates: jsonb('rates').$type<Rates>().notNull(),
  /** Bookings and purchases within this many days of the message count for the campaign. */
  attributionDays: integer('attribution_days').notNull().default(14),
  queuedAt: timestamp('queued_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per owner and campaign: UNIQUE(campaign, owner) means queueing twice adds no one, and a row
 * leaves `queued` in the same transaction that queues its message, so a restart never sends twice.
 */
export const campaignRecipients = marketingSchema.table(
  'campaign_recipients',
  {
    id: id(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    ownerId: ownerRef().notNull(),
    channel: varchar('channel', { length: 20, enum: CHANNELS }).notNull(),
    address: varchar('address', { length: 254 }).notNull(),
    language: varchar('language', { length: 5 }).notNull(),
    state: varchar('state', { length: 20, enum: RECIPIENT_STATES }).notNull().default('queued'),
    /** The omnichannel message, once queued there. */
    messageId: integer('message_id'),
    error: text('error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    /** The first click on a link of the mail, and how many clicks in all (through `/m/c/:token`). */
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    clickCount: integer('click_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique('campaign_recipients_once').on(t.campaignId, t.ownerId),
    index('campaign_recipients_queue').on(t.campaignId, t.channel, t.id).where(sql`${t.state} = 'queued'`),
    index('campaign_recipients_message').on(t.messageId),
    index('campaign_recipients_owner').on(t.ownerId, t.sentAt),
  ],
);

/** Addresses never written to again for marketing on a channel (an unsubscribe, a bounce, a complaint, STOP). */
export const suppressions = marketingSchema.table(
  'suppressions',
  {
    channel: varchar('channel', { length: 20, enum: CHANNELS }).notNull(),
    /** Lower-case email, or E.164 phone. */
    address: varchar('address', { length: 254 }).notNull(),
    reason: varchar('reason', { length: 20, enum: SUPPRESSION_REASONS }).notNull(),
    ownerId: ownerRef(),
    campaignId: integer('campaign_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] })],
);

/**
 * Every change of an owner's marketing consent, as LFPDPPP asks (what, when, how). The current state
 * is the CRM profile's (what segments select on); this is its history.
 */
export const consentLog = marketingSchema.table(
  'consent_log',
  {
    id: id(),
    ownerId: ownerRef().notNull(),
    granted: boolean('granted').notNull(),
    source: varchar('source', { length: 40 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_log_owner').on(t.ownerId, t.at)],
);

/** A booking or purchase an owner made within a campaign's window after its message: the campaign's results. */
export const attributions = marketingSchema.table(
  'attributions',
  {
    id: id(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    ownerId: ownerRef().notNull(),
    kind: varchar('kind', { length: 20, enum: ['booking', 'order', 'invoice'] }).notNull(),
    /** `appointment:12`, `order:7`, `invoice:A-12`: each counted once per campaign. */
    sourceRef: varchar('source_ref', { length: 60 }).notNull(),
    amount: numeric('amount', { precision: 12, scale: 2 }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('attributions_once').on(t.campaignId, t.sourceRef), index('attributions_campaign').on(t.campaignId, t.kind)],
);

/** One step of a sequence: wait this long after the previous one, then send this. */
export interface SequenceStep {
  waitDays: number;
  content: Partial<Record<Language, CampaignContent>>;
}

export const SEQUENCE_KEYS = ['lapsed_winback', 'vaccine_overdue', 'pet_birthday', 'new_owner_welcome', 'declined_service'] as const;
export type SequenceKey = (typeof SEQUENCE_KEYS)[number];

/** Messages in steps with waits, to owners who enter by a trigger, stopped when the pet is booked. */
export const sequences = marketingSchema.table('sequences', {
  id: id(),
  key: varchar('key', { length: 40, enum: SEQUENCE_KEYS }).notNull().unique(),
  isActive: boolean('is_active').notNull().default(false),
  steps: jsonb('steps').$type<SequenceStep[]>().notNull(),
  /** Stop an owner's (or pet's) run when they book. */
  stopOnBooking: boolean('stop_on_booking').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ENROLMENT_STATES = ['active', 'stopped', 'completed'] as const;

/** An owner (and pet, when the trigger is about one) going through a sequence; `petId` 0 when it is about the owner. */
export const enrolments = marketingSchema.table(
  'enrolments',
  {
    id: id(),
    sequenceId: integer('sequence_id')
      .notNull()
      .references(() => sequences.id, { onDelete: 'cascade' }),
    ownerId: ownerRef().notNull(),
    petId: integer('pet_id').notNull().default(0),
    /** What the trigger was about, for the texts' `{{service}}`: the service declined at a visit. */
    detail: varchar('detail', { length: 200 }),
    /** The next step to send (0-based). */
    step: integer('step').notNull().default(0),
    nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
    state: varchar('state', { length: 20, enum: ENROLMENT_STATES }).notNull().default('active'),
    stopReason: varchar('stop_reason', { length: 40 }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A trigger seen again (every night for a lapsed pet) does not enrol twice while a run is going on.
    uniqueIndex('enrolments_one_active').on(t.sequenceId, t.ownerId, t.petId).where(sql`${t.state} = 'active'`),
    index('enrolments_owner').on(t.sequenceId, t.ownerId, t.petId, t.enrolledAt),
    index('enrolments_due').on(t.nextAt).where(sql`${t.state} = 'active'`),
    check('enrolments_step_not_negative', sql`${t.step} >= 0`),
  ],
);

/** Bookings seen from appointments' events: a sequence's stop condition. */
export const bookings = marketingSchema.table(
  'bookings',
  {
    appointmentId: integer('appointment_id').primaryKey(),
    ownerId: ownerRef().notNull(),
    petId: integer('pet_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('bookings_owner').on(t.ownerId, t.at)],
);

export const marketingTables = { campaigns, campaignRecipients, suppressions, consentLog, attributions, sequences, enrolments, bookings };
