import { bigint, bigserial, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const coreSchema = pgSchema('core');

/** Positions of the outbox, given at commit. */
export const outboxPosition = coreSchema.sequence('outbox_position');

/**
 * Every domain event, written in the transaction that caused it. A deferred trigger gives it its
 * `position` as that transaction commits, under a lock held to the end of the commit: so positions follow
 * commit order, and once position N is visible every event before it is too (migration 0015).
 */
export const outbox = coreSchema.table(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: bigint('position', { mode: 'number' }),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outbox_position_unique').on(t.position), index('outbox_name_position_idx').on(t.name, t.position)],
);

/** Each event consumer's position in the outbox: every event up to it has been applied, once. */
export const eventConsumers = coreSchema.table('event_consumers', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  /** Failed attempts at the event after `position`. */
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Events a non-strict consumer gave up on after its attempts, kept for staff to look into. */
export const eventFailures = coreSchema.table(
  'event_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => outbox.id),
    position: bigint('position', { mode: 'number' }).notNull(),
    error: text('error').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_failures_consumer_idx').on(t.consumer, t.position)],
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

/**
 * Settings staff changed at run time (the clinic's name, hours, fiscal data), one row per
 * `BLOCK`/`KEY`. They override the environment, which stays the default (see `settings.ts`).
 */
export const settingOverrides = coreSchema.table(
  'settings',
  {
    block: text('block').notNull(),
    key: text('key').notNull(),
    /** JSON; null clears an optional setting. */
    value: jsonb('value'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.block, t.key] })],
);

/**
 * Who changed which clinical, price or fiscal record, when, and each changed field before and after.
 * Written by the changing module through `ctx.audit`, in the transaction that made the change.
 */
export const auditLog = coreSchema.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system (jobs, event handlers). */
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    module: text('module').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** `{ field: { before, after } }`, values as stored (decimal strings, ISO dates). */
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
  },
  (t) => [
    index('audit_log_time_idx').on(t.occurredAt),
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.occurredAt),
    index('audit_log_actor_idx').on(t.actorId, t.occurredAt),
  ],
);
