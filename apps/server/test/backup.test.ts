import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, memoryFileStorage, rows, systemActor } from '@petfriendly/core';
import { createTestPlatform, openTestDatabase, type TestPlatform } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../src/backup/backup';
import { type RestoreError, restoreBackup } from '../src/backup/restore';
import { listTables, sumTable } from '../src/backup/tables';
import { MIGRATIONS_DIR } from '../src/boot';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

let platform: TestPlatform;
let dir: string;
const PHOTO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 255, 0]);

beforeAll(async () => {
  platform = await createTestPlatform(modules);
  await seedDemo(platform, { owners: 10, progress: false });
  await platform.storage.put('pets/1/photo.png', PHOTO);
  await platform.storage.put('billing/cfdi/A-1.xml', new TextEncoder().encode('<cfdi:Comprobante Total="650.00"/>'));
  dir = await mkdtemp(join(tmpdir(), 'pf-backup-test-'));
});

afterAll(async () => {
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every table's rows and checksum, as the backup's manifest counts them. */
async function sums(database: Database) {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const table of await listTables(tx)) out[table.name] = await sumTable(tx, table);
    return out;
  });
}

describe('backup and restore', () => {
  it('backs up a clinic being written to, and restores every row and file into an empty database', async () => {
    const accounts = platform.services.accounts;
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) await accounts.users.createUser(systemActor, { email: `busy${written++}@example.mx`, name: 'Cliente Ocupado', role: 'owner' });
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const backup = await createBackup({ database: platform.ctx.database, storage: platform.storage, dir, passphrase: 'correct horse battery staple' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    writing = false;
    await writer;

    expect(backup.path.endsWith('.tar.gz.enc')).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const users = backup.manifest.tables.find((t) => t.name === '"accounts"."users"')!;
    const now = await sums(platform.ctx.database);
    // Owners went on being created during the backup: the source has moved on past the snapshot.
    expect(now['"accounts"."users"']!.rows).toBeGreaterThan(users.rows);
    expect(users.rows).toBeGreaterThan(10);
    expect(backup.manifest.tables.find((t) => t.name === '"vet_clinic"."pets"')!.rows).toBeGreaterThan(10);
    const keys = platform.storage.keys().sort();
    expect(keys).toEqual(expect.arrayContaining(['billing/cfdi/A-1.xml', 'pets/1/photo.png']));
    expect(backup.manifest.files.map((f) => f.key)).toEqual(keys);

    const target = await openTestDatabase();
    const storage = memoryFileStorage();
    try {
      await expect(restoreBackup({ file: backup.path, database: target, storage, migrationsDir: MIGRATIONS_DIR, passphrase: 'wrong' })).rejects.toThrow(
        /wrong passphrase, or damaged/,
      );
      const restored = await restoreBackup({
        file: backup.path,
        database: target,
        storage,
        migrationsDir: MIGRATIONS_DIR,
        passphrase: 'correct horse battery staple',
      });
      expect(restored.manifest.tables.length).toBe(backup.manifest.tables.length);
      const after = await sums(target);
      for (const table of backup.manifest.tables)
        expect({ table: table.name, ...after[table.name] }).toEqual({ table: table.name, rows: table.rows, checksum: table.checksum });
      expect(Buffer.from((await storage.get('pets/1/photo.png'))!)).toEqual(Buffer.from(PHOTO));
      expect(storage.keys().sort()).toEqual(keys);
      for (const key of keys) expect(Buffer.from((await storage.get(key))!)).toEqual(Buffer.from((await platform.storage.get(key))!));

      // Sequences go on from where they were: a new owner does not collide with a restored id.
      const [row] = await rows<{ max: number; next: number }>(
        target.db,
        sql`select (select max(id) from vet_clinic.pets)::int as max, nextval(pg_get_serial_sequence('vet_clinic.pets', 'id'))::int as next`,
      );
      expect(row!.next).toBeGreaterThan(row!.max);

      const again = restoreBackup({ file: backup.path, database: target, storage, migrationsDir: MIGRATIONS_DIR, passphrase: 'correct horse battery staple' });
      await expect(again).rejects.toThrow(/already holds a clinic/);
      await expect(again.catch((e: RestoreError) => e.constructor.name)).resolves.toBe('RestoreError');
    } finally {
      await target.close();
    }
  });

  it('restores over a clinic with --force, and refuses a damaged archive', async () => {
    const backup = await createBackup({ database: platform.ctx.database, storage: platform.storage, dir, now: new Date('2026-01-02T03:04:05Z') });
    expect(backup.path.endsWith('petfriendly-2026-01-02T03-04-05Z.tar.gz')).toBe(true);
    const target = await openTestDatabase();
    const storage = memoryFileStorage();
    try {
      await restoreBackup({ file: backup.path, database: target, storage, migrationsDir: MIGRATIONS_DIR });
      await target.db.execute(sql`update accounts.users set name = 'Cambiado' where role = 'owner'`);
      await storage.put('stray.txt', new Uint8Array([1]));
      await restoreBackup({ file: backup.path, database: target, storage, migrationsDir: MIGRATIONS_DIR, force: true });
      const after = await sums(target);
      for (const table of backup.manifest.tables) expect(after[table.name]).toEqual({ rows: table.rows, checksum: table.checksum });
      expect(storage.keys()).not.toContain('stray.txt');

      const damaged = join(dir, 'damaged.tar.gz');
      await writeFile(damaged, 'not a backup at all');
      await expect(restoreBackup({ file: damaged, database: target, storage, migrationsDir: MIGRATIONS_DIR, force: true })).rejects.toThrow(/cannot be read/);
    } finally {
      await target.close();
    }
  });
});
