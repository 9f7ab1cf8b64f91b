import { IMPORTERS } from '@petfriendly/accounts';
import { type Actor, type FieldIssue, type ModuleContext, NotFoundError, parseInput, requireStaff, type StaffActor, ValidationError } from '@petfriendly/core';
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import { mappingSchema, uploadSchema } from './data-import.schemas';
import { type ImportKind, importRows, imports, type RowStatus } from './data-import.tables';
import { FIELDS, guessMapping, valuesOf } from './fields';
import { readSheet } from './read-file';
import { createRunner, type ImportDeps, type Outcome } from './runners';
import { createUndo } from './undo';

/** The queue that runs a large file in the background. */
export const RUN_IMPORT = 'data-import.run';
/** Files up to this many lines run while the manager waits; larger ones go to the queue. */
export const INLINE_ROWS = 200;
/** Lines per transaction: what one chunk created commits with the lines' outcomes and the progress. */
const CHUNK = 500;
/** Lines a dry run shows of what it would create, and of the problems it found. */
const PREVIEW = 10;

export type Import = typeof imports.$inferSelect;
export interface RunJob {
  importId: number;
  actor: StaffActor;
}

export function createImportService(ctx: ModuleContext, deps: ImportDeps) {
  const { db } = ctx;

  async function load(id: number): Promise<Import> {
    const [row] = await db.select().from(imports).where(eq(imports.id, id));
    if (!row) throw new NotFoundError('data_import.not_found', `Import ${id} not found.`);
    return row;
  }

  /** Reads the file, guesses which column holds each of our fields, and keeps its lines until the import runs. */
  async function upload(actor: Actor, input: unknown): Promise<Import> {
    const staff = requireStaff(actor, IMPORTERS);
    const { kind, fileName, bytes } = parseInput(uploadSchema, input);
    const sheet = await readSheet(fileName, bytes);
    return db.transaction(async (tx) => {
      const [created] = await tx
        .insert(imports)
        .values({ kind, fileName, headers: sheet.headers, mapping: guessMapping(kind, sheet.headers), total: sheet.rows.length, createdBy: staff.userId })
        .returning();
      for (let i = 0; i < sheet.rows.length; i += 1000) {
        await tx.insert(importRows).values(sheet.rows.slice(i, i + 1000).map((r) => ({ importId: created!.id, rowNumber: r.line, cells: r.cells })));
      }
      return created!;
    });
  }

  /** An import with how many of its lines were created, were duplicates, failed, were undone or kept. */
  async function getImport(actor: Actor, id: number) {
    requireStaff(actor, IMPORTERS);
    const found = await load(id);
    const tally = await db.select({ status: importRows.status, n: count() }).from(importRows).where(eq(importRows.importId, id)).groupBy(importRows.status);
    const counts = Object.fromEntries(tally.map((t) => [t.status, t.n])) as Partial<Record<RowStatus, number>>;
    return { ...found, counts };
  }

  async function listImports(actor: Actor) {
    requireStaff(actor, IMPORTERS);
    return db.select().from(imports).orderBy(desc(imports.createdAt), desc(imports.id)).limit(50);
  }

  /** Keeps the manager's choice of column per field; every required field needs one. */
  async function setMapping(actor: Actor, id: number, input: unknown): Promise<Import> {
    requireStaff(actor, IMPORTERS);
    const found = await load(id);
    if (found.status !== 'uploaded') throw ValidationError.forField('data_import.already_run', 'mapping', 'This import has already run.');
    const chosen = parseInput(mappingSchema, input);
    const mapping: Record<string, number> = {};
    for (const field of FIELDS[found.kind]) {
      const column = chosen[field.name];
      if (column === undefined || column === null) continue;
      if (column >= found.headers.length) throw ValidationError.forField('data_import.no_such_column', field.name, 'The file has no such column.');
      mapping[field.name] = column;
    }
    const [updated] = await db.update(imports).set({ mapping }).where(eq(imports.id, id)).returning();
    return updated!;
  }

  function requireMapped(found: Import) {
    const missing = FIELDS[found.kind].filter((f) => f.required && found.mapping[f.name] === undefined);
    if (missing.length > 0) {
      throw new ValidationError(
        'data_import.field_unmapped',
        `Choose a column for: ${missing.map((f) => f.name).join(', ')}.`,
        missing.map((f) => ({ field: f.name, key: 'data_import.field_unmapped', message: 'Choose the column that holds it.' })),
      );
    }
  }

  /** What the import would do, line by line, without writing anything: counts, the first lines it would create, the first problems. */
  async function dryRun(actor: Actor, id: number) {
    const staff = requireStaff(actor, IMPORTERS);
    const found = await load(id);
    requireMapped(found);
    const run = createRunner(found.kind, deps, staff, true, ctx.clinic.TIME_ZONE);
    const counts = { created: 0, duplicate: 0, failed: 0 };
    const toCreate: { line: number; values: Record<string, string> }[] = [];
    const problems: { line: number; status: 'duplicate' | 'failed'; errors: FieldIssue[] }[] = [];
    let after = 0;
    for (;;) {
      const chunk = await rowsAfter(id, after, found.mapping, false);
      if (chunk.length === 0) break;
      const outcomes = await run(chunk);
      for (const [i, o] of outcomes.entries()) {
        counts[o.status]++;
        if (o.status === 'created' && toCreate.length < PREVIEW) toCreate.push(chunk[i]!);
        if (o.status !== 'created' && problems.length < PREVIEW) problems.push({ line: chunk[i]!.line, status: o.status, errors: o.errors });
      }
      after = chunk.at(-1)!.line;
    }
    return { counts, toCreate, problems };
  }

  /** Lines after `after`, mapped to our fields; only those still pending when the import runs. */
  async function rowsAfter(id: number, after: number, mapping: Record<string, number>, pendingOnly: boolean) {
    const rows = await db
      .select({ line: importRows.rowNumber, cells: importRows.cells })
      .from(importRows)
      .where(and(eq(importRows.importId, id), gt(importRows.rowNumber, after), pendingOnly ? eq(importRows.status, 'pending') : undefined))
      .orderBy(asc(importRows.rowNumber))
      .limit(CHUNK);
    return rows.map((r) => ({ line: r.line, values: valuesOf(r.cells, mapping) }));
  }

  /** Starts the import: a small file at once, a large one on the queue (the page follows its progress). */
  async function start(actor: Actor, id: number): Promise<Import> {
    const staff = requireStaff(actor, IMPORTERS);
    const found = await load(id);
    requireMapped(found);
    const [claimed] = await db
      .update(imports)
      .set({ status: 'queued' })
      .where(and(eq(imports.id, id), eq(imports.status, 'uploaded')))
      .returning();
    if (!claimed) throw ValidationError.forField('data_import.already_run', 'mapping', 'This import has already run.');
    if (found.total <= INLINE_ROWS) await runImport({ importId: id, actor: staff });
    else await ctx.jobs.send(RUN_IMPORT, { importId: id, actor: staff } satisfies RunJob, { singletonKey: `import-${id}` });
    return load(id);
  }

  /** Works through the pending lines a chunk per transaction; a retried job carries on where the last left off. */
  async function runImport({ importId, actor }: RunJob): Promise<void> {
    const found = await load(importId);
    if (found.status !== 'queued' && found.status !== 'running') return;
    await db.update(imports).set({ status: 'running' }).where(eq(imports.id, importId));
    const run = createRunner(found.kind, deps, actor, false, ctx.clinic.TIME_ZONE);
    let after = 0;
    for (;;) {
      const chunk = await rowsAfter(importId, after, found.mapping, true);
      if (chunk.length === 0) break;
      await db.transaction(async () => {
        const outcomes = await run(chunk);
        await recordOutcomes(
          importId,
          chunk.map((r, i) => ({ line: r.line, outcome: outcomes[i]! })),
        );
        await db
          .update(imports)
          .set({ processed: sql`${imports.processed} + ${chunk.length}` })
          .where(eq(imports.id, importId));
      });
      after = chunk.at(-1)!.line;
    }
    await db.update(imports).set({ status: 'done', finishedAt: ctx.clock.now() }).where(eq(imports.id, importId));
  }

  /** One statement per chunk: each line's status, entity and errors. */
  async function recordOutcomes(importId: number, results: { line: number; outcome: Outcome }[]) {
    const values = results.map(
      ({ line, outcome: o }) =>
        sql`(${line}::int, ${o.status}::varchar, ${'entityId' in o ? o.entityId : null}::text, ${JSON.stringify('errors' in o ? o.errors : [])}::jsonb)`,
    );
    await db.execute(sql`
      update ${importRows} set status = v.status, entity_id = v.entity_id, errors = v.errors
      from (values ${sql.join(values, sql`, `)}) as v(line, status, entity_id, errors)
      where ${importRows.importId} = ${importId} and ${importRows.rowNumber} = v.line`);
  }

  /** The lines that failed or were duplicates, with their errors, for the report. */
  async function problemRows(actor: Actor, id: number, limit = 10_000) {
    requireStaff(actor, IMPORTERS);
    const found = await load(id);
    const rows = await db
      .select({ line: importRows.rowNumber, status: importRows.status, errors: importRows.errors })
      .from(importRows)
      .where(and(eq(importRows.importId, id), sql`${importRows.status} in ('failed', 'duplicate', 'kept')`))
      .orderBy(asc(importRows.rowNumber))
      .limit(limit);
    return { import: found, rows };
  }

  const undo = createUndo(ctx, deps, load);
  return { upload, getImport, listImports, setMapping, dryRun, start, runImport, problemRows, undo: undo.undo };
}

export type ImportService = ReturnType<typeof createImportService>;
export type { ImportKind };
