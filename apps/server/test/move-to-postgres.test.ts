import { randomBytes } from 'node:crypto';
import { type Database, openDatabase, rows } from '@petfriendly/core';
import { adminQuery, createTestPlatform, serverReachable, type TestPlatform, withDatabase } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveToPostgres } from '../src/backup/move-to-postgres';
import { listTables, sumTable } from '../src/backup/tables';
import { MIGRATIONS_DIR } from '../src/boot';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

/** The PostgreSQL server to move to: CI's test server, or the local one; the test is skipped without one. */
const SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await serverReachable(SERVER);

async function sums(database: Database) {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const table of await listTables(tx)) out[table.name] = await sumTable(tx, table);
    return out;
  });
}

describe.skipIf(!reachable)('move-to-postgres', () => {
  const name = `ops_move_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  let platform: TestPlatform;

  beforeAll(async () => {
    await adminQuery(SERVER, `create database ${name}`);
    platform = await createTestPlatform(modules);
    await seedDemo(platform, { owners: 6, progress: false });
  });

  afterAll(async () => {
    await platform?.close();
    await adminQuery(SERVER, `drop database if exists ${name} with (force)`);
  });

  it('copies every table into an empty server database, with its sequences, and refuses one that holds a clinic', async () => {
    const moved = await moveToPostgres(platform.ctx.database, url, MIGRATIONS_DIR);
    expect(moved.rows).toBeGreaterThan(500);

    const target = await openDatabase({ url, poolSize: 2 });
    try {
      const before = await sums(platform.ctx.database);
      const after = await sums(target);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      // pg-boss's own bookkeeping moves on in the running source; every clinic table must be equal.
      for (const table of Object.keys(before).filter((t) => !t.startsWith('"pgboss"'))) expect({ table, ...after[table] }).toEqual({ table, ...before[table] });
      const [pets] = await rows<{ max: number; next: number }>(
        target.db,
        sql`select (select max(id) from vet_clinic.pets)::int as max, nextval(pg_get_serial_sequence('vet_clinic.pets', 'id'))::int as next`,
      );
      expect(pets!.next).toBeGreaterThan(pets!.max);
    } finally {
      await target.close();
    }
    await expect(moveToPostgres(platform.ctx.database, url, MIGRATIONS_DIR)).rejects.toThrow(/already holds a clinic/);
  });
});
