import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type Database, type FileStorage, openDatabase, pgliteOf, rows, type Tx } from '@petfriendly/core';
import type archiver from 'archiver';
import { stringify } from 'csv-stringify';
import { sql } from 'drizzle-orm';
import { BOOKKEEPING_SCHEMAS, listTables, quote, type TableInfo } from './tables';

/** Rows fetched per round trip while a table is written to its CSV. */
const BATCH_ROWS = 5000;

export const EXPORT_MANIFEST = 'manifest.json';
export const DUMP_ENTRY = 'database.sql';
export const csvEntry = (table: { schema: string; table: string }) => `tables/${table.schema}/${table.table}.csv`;

/** What an export holds, written into it as `manifest.json` (the import reads it to find the tables). */
export interface ExportManifest {
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** How `database.sql` was made: PGlite's own pg_dump (WebAssembly), or the server's `pg_dump`. */
  dump: 'pglite-tools pg_dump' | 'pg_dump';
  tables: { name: string; schema: string; table: string; file: string; columns: string[]; rows: number }[];
  files: { key: string; bytes: number }[];
}

export interface ExportOptions {
  database: Database;
  storage?: FileStorage;
  /** The ZIP file to write (written beside it and renamed at the end). */
  out: string;
  now?: Date;
}

export interface ExportResult {
  path: string;
  bytes: number;
  ms: number;
  manifest: ExportManifest;
}

/**
 * A clinic's data for the clinic to take anywhere: one CSV per table (headers are the column names,
 * values PostgreSQL's own text form, an empty field for null), every stored file, and `database.sql`,
 * a plain dump that `psql` loads into an empty database. The CSVs and the dump come from one snapshot:
 * on PGlite both read a copy of the database taken at once; on a server the CSVs' transaction exports
 * its snapshot and `pg_dump --snapshot` reads the same one. Migration and job bookkeeping (`drizzle`,
 * `pgboss`) are in the dump only.
 */
export async function exportClinic(options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  await mkdir(dirname(options.out), { recursive: true });
  const partial = `${options.out}.partial`;
  // archiver loads when an export is made, not at start.
  const { default: zip } = await import('archiver');
  const archive = zip('zip', { zlib: { level: 6 } });
  const output = createWriteStream(partial);
  archive.pipe(output);
  const failed = new Promise<never>((_, reject) => archive.on('error', reject));
  failed.catch(() => undefined);
  try {
    const manifest: ExportManifest = {
      createdAt: (options.now ?? new Date()).toISOString(),
      database: options.database.kind,
      dump: options.database.kind === 'pglite' ? 'pglite-tools pg_dump' : 'pg_dump',
      tables: [],
      files: [],
    };
    const writeTables = async (tx: Tx) => {
      for (const table of (await listTables(tx)).filter((t) => !BOOKKEEPING_SCHEMAS.includes(t.schema))) {
        manifest.tables.push({ ...table, file: csvEntry(table), rows: await writeCsv(tx, table, archive) });
      }
    };
    await Promise.race([
      failed,
      options.database.kind === 'pglite' ? fromPgliteCopy(options.database, archive, writeTables) : fromServer(options.database, archive, writeTables),
    ]);
    const storage = options.storage;
    for (const key of storage ? (await storage.list()).sort() : []) {
      const bytes = await storage!.get(key);
      if (!bytes) continue; // deleted since it was listed
      archive.append(Buffer.from(bytes), { name: `files/${key}` });
      manifest.files.push({ key, bytes: bytes.length });
    }
    archive.append(JSON.stringify(manifest, null, 1), { name: EXPORT_MANIFEST });
    await Promise.race([failed, archive.finalize()]);
    await finished(output);
    await rename(partial, options.out);
    return { path: options.out, bytes: (await stat(options.out)).size, ms: Math.round(performance.now() - started), manifest };
  } catch (error) {
    archive.abort();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** PGlite has one connection the clinic keeps using: a copy taken at once is read (and dumped) in peace. */
async function fromPgliteCopy(database: Database, archive: archiver.Archiver, writeTables: (tx: Tx) => Promise<void>) {
  const copy = await openDatabase({ loadDataDir: await pgliteOf(database).dumpDataDir('none') });
  try {
    await copy.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      await writeTables(tx);
    });
    const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
    const dump = await pgDump({ pg: pgliteOf(copy), args: ['--no-owner', '--no-privileges'] });
    archive.append(Buffer.from(await dump.arrayBuffer()), { name: DUMP_ENTRY });
  } finally {
    await copy.close();
  }
}

/** On a server, `pg_dump` reads the snapshot the CSVs' transaction exported, while that transaction is open. */
async function fromServer(database: Database, archive: archiver.Archiver, writeTables: (tx: Tx) => Promise<void>) {
  const url = database.boss.connectionString;
  if (!url) throw new Error('The server database has no connection string to give pg_dump');
  await database.db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const [snapshot] = await rows<{ id: string }>(tx, sql`select pg_export_snapshot() as id`);
      const child = spawn('pg_dump', ['--no-owner', '--no-privileges', '--inserts', `--snapshot=${snapshot!.id}`, '--dbname', url], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = exitOf(child.stdout, child);
      archive.append(child.stdout, { name: DUMP_ENTRY });
      await exited;
      await writeTables(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function exitOf(stdout: Readable, child: ReturnType<typeof spawn>): Promise<void> {
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`pg_dump could not run (is the PostgreSQL client installed?): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (${code}): ${errors.trim()}`))));
    stdout.on('error', reject);
  });
}

/** One table as CSV, read in batches through a cursor; returns its row count. */
async function writeCsv(tx: Tx, table: TableInfo, archive: archiver.Archiver): Promise<number> {
  const csv = stringify({ header: true, columns: table.columns });
  archive.append(csv, { name: csvEntry(table) });
  const select = table.columns.map((c) => `${quote(c)}::text`).join(', ');
  await tx.execute(sql.raw(`declare export_rows no scroll cursor for select ${select} from ${table.name}`));
  let count = 0;
  for (;;) {
    const batch = await rows<Record<string, string | null>>(tx, sql.raw(`fetch ${BATCH_ROWS} from export_rows`));
    if (!batch.length) break;
    for (const row of batch) if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
    count += batch.length;
  }
  await tx.execute(sql`close export_rows`);
  csv.end();
  await finished(csv);
  return count;
}
