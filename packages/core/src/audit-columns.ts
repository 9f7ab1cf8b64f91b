import { type AnyPgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The spec's AuditMixin: who created and last changed a clinical or fiscal row, and when. `user` is the
 * accounts module's `users.id`, passed in because the kernel knows no module's tables.
 */
export function auditColumns(user: () => AnyPgColumn) {
  return {
    createdBy: uuid('created_by').references(user, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(user, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** What a writer sets with an insert (`created` and `updated` both) or an update (`updated` only). */
export function stamped(userId: string | null, at: Date, creating: boolean) {
  return creating ? { createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at } : { updatedBy: userId, updatedAt: at };
}
