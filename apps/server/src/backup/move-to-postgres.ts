import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrateDatabase, openDatabase } from '@petfriendly/core';
import { createBackup } from './backup';
import { restoreBackup } from './restore';

/**
 * Copies an embedded (PGlite) clinic into an empty PostgreSQL database: the clinic is brought to the
 * current schema, backed up (database only) and restored there, which migrates the server first, loads
 * every table, sets the sequences and checks every table's rows and checksum. The stored files stay in
 * DATA_DIR/files, which the server-backed processes keep using.
 */
export async function moveToPostgres(source: Database, url: string, migrationsDir: string): Promise<{ tables: number; rows: number; ms: number }> {
  const started = performance.now();
  await migrateDatabase(source, migrationsDir);
  const work = await mkdtemp(join(tmpdir(), 'pf-move-'));
  const target = await openDatabase({ url, poolSize: 2 });
  try {
    const backup = await createBackup({ database: source, dir: work });
    const { manifest } = await restoreBackup({ file: backup.path, database: target, migrationsDir });
    return { tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), ms: Math.round(performance.now() - started) };
  } finally {
    await target.close();
    await rm(work, { recursive: true, force: true });
  }
}
