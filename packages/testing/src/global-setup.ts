import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase, pgliteOf } from '@petfriendly/core';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareSchema } from './template';

/**
 * Migrates once into a template that every test file clones: a template database on the
 * PostgreSQL server when TEST_DATABASE_URL is set, otherwise a PGlite data-dir dump.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `pf_tpl_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const database = await openDatabase({ url: withDatabase(serverUrl, name), poolSize: 2 });
    await prepareSchema(database);
    await database.close();
    project.provide('testTemplate', { kind: 'postgres', serverUrl, name });
    return async () => {
      const leftovers = await adminQuery(serverUrl, `select datname from pg_database where datname like 'pf_t_%' or datname = '${name}'`);
      for (const row of leftovers.rows) await adminQuery(serverUrl, `drop database if exists ${row.datname} with (force)`);
    };
  }
  const database = await openDatabase({});
  await prepareSchema(database);
  const dump = await pgliteOf(database).dumpDataDir('none');
  await database.close();
  mkdirSync('.test-data', { recursive: true });
  const path = `.test-data/template-${process.pid}.tar`;
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('testTemplate', { kind: 'pglite', path });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Whether a PostgreSQL server answers at `url` (tests that need one skip without it). */
export async function serverReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: { kind: 'postgres'; serverUrl: string; name: string } | { kind: 'pglite'; path: string };
  }
}
