import type { HttpApp } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { modules } from '../src/modules';

let platform: TestPlatform;
const apps: HttpApp[] = [];

beforeAll(async () => {
  platform = await createTestPlatform(modules, { translations: { ui: uiMessages } });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await platform?.close();
});

/** The whole server plus routes limited to three calls, as one more process on the same database. */
async function serverProcess(trustProxy?: string[]) {
  const config: AppConfig = {
    server: { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL!, TRUST_PROXY: trustProxy },
    clinic: platform.ctx.clinic,
  };
  const app = await buildApp(platform, config, { logger: false });
  for (const [path, timeWindow] of [
    ['/limited/a', 60_000],
    ['/limited/b', 60_000],
    ['/limited/c', 60_000],
    ['/limited/short', 400],
  ] as const) {
    app.get(path, { config: { rateLimit: { max: 3, timeWindow } } }, async (req) => ({ ip: req.ip }));
  }
  await app.ready();
  apps.push(app);
  return app;
}

const call = (app: HttpApp, url: string, forwardedFor?: string) =>
  app.inject({ method: 'GET', url, headers: { accept: 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } });

describe('rate limits', () => {
  it('a client cannot reset its limit by claiming another address in X-Forwarded-For', async () => {
    const app = await serverProcess();
    const codes = [];
    for (const spoofed of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '198.51.100.9'])
      codes.push((await call(app, '/limited/a', spoofed)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const refused = await call(app, '/limited/a', '192.0.2.77');
    expect(refused.json()).toMatchObject({ error: { code: 'security.rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('behind a proxy named in TRUST_PROXY, each forwarded client has its own count', async () => {
    const app = await serverProcess(['127.0.0.1']);
    const one = [];
    for (let i = 0; i < 4; i++) one.push((await call(app, '/limited/b', '203.0.113.10')).statusCode);
    expect(one).toEqual([200, 200, 200, 429]);
    const other = await call(app, '/limited/b', '203.0.113.11');
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({ ip: '203.0.113.11' });
  });

  it('two processes on one database share the count', async () => {
    const first = await serverProcess();
    const second = await serverProcess();
    expect((await call(first, '/limited/c')).statusCode).toBe(200);
    expect((await call(second, '/limited/c')).statusCode).toBe(200);
    expect((await call(first, '/limited/c')).statusCode).toBe(200);
    expect((await call(second, '/limited/c')).statusCode).toBe(429);
    expect((await call(first, '/limited/c')).statusCode).toBe(429);
  });

  it('the count starts again once the window has passed', async () => {
    const app = await serverProcess();
    for (let i = 0; i < 3; i++) await call(app, '/limited/short');
    expect((await call(app, '/limited/short')).statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await call(app, '/limited/short')).statusCode).toBe(200);
  });
});
