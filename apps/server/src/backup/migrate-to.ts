import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrateDatabase } from '@petfriendly/core';

/**
 * Applies the first `level` migrations: a backup is loaded into the schema it was taken from, and the
 * next start brings it up to date as it would the original. A backup from a newer version is refused.
 */
export async function migrateTo(database: Database, folder: string, level: number): Promise<void> {
  const journal = JSON.parse(await readFile(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  if (level > journal.entries.length)
    throw new Error(`The backup has ${level} migrations applied and this version knows ${journal.entries.length}: restore it with a newer version.`);
  if (level === journal.entries.length) return migrateDatabase(database, folder);
  const partial = await mkdtemp(join(tmpdir(), 'pf-migrations-'));
  try {
    await cp(folder, partial, { recursive: true });
    await writeFile(join(partial, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, level) }));
    await migrateDatabase(database, partial);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}
