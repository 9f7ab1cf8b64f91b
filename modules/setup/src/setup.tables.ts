import { pgSchema, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const setupSchema = pgSchema('setup');

export const SETUP_STEPS = ['admin', 'clinic', 'fiscal', 'csd', 'staff', 'services', 'categories'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/**
 * First-run setup, step by step: a row once a step is done or skipped, so the admin can leave and
 * come back. The `admin` row is claimed before the first admin is created: only one can be.
 */
export const setupSteps = setupSchema.table('steps', {
  step: varchar('step', { length: 20, enum: SETUP_STEPS }).primaryKey(),
  outcome: varchar('outcome', { length: 10, enum: ['done', 'skipped'] }).notNull(),
  byUser: uuid('by_user'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const setupTables = { setupSteps };
