import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Db as IDatabase } from 'pg-boss';
import { fromPglite } from 'pg-boss';

// biome-ignore lint: the schema generic is per module, the handle is shared
export type Db = PgDatabase<PgQueryResultHKT, any>;
export type Tx = PgTransaction<PgQueryResultHKT, any, any>;
/** Anything a query can run on: the pool/instance or an open transaction. */
export type DbOrTx = Db | Tx;

/** How often an embedded database on disk checkpoints (and so recycles its WAL). */
const PGLITE_CHECKPOINT_EVERY_MS = 5 * 60_000;

export const PGLITE_EXTENSIONS = { btree_gist, citext, pg_trgm, pgcrypto, unaccent };

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** What pg-boss runs on: the same PGlite instance, or its own pool on the same server. */
  boss: { db?: IDatabase; connectionString?: string; backend?: 'pglite' };
  /** A human label: the data folder or the server address without password. */
  label: string;
  /** The embedded instance, when this is PGlite (tests dump it to clone databases). */
  pglite?: PGlite;
  /** Runs SQL that may hold several statements (no parameters). */
  exec(text: string): Promise<void>;
  /**
   * Runs `work` while no other process on this database runs its own `exclusive` work: a PostgreSQL
   * session advisory lock, so processes starting together migrate one after the other. PGlite has one process.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** This process's connections to a server (PGlite has one, in-process): open, idle, and queries waiting for one. */
  poolUse?(): PoolUse;
  close(): Promise<void>;
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

/** The advisory lock key of start-up work (migrations, queues, reference data): any fixed number no one else uses. */
const STARTUP_LOCK = 7_300_110_842;

export interface DatabaseOptions {
  url?: string;
  dataDir?: string;
  /** Open an existing PGlite from a dump (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* an idle client lost its server; the pool replaces it */
  });
  await pool.query('select 1');
  const db = withAmbientTransactions(drizzlePg(pool) as unknown as Db);
  const label = url.replace(/\/\/([^:@/]+):[^@]+@/, '//$1:***@');
  return {
    kind: 'postgres',
    db,
    boss: { connectionString: url },
    label,
    exec: async (text) => {
      await pool.query(text);
    },
    exclusive: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A small clinic on one process does not need Postgres' default buffers; this keeps the server light.
  // PGlite runs Postgres without a checkpointer, so its WAL only grows (641 MB at 100× the demo
  // data) until something checkpoints: we do every few minutes, and the WAL settles at max_wal_size.
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    extensions: PGLITE_EXTENSIONS,
    postgresqlconf: ['shared_buffers = 32MB', 'work_mem = 4MB', 'temp_buffers = 4MB', 'max_wal_size = 64MB', 'min_wal_size = 32MB'],
  });
  const db = withAmbientTransactions(drizzlePglite(client) as unknown as Db);
  const checkpoints = dataDir ? setInterval(() => void client.exec('checkpoint').catch(() => undefined), PGLITE_CHECKPOINT_EVERY_MS) : undefined;
  checkpoints?.unref();
  return {
    kind: 'pglite',
    db,
    boss: { db: fromPglite(client), backend: 'pglite' },
    label: dataDir ?? 'in-memory',
    exec: async (text) => {
      await client.exec(text);
    },
    exclusive: (work) => work(),
    close: () => {
      clearInterval(checkpoints);
      return client.close();
    },
    pglite: client,
  };
}

const ambient = new AsyncLocalStorage<Tx>();

/** The transaction the current code runs in (an event handler's, a service's), if any. */
export function currentTransaction(): Tx | undefined {
  return ambient.getStore();
}

/**
 * The database handle modules get. Inside a transaction, every query made through it joins that
 * transaction, and `transaction()` opens a savepoint in it. So an event handler can call any module's
 * services and their work commits, or rolls back, with the handler's position; and on PGlite, whose one
 * connection a transaction holds, a query outside the transaction can no longer wait for it forever.
 */
function withAmbientTransactions(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const tx = ambient.getStore();
      if (property === 'transaction') {
        const open = (tx ?? target) as Db;
        return (work: (tx: Tx) => Promise<unknown>, config?: unknown) => open.transaction((inner) => ambient.run(inner, () => work(inner)), config as never);
      }
      const source = tx ?? target;
      const value = Reflect.get(source, property, source);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
}

export function pgliteOf(database: Database): PGlite {
  if (!database.pglite) throw new Error('This database is not an embedded PGlite');
  return database.pglite;
}

/** Applies the SQL migrations in `folder` (drizzle-kit's output); each runs once, in order. */
export async function migrateDatabase(database: Database, folder: string): Promise<void> {
  const config = { migrationsFolder: folder, migrationsSchema: 'drizzle', migrationsTable: 'migrations' };
  if (database.kind === 'pglite') await migratePglite(database.db as never, config);
  else await migratePg(database.db as never, config);
}

/** Rows of a raw SQL query, the same on PGlite and node-postgres. */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Whether a statement failed on a foreign key: a row it points at is missing, or a row it deletes is still
 * referenced (23503, or 23001 for an `on delete restrict` reference), at any depth of causes.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: string }).code;
    if (code === '23503' || code === '23001') return true;
  }
  return false;
}
