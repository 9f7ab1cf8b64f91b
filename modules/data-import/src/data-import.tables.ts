import type { FieldIssue } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const dataImport = pgSchema('data_import');

/** What one file brings in: one kind of record per file, as another practice system exports them. */
export const IMPORT_KINDS = ['owners', 'pets', 'vaccinations', 'visits', 'products', 'stock'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A file brought in: its headers, the mapping chosen (our field → column), progress and the outcome. */
export const imports = dataImport.table(
  'imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 20, enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Our field → the column (index into `headers`) it comes from. */
    mapping: jsonb('mapping').$type<Record<string, number>>().notNull(),
    status: varchar('status', { length: 10, enum: IMPORT_STATUSES }).notNull().default('uploaded'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [check('imports_processed_in_range', sql`${t.processed} between 0 and ${t.total}`)],
);

export const ROW_STATUSES = ['pending', 'created', 'duplicate', 'failed', 'undone', 'kept'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/**
 * One line of the file (its number as a spreadsheet shows it, the header being line 1), its cells, and what
 * became of it: the entity created (kind and id, in the owning module) or the existing one it duplicates, or its errors.
 */
export const importRows = dataImport.table(
  'import_rows',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    status: varchar('status', { length: 10, enum: ROW_STATUSES }).notNull().default('pending'),
    entityId: text('entity_id'),
    errors: jsonb('errors').$type<FieldIssue[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index('import_rows_status_idx').on(t.importId, t.status)],
);

export const dataImportTables = { imports, importRows };
