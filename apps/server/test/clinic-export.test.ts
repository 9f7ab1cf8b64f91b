import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS, rows } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClinic } from '../src/backup/export';
import { BOOKKEEPING_SCHEMAS, listTables } from '../src/backup/tables';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

let platform: TestPlatform;
let dir: string;
const PHOTO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 255, 0]);

beforeAll(async () => {
  platform = await createTestPlatform(modules);
  await seedDemo(platform, { owners: 6, progress: false });
  await platform.storage.put('pets/1/photo.png', PHOTO);
  dir = await mkdtemp(join(tmpdir(), 'pf-export-test-'));
});

afterAll(async () => {
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Rows of every clinic table (bookkeeping aside), as the database counts them. */
async function counts(query: (text: string) => Promise<number>, tables: { name: string }[]) {
  const out: Record<string, number> = {};
  for (const table of tables) out[table.name] = await query(`select count(*)::int as n from ${table.name}`);
  return out;
}

describe('clinic export', () => {
  it('writes a ZIP with one CSV per table, the files, and a SQL dump that loads into an empty database with the same rows', async () => {
    const out = join(dir, 'clinic.zip');
    const result = await exportClinic({ database: platform.ctx.database, storage: platform.storage, out });

    const tables = (await listTables(platform.ctx.db)).filter((t) => !BOOKKEEPING_SCHEMAS.includes(t.schema));
    const source = await counts(async (text) => (await rows<{ n: number }>(platform.ctx.db, sql.raw(text)))[0]!.n, tables);
    expect(tables.length).toBeGreaterThan(80);
    expect(source['"accounts"."users"']).toBeGreaterThan(6);
    expect(source['"billing"."invoices"']).toBeGreaterThan(0);

    const zip = await JSZip.loadAsync(await readFile(out));
    const csvRows: Record<string, number> = {};
    for (const table of tables) {
      const entry = zip.file(`tables/${table.schema}/${table.table}.csv`);
      expect(entry, table.name).not.toBeNull();
      const records: string[][] = parse(await entry!.async('string'), { relax_column_count: false });
      expect(records[0], `${table.name} header`).toEqual(table.columns);
      csvRows[table.name] = records.length - 1;
    }
    expect(csvRows).toEqual(source);
    expect(Object.fromEntries(result.manifest.tables.map((t) => [t.name, t.rows]))).toEqual(source);
    expect(new Uint8Array(await zip.file('files/pets/1/photo.png')!.async('uint8array'))).toEqual(PHOTO);

    const fresh = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    try {
      // A server's pg_dump (since 17.6 / 15.14) fences the dump with psql's \restrict meta-commands, which psql
      // reads and PGlite, a bare SQL engine, cannot: loading it as psql would, without them.
      const dump = (await zip.file('database.sql')!.async('string')).replace(/^\\(un)?restrict .*$/gm, '');
      await fresh.exec(dump);
      const loaded = await counts(async (text) => (await fresh.query<{ n: number }>(text)).rows[0]!.n, tables);
      expect(loaded).toEqual(source);
      // The dump carries the migrations' bookkeeping too, so the server starts on it without migrating anew.
      const migrated = await fresh.query<{ n: number }>('select count(*)::int as n from drizzle.migrations');
      expect(migrated.rows[0]!.n).toBeGreaterThan(10);
    } finally {
      await fresh.close();
    }
  }, 240_000);
});
