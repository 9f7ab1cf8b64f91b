import { type DbOrTx, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';

/** Schemas of PostgreSQL itself and of extensions; every other schema belongs to the clinic (modules, migrations, jobs). */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast'];
/** Bookkeeping a bare migration fills: not a sign that a database holds a clinic. */
export const BOOKKEEPING_SCHEMAS = ['drizzle', 'pgboss'];

export interface TableInfo {
  /** `schema.table`, quoted for SQL. */
  name: string;
  schema: string;
  table: string;
  /** Columns a row is written with (generated ones are recomputed on load). */
  columns: string[];
}

export interface TableSum {
  rows: number;
  /** md5 over the sorted md5s of each row's JSON (order-free, the same on any server). */
  checksum: string;
}

export interface SequenceValue {
  name: string;
  /** Decimal text: a bigint may not fit a JS number. */
  value: string | null;
}

export const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;
export const qualified = (schema: string, table: string) => `${quote(schema)}.${quote(table)}`;

/** Every table of the clinic's schemas (a partitioned table once, through its parent), with its stored columns. */
export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const found = await rows<{ schema: string; table: string; columns: string[] }>(
    db,
    sql`select n.nspname as schema, c.relname as table,
          array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where c.relkind in ('r', 'p') and not c.relispartition
          and n.nspname not in (${sql.join(
            SYSTEM_SCHEMAS.map((s) => sql`${s}`),
            sql`, `,
          )}) and n.nspname not like 'pg_temp%'
        group by n.nspname, c.relname
        order by n.nspname, c.relname`,
  );
  return found.map((t) => ({ ...t, name: qualified(t.schema, t.table) }));
}

/** Row count and checksum of one table, as the current transaction sees it (run with `timezone = UTC`). */
export async function sumTable(db: DbOrTx, table: TableInfo): Promise<TableSum> {
  const [row] = await rows<{ n: string; checksum: string }>(
    db,
    sql.raw(`select count(*) as n, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
             from (select md5(row_to_json(t)::text) as h from ${table.name} t) s`),
  );
  return { rows: Number(row!.n), checksum: row!.checksum };
}

/** Where every sequence stands (null: never used). */
export async function sequenceValues(db: DbOrTx): Promise<SequenceValue[]> {
  const found = await rows<{ schema: string; name: string; value: string | null }>(
    db,
    sql`select schemaname as schema, sequencename as name, last_value as value from pg_sequences order by 1, 2`,
  );
  return found.map((s) => ({ name: qualified(s.schema, s.name), value: s.value === null ? null : String(s.value) }));
}

/** Whether any clinic table holds a row (migration and job bookkeeping aside). */
export async function holdsData(db: DbOrTx): Promise<boolean> {
  const tables = (await listTables(db)).filter((t) => !BOOKKEEPING_SCHEMAS.includes(t.schema));
  if (!tables.length) return false;
  const [row] = await rows<{ any: boolean }>(db, sql.raw(`select ${tables.map((t) => `exists (select 1 from ${t.name})`).join(' or ')} as any`));
  return row!.any;
}
