import { fileURLToPath } from 'node:url';
import { createPlatform, type Database, migrateDatabase, openDatabase } from '@petfriendly/core';
import { uiMessages } from '@petfriendly/ui';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { type AppPlatform, modules } from './modules';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openAppDatabase(config: AppConfig): Promise<Database> {
  return openDatabase({ url: config.server.DATABASE_URL, dataDir: config.server.DATABASE_URL ? undefined : `${config.server.DATA_DIR}/pglite` });
}

/** Opens the database, brings it to the current schema and assembles every module. */
export async function bootPlatform(config: AppConfig, logger?: Logger, database?: Database, options: { worker?: boolean } = {}): Promise<AppPlatform> {
  const db = database ?? (await openAppDatabase(config));
  // Web processes and workers starting together on one server migrate, create queues and add reference data in turn.
  const platform = await db.exclusive(async () => {
    await migrateDatabase(db, MIGRATIONS_DIR);
    return createPlatform({
      modules,
      database: db,
      server: config.server,
      clinic: config.clinic,
      logger,
      worker: options.worker,
      translations: { ui: uiMessages },
    });
  });
  return {
    ...platform,
    close: async () => {
      await platform.close();
      await db.close();
    },
  };
}
