import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@petfriendly/core';
import pg from 'pg';

/**
 * Where the benchmark's clinic lives: a fresh PGlite data folder in a temp directory, or — when
 * BENCH_DATABASE_URL is set — a fresh database `pf_bench_<random>` on that PostgreSQL server.
 * The temp folder also serves as the server's DATA_DIR (secret, files) for the spawned `start`.
 */
export interface BenchStore {
  kind: 'pglite' | 'postgres';
  /** DATA_DIR for the app (the PGlite data lives in `<dataDir>/pglite`, as `npm start` expects). */
  dataDir: string;
  /** DATABASE_URL for the app when on a PostgreSQL server. */
  url?: string;
  /** A human label for the report (no password). */
  label: string;
  open(): Promise<Database>;
  /** Drops the database (server) and removes the temp folder. Safe to call twice. */
  cleanup(): Promise<void>;
}

export async function createBenchStore(): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pf-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    return {
      kind: 'pglite',
      dataDir,
      label: `PGlite in ${dataDir}`,
      open: () => openDatabase({ dataDir: join(dataDir, 'pglite') }),
      cleanup: async () => removeDir(),
    };
  }

  const name = `pf_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    removeDir();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    kind: 'postgres',
    dataDir,
    url: url.toString(),
    label: `PostgreSQL ${url.host}/${name}`,
    open: () => openDatabase({ url: url.toString() }),
    cleanup: async () => {
      if (!dropped) {
        dropped = true;
        try {
          await admin.query(`drop database if exists ${name} with (force)`);
        } finally {
          await admin.end().catch(() => undefined);
        }
      }
      removeDir();
    },
  };
}
