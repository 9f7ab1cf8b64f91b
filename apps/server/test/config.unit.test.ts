import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverSettings } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { loadConfig, wantsDemo } from '../src/config';

const SECRET = 'a-production-secret-of-at-least-32-chars';
const dataDir = () => mkdtempSync(join(tmpdir(), 'pf-config-'));

describe('production start-up', () => {
  it('refuses to start without SECRET on the embedded database, and writes no secret beside the data', () => {
    const dir = dataDir();
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(/SECRET: required in production/);
    expect(existsSync(join(dir, 'secret'))).toBe(false);
  });

  it('refuses to start without SECRET on a PostgreSQL server', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://pf@127.0.0.1/pf', DATA_DIR: dataDir() })).toThrow(/SECRET/);
  });

  it('uses the SECRET given in production', () => {
    const dir = dataDir();
    const config = loadConfig({ NODE_ENV: 'production', SECRET, DATA_DIR: dir });
    expect(config.server.SECRET).toBe(SECRET);
    expect(existsSync(join(dir, 'secret'))).toBe(false);
  });

  it('in development makes a secret once and keeps it in the data folder', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).server.SECRET;
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).server.SECRET).toBe(first);
  });
});

describe('demo data on an empty database', () => {
  const settings = (env: Record<string, string>) => serverSettings.parse(env);

  it('is on in development and off in production unless asked for', () => {
    expect(wantsDemo(settings({}))).toBe(true);
    expect(wantsDemo(settings({ NODE_ENV: 'production' }))).toBe(false);
    expect(wantsDemo(settings({ NODE_ENV: 'production', SEED_DEMO: 'true' }))).toBe(true);
    expect(wantsDemo(settings({ NODE_ENV: 'production' }), true)).toBe(true);
  });

  it('can be turned off in development by the flag or the setting', () => {
    expect(wantsDemo(settings({}), false)).toBe(false);
    expect(wantsDemo(settings({ SEED_DEMO: 'false' }))).toBe(false);
    expect(wantsDemo(settings({ SEED_DEMO: 'true' }), false)).toBe(false);
  });
});
