import { bigint, boolean, integer, pgSchema, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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

/** Each export of the clinic's data an admin asked for: run as a job, downloaded from the admin while its file is kept. */
export const clinicExports = backupSchema.table('exports', {
  id: serial('id').primaryKey(),
  /** The admin who asked (an accounts user; no foreign key across modules). */
  requestedBy: uuid('requested_by').notNull(),
  status: varchar('status', { length: 10, enum: ['queued', 'running', 'done', 'failed'] })
    .notNull()
    .default('queued'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  path: text('path'),
  bytes: bigint('bytes', { mode: 'number' }),
  tables: integer('tables'),
  files: integer('files'),
  error: text('error'),
});

export const backupTables = { backupRuns, clinicExports };
