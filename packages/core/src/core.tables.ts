import { integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

export const coreSchema = pgSchema('core');

/** Every domain event, written in the transaction that caused it. */
export const outbox = coreSchema.table(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_name_occurred_idx').on(t.name, t.occurredAt)],
);

/** One row per (event, handler) that has run to commit: what makes delivery idempotent. */
export const eventDeliveries = coreSchema.table(
  'event_deliveries',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    handler: text('handler').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.handler] })],
);

/**
 * What the local providers "sent": mail, SMS and WhatsApp messages kept for staff to read when no
 * real provider is configured (the embedded default).
 */
export const localOutbox = coreSchema.table(
  'local_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('local_outbox_recipient_idx').on(t.recipient, t.createdAt)],
);

/** Request counters of the HTTP rate limits, shared by every process on the database. */
export const rateLimits = coreSchema.table('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
});
