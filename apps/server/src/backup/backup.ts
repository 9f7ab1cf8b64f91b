import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Database, type FileStorage, rows, type Tx } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import serverPackage from '../../package.json' with { type: 'json' };
import { encryptor } from './encryption';
import { backupFileName, fileEntry, MANIFEST_ENTRY, MANIFEST_FORMAT, type Manifest, tableEntry } from './manifest';
import { listTables, sequenceValues, sumTable } from './tables';

/** Rows per archive entry: a tar entry's size is written before its bytes, so a chunk is held in memory. */
const CHUNK_ROWS = 5000;

export interface BackupOptions {
  database: Database;
  /** The stored files; without it the archive holds the database only (moving to a server). */
  storage?: FileStorage;
  /** The folder the archive is written to. */
  dir: string;
  passphrase?: string;
  now?: Date;
}

export interface BackupResult {
  path: string;
  bytes: number;
  ms: number;
  manifest: Manifest;
}

/**
 * One compressed archive of every table and every stored file. The tables are read in one
 * repeatable-read transaction, so they agree with each other while the clinic goes on writing (on
 * PGlite, whose single connection the transaction holds, other queries wait until it ends). Files are
 * read after it, so every file the rows name is there. Written beside its final name and renamed at the end.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const createdAt = options.now ?? new Date();
  await mkdir(options.dir, { recursive: true });
  const path = join(options.dir, backupFileName(createdAt, Boolean(options.passphrase)));
  const partial = `${path}.partial`;
  const pack = tar.pack();
  const add = (name: string, data: Buffer) =>
    new Promise<void>((resolve, reject) => pack.entry({ name, size: data.length, mtime: createdAt }, data, (error) => (error ? reject(error) : resolve())));
  const output = createWriteStream(partial);
  const written = options.passphrase ? pipeline(pack, createGzip(), await encryptor(options.passphrase), output) : pipeline(pack, createGzip(), output);
  try {
    const database = await options.database.db.transaction((tx) => snapshot(tx, add), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    const files: Manifest['files'] = [];
    const storage = options.storage;
    for (const key of storage ? (await storage.list()).sort() : []) {
      const bytes = await storage!.get(key);
      if (!bytes) continue; // deleted since it was listed
      const data = Buffer.from(bytes);
      await add(fileEntry(key), data);
      files.push({ key, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: serverPackage.version,
      createdAt: createdAt.toISOString(),
      database: options.database.kind,
      ...database,
      files,
    };
    await add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 1)));
    pack.finalize();
    await written;
    await rename(partial, path);
    return { path, bytes: (await stat(path)).size, ms: Math.round(performance.now() - started), manifest };
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

async function snapshot(tx: Tx, add: (name: string, data: Buffer) => Promise<void>): Promise<Pick<Manifest, 'migrations' | 'tables' | 'sequences'>> {
  // Timestamps in the rows' JSON (and so the checksums) must not depend on the session's time zone.
  await tx.execute(sql`set local timezone = 'UTC'`);
  const [level] = await rows<{ n: string }>(tx, sql`select count(*) as n from drizzle.migrations`);
  const tables: Manifest['tables'] = [];
  for (const table of await listTables(tx)) {
    const sum = await sumTable(tx, table);
    let chunks = 0;
    await tx.execute(sql.raw(`declare backup_rows no scroll cursor for select row_to_json(t)::text as line from ${table.name} t`));
    for (;;) {
      const batch = await rows<{ line: string }>(tx, sql.raw(`fetch ${CHUNK_ROWS} from backup_rows`));
      if (!batch.length) break;
      await add(tableEntry(table, chunks++), Buffer.from(batch.map((r) => r.line).join('\n')));
    }
    await tx.execute(sql`close backup_rows`);
    tables.push({ ...table, ...sum, chunks });
  }
  return { migrations: Number(level!.n), tables, sequences: await sequenceValues(tx) };
}
