import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { modules } from '../src/modules';

export interface TestApp {
  platform: TestPlatform;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The whole server (all modules, HTTP) on a test database, for `app.inject` and browser tests. */
export async function createTestApp(options: { now?: string; env?: Record<string, string>; clinic?: Record<string, string> } = {}): Promise<TestApp> {
  const platform = await createTestPlatform(modules, { ...options, translations: { ui: uiMessages } });
  const config: AppConfig = {
    server: { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL! },
    clinic: platform.ctx.clinic,
  };
  const app = await buildApp(platform, config, { logger: false });
  await app.ready();
  return {
    platform,
    app,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}

/** The JSON body of an inject response. */
export const json = <T = any>(res: { body: string }): T => JSON.parse(res.body) as T;
