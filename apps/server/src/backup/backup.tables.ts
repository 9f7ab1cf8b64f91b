import { bigint, boolean, pgSchema, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const backupSchema = pgSchema('backup');

/** Each backup made, nightly or by hand, with how it ended: `/health` and the dashboard read the last ones. */
export const backupRuns = backupSchema.table('runs', {
  id: serial('id').primaryKey(),
  trigger: varchar('trigger', { length: 10, enum: ['nightly', 'cli'] }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  ok: boolean('ok').notNull(),
  path: text('path'),
  bytes: bigint('bytes', { mode: 'number' }),
  error: text('error'),
});

export const backupTables = { backupRuns };
