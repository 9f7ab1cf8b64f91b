import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { memoryFileStorage, rows } from '@petfriendly/core';
import { createTestPlatform, openTestDatabase, type TestPlatform } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSettings, s3Access } from '../src/backup/backup.settings';
import { restoreBackup } from '../src/backup/restore';
import { localBackup } from '../src/backup/target';
import { MIGRATIONS_DIR } from '../src/boot';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

/** An S3-compatible server in this process (s3rver keeps the objects in a temporary folder): no network. */
let s3rver: S3rver;
let folder: string;
let platform: TestPlatform;
let env: Record<string, string>;
let s3: S3Client;
const PHOTO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pf-s3rver-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: folder, configureBuckets: [{ name: 'clinic-backups', configs: [] }] });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  env = {
    BACKUP__DIR: 's3://clinic-backups/petfriendly/nightly',
    BACKUP__S3_ENDPOINT: endpoint,
    BACKUP__S3_REGION: 'auto',
    BACKUP__S3_ACCESS_KEY_ID: 'S3RVER',
    BACKUP__S3_SECRET_ACCESS_KEY: 'S3RVER',
    BACKUP__KEEP_DAILY: '2',
    BACKUP__KEEP_WEEKLY: '2',
    BACKUP__KEEP_MONTHLY: '0',
  };
  s3 = new S3Client({ endpoint, region: 'auto', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  platform = await createTestPlatform(modules, { now: '2026-03-01T08:45:00Z', env });
  await seedDemo(platform, { owners: 4, progress: false });
  await platform.storage.put('pets/1/photo.png', PHOTO);
});

afterAll(async () => {
  s3?.destroy();
  await platform?.close();
  await s3rver?.close();
  await rm(folder, { recursive: true, force: true });
});

/** What the bucket holds under the prefix, read with the AWS SDK directly. */
async function keys(): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: 'clinic-backups', Prefix: 'petfriendly/nightly/' }));
  return (page.Contents ?? []).map((o) => o.Key!).sort();
}

describe('backups on S3-compatible storage', () => {
  it('the nightly job uploads each backup under the prefix and keeps the retention in the bucket', async () => {
    const backups = platform.services.backup.backups;
    // Ten nights in a row, from Sunday 1 March: two daily (10, 9 March) and the newest of the last two ISO weeks (10 and 8 March).
    for (let night = 0; night < 10; night++) {
      await platform.ctx.jobs.send('backup.nightly', {});
      expect(await platform.ctx.jobs.runReady(['backup.nightly'])).toBe(1);
      platform.clock.advance(86_400_000);
    }
    expect(await keys()).toEqual(['2026-03-08', '2026-03-09', '2026-03-10'].map((day) => `petfriendly/nightly/petfriendly-${day}T08-45-00Z.tar.gz`));
    const status = await backups.status();
    expect(status.lastGood).toMatchObject({ path: 's3://clinic-backups/petfriendly/nightly/petfriendly-2026-03-10T08-45-00Z.tar.gz' });
    const object = await s3.send(new GetObjectCommand({ Bucket: 'clinic-backups', Key: 'petfriendly/nightly/petfriendly-2026-03-10T08-45-00Z.tar.gz' }));
    expect(object.ContentLength).toBe(status.lastGood!.bytes);
  });

  it('restores the newest backup under the prefix into an empty database, every table and file checked', async () => {
    const access = s3Access(backupSettings.parse(Object.fromEntries(Object.entries(env).map(([k, v]) => [k.replace('BACKUP__', ''), v]))));
    const backup = await localBackup('s3://clinic-backups/petfriendly/nightly', access);
    const target = await openTestDatabase();
    const files = memoryFileStorage();
    try {
      const { manifest } = await restoreBackup({ file: backup.file, database: target, storage: files, migrationsDir: MIGRATIONS_DIR });
      expect(manifest.createdAt).toBe('2026-03-10T08:45:00.000Z');
      const [pets] = await rows<{ n: number }>(target.db, sql`select count(*)::int as n from vet_clinic.pets`);
      const [source] = await rows<{ n: number }>(platform.ctx.db, sql`select count(*)::int as n from vet_clinic.pets`);
      expect(pets!.n).toBe(source!.n);
      expect(pets!.n).toBeGreaterThan(0);
      expect(Buffer.from((await files.get('pets/1/photo.png'))!)).toEqual(Buffer.from(PHOTO));
    } finally {
      await target.close();
      await backup.cleanup();
    }
    await expect(localBackup('s3://clinic-backups/elsewhere', access)).rejects.toThrow(/No backup under s3:\/\/clinic-backups\/elsewhere/);
  });
});
