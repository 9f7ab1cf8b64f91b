import { type Database, pgliteOf, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import type { Statement } from './query-counter';

/** The database's plan for a statement the app ran, with the values it bound. */
export async function explain(database: Database, statement: Statement): Promise<string[]> {
  const query = `explain ${statement.sql}`;
  const params = statement.params ?? [];
  if (database.kind === 'pglite') {
    const result = await pgliteOf(database).query<Record<string, string>>(query, params);
    return result.rows.map((r) => Object.values(r)[0]!);
  }
  const found = await rows<Record<string, string>>(database.db, sql.raw(query.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]))));
  return found.map((r) => Object.values(r)[0]!);
}

function literal(value: unknown): string {
  return value === null || value === undefined ? 'null' : `'${String(value instanceof Date ? value.toISOString() : value).replaceAll("'", "''")}'`;
}
