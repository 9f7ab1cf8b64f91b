import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type Database, type FileStorage, JobQueue, type Tx } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import { decryptedStream, isEncrypted } from './encryption';
import { fileEntry, MANIFEST_ENTRY, MANIFEST_FORMAT, type Manifest, tableEntry } from './manifest';
import { migrateTo } from './migrate-to';
import { holdsData, listTables, sumTable } from './tables';

export interface RestoreOptions {
  file: string;
  database: Database;
  /** Where the files go; without it only the database is loaded (moving to a server: the files stay where they are). */
  storage?: FileStorage;
  migrationsDir: string;
  passphrase?: string;
  /** Overwrite a database that holds a clinic, and drop stored files the backup does not have. */
  force?: boolean;
}

export class RestoreError extends Error {}

/**
 * Loads a backup into an empty database (refusing one that holds data unless forced): migrates it to the
 * backup's level, loads every table in one transaction with triggers and foreign keys held off
 * (`session_replication_role = replica`), sets the sequences, and commits only if every table's row count
 * and checksum equal the manifest's. Then the files, each checked against its sha256.
 */
export async function restoreBackup(options: RestoreOptions): Promise<{ manifest: Manifest; ms: number }> {
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'pf-restore-'));
  try {
    await extract(await archiveBytes(options.file, options.passphrase), work);
    const manifest = JSON.parse(await readFile(join(work, MANIFEST_ENTRY), 'utf8')) as Manifest;
    if (manifest.format !== MANIFEST_FORMAT) throw new RestoreError(`Unknown backup format ${manifest.format}`);
    const { database } = options;
    if (!options.force && (await holdsData(database.db)))
      throw new RestoreError(`The database (${database.label}) already holds a clinic; restore into an empty one, or pass --force to replace it.`);
    await migrateTo(database, options.migrationsDir, manifest.migrations);
    const jobs = new JobQueue(database, 'UTC');
    await jobs.start();
    await jobs.stop();
    await database.db.transaction((tx) => load(tx, manifest, work));
    if (options.storage) await restoreFiles(options.storage, manifest, work, options.force ?? false);
    return { manifest, ms: Math.round(performance.now() - started) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function archiveBytes(file: string, passphrase: string | undefined): Promise<Readable> {
  if (!(await isEncrypted(file))) return createReadStream(file);
  if (!passphrase) throw new RestoreError(`${file} is encrypted: give its passphrase (--passphrase-env NAME_OF_VARIABLE).`);
  return decryptedStream(file, passphrase);
}

/** Unpacks the whole archive first: an encrypted one is authenticated only at its last byte, before anything is loaded. */
async function extract(source: Readable, into: string): Promise<void> {
  const unpack = tar.extract();
  const entries = (async () => {
    for await (const entry of unpack) {
      const name = normalize(entry.header.name);
      if (name.startsWith('..') || name.startsWith('/')) throw new RestoreError(`Unsafe path in the archive: ${entry.header.name}`);
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      await mkdir(dirname(join(into, name)), { recursive: true });
      await writeFile(join(into, name), Buffer.concat(chunks));
    }
  })();
  await Promise.all([pipeline(source, createGunzip(), unpack), entries]).catch((error: Error) => {
    throw new RestoreError(`The backup cannot be read (wrong passphrase, or damaged): ${error.message}`);
  });
}

async function load(tx: Tx, manifest: Manifest, work: string): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  try {
    await tx.transaction((sp) => sp.execute(sql`set local session_replication_role = replica`));
  } catch {
    throw new RestoreError(
      'Restoring needs to hold off foreign keys and triggers while loading: run it as a superuser, or GRANT SET ON PARAMETER session_replication_role to this user.',
    );
  }
  const present = new Map((await listTables(tx)).map((t) => [t.name, t]));
  const missing = manifest.tables.filter((t) => !present.has(t.name)).map((t) => t.name);
  if (missing.length)
    throw new RestoreError(`This version has no table ${missing.join(', ')}; restore with the version that made the backup (${manifest.version}).`);
  await tx.execute(sql.raw(`truncate ${manifest.tables.map((t) => t.name).join(', ')} restart identity cascade`));
  for (const table of manifest.tables) {
    const stored = new Set(present.get(table.name)!.columns);
    const columns = table.columns.filter((c) => stored.has(c)).map((c) => `"${c.replaceAll('"', '""')}"`);
    const list = columns.join(', ');
    for (let chunk = 0; chunk < table.chunks; chunk++) {
      const lines = await readFile(join(work, tableEntry(table, chunk)), 'utf8');
      await tx.execute(
        sql`insert into ${sql.raw(`${table.name} (${list})`)} overriding system value
            select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(table.name)}, ${`[${lines.split('\n').join(',')}]`}::json)`,
      );
    }
  }
  for (const sequence of manifest.sequences) if (sequence.value !== null) await tx.execute(sql`select setval(${sequence.name}, ${sequence.value}::bigint)`);
  const wrong: string[] = [];
  for (const table of manifest.tables) {
    const sum = await sumTable(tx, table);
    if (sum.rows !== table.rows || sum.checksum !== table.checksum) wrong.push(`${table.name} (${sum.rows} rows, ${table.rows} in the backup)`);
  }
  if (wrong.length) throw new RestoreError(`After loading, these tables differ from the backup, so nothing was kept: ${wrong.join('; ')}`);
}

async function restoreFiles(storage: FileStorage, manifest: Manifest, work: string, force: boolean): Promise<void> {
  if (force) {
    const keep = new Set(manifest.files.map((f) => f.key));
    for (const key of await storage.list()) if (!keep.has(key)) await storage.delete(key);
  }
  for (const file of manifest.files) {
    const bytes = await readFile(join(work, fileEntry(file.key)));
    await storage.put(file.key, bytes);
    const back = await storage.get(file.key);
    if (!back || createHash('sha256').update(back).digest('hex') !== file.sha256)
      throw new RestoreError(`The stored file ${file.key} does not match the backup`);
  }
}
