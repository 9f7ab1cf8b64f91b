import { users } from '@petfriendly/accounts/tables';
import { date, index, integer, pgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const privacySchema = pgSchema('privacy');

/** The ARCO rights an owner exercises (LFPDPPP art. 22): access, rectification, cancellation, opposition. */
export const REQUEST_KINDS = ['access', 'rectification', 'cancellation', 'opposition'] as const;
export const REQUEST_STATUSES = ['pending', 'done', 'rejected'] as const;

/**
 * Each request an owner made, when the clinic must answer (20 business days, LFPDPPP art. 32), who
 * answered and how. Kept after a cancellation: it is the clinic's proof it complied.
 */
export const requests = privacySchema.table(
  'requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    kind: varchar('kind', { length: 20, enum: REQUEST_KINDS }).notNull(),
    details: text('details').notNull().default(''),
    status: varchar('status', { length: 10, enum: REQUEST_STATUSES }).notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueBy: date('due_by').notNull(),
    handledBy: uuid('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    outcome: text('outcome').notNull().default(''),
  },
  (t) => [index('privacy_requests_owner').on(t.ownerId, t.requestedAt), index('privacy_requests_open').on(t.status, t.dueBy)],
);

export const privacyTables = { requests };
