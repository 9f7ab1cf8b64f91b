import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFileStorage, openDatabase } from '@petfriendly/core';
/**
 * `npm run bench:backup`: the bench's busy clinic (BENCH_OWNERS, default 8000 ≈ five years and 60k
 * visits, with a front-desk invoice per visit), then `backup` and `restore` of it into an empty
 * database, with their times and the archive's size. BENCH_DATABASE_URL: on a PostgreSQL server.
 */
import { pino } from 'pino';
import { createBackup } from '../apps/server/src/backup/backup';
import { restoreBackup } from '../apps/server/src/backup/restore';
import { bootPlatform, MIGRATIONS_DIR } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { seedDemo } from '../apps/server/src/demo/seed';
import { createBenchStore } from './database';
import { addBillingVolume, countRows } from './fixtures';

const OWNERS = Number(process.env.BENCH_OWNERS ?? 8000);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const store = await createBenchStore();
const work = await mkdtemp(join(tmpdir(), 'pf-bench-backup-'));
try {
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn' });
  const platform = await bootPlatform(config, pino({ level: 'warn' }), await store.open());
  let t = performance.now();
  await seedDemo(platform, { owners: OWNERS, progress: false });
  const invoices = await addBillingVolume(platform);
  const counts = await countRows(platform);
  console.log(
    `Clinic (${store.label}): ${counts.owners} owners, ${counts.pets} pets, ${counts.visits} visits, ${invoices} invoices; seeded in ${secs(performance.now() - t)}`,
  );

  const backup = await createBackup({ database: platform.ctx.database, storage: platform.ctx.storage, dir: work, passphrase: process.env.BENCH_PASSPHRASE });
  const rows = backup.manifest.tables.reduce((n, table) => n + table.rows, 0);
  console.log(
    `backup:  ${secs(backup.ms)}, ${(backup.bytes / 1024 / 1024).toFixed(1)} MiB (${backup.manifest.tables.length} tables, ${rows} rows, ${backup.manifest.files.length} files)`,
  );
  await platform.close();

  t = performance.now();
  const target = await openDatabase({ dataDir: join(work, 'restored') });
  const restored = await restoreBackup({
    file: backup.path,
    database: target,
    storage: localFileStorage(join(work, 'files')),
    migrationsDir: MIGRATIONS_DIR,
    passphrase: process.env.BENCH_PASSPHRASE,
  });
  console.log(`restore: ${secs(restored.ms)} into an empty PGlite, every table checked (${secs(performance.now() - t)} with opening it)`);
  await target.close();
} finally {
  await rm(work, { recursive: true, force: true });
  await store.cleanup();
}
