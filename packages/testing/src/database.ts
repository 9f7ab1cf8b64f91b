import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, openDatabase } from '@petfriendly/core';
import { inject } from 'vitest';
import { adminQuery, withDatabase } from './global-setup';

/** A fresh, migrated database for one test file: a clone of the template made by the global setup. */
export async function openTestDatabase(): Promise<Database> {
  const template = inject('testTemplate');
  if (!template) throw new Error('This test opens a database, so it belongs in a test/ folder and not in a *.unit.test.ts or src/ file (see CONTRIBUTING.md).');
  if (template.kind === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(template.path)]) });
  }
  const name = `pf_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.serverUrl, `create database ${name} template ${template.name}`);
  const database = await openDatabase({ url: withDatabase(template.serverUrl, name), poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(template.serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
