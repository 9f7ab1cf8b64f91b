import {
  type AnyModule,
  clinicSettings,
  createPlatform,
  fixedClock,
  memoryFileStorage,
  type Platform,
  type PlatformOptions,
  serverSettings,
} from '@petfriendly/core';
import { type Logger, pino } from 'pino';
import { openTestDatabase } from './database';

export interface TestPlatform extends Platform {
  clock: ReturnType<typeof fixedClock>;
  storage: ReturnType<typeof memoryFileStorage>;
}

/** The real platform on a test database, with a fake clock and in-memory files. */
export async function createTestPlatform(
  modules: readonly AnyModule[],
  options: {
    now?: string;
    env?: Record<string, string>;
    /** The clinic's settings (`CLINIC__*`) where they differ from the defaults. */
    clinic?: Record<string, string>;
    translations?: PlatformOptions['translations'];
    worker?: boolean;
  } = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-03-10T16:00:00Z');
  const storage = memoryFileStorage();
  const logger: Logger = pino({ level: 'silent' });
  const platform = await createPlatform({
    modules,
    database,
    server: serverSettings.parse({ SECRET: 'test-secret-test-secret-test-secret-0123', BASE_URL: 'http://localhost:3000' }),
    clinic: clinicSettings.parse(options.clinic ?? {}),
    clock,
    storage,
    logger,
    env: options.env ?? {},
    translations: options.translations,
    worker: options.worker,
  });
  return {
    ...platform,
    clock,
    storage,
    close: async () => {
      await platform.close();
      await database.close();
    },
  };
}
