import { Writable } from 'node:stream';
import { createTestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { createLogger, type LogFormat, logFormat } from '../src/logger';
import { modules } from '../src/modules';

/** A stream that keeps what the logger wrote. */
function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('request logs', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  beforeAll(async () => {
    platform = await createTestPlatform(modules, { translations: { ui: uiMessages } });
  });
  afterAll(async () => platform?.close());

  async function requestWith(format: LogFormat, url: string) {
    const out = capture();
    const config: AppConfig = {
      server: { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL! },
      clinic: platform.ctx.clinic,
    };
    const app = await buildApp(platform, config, { logger: createLogger({ level: 'info', format, destination: out.stream }) });
    const res = await app.inject({ method: 'GET', url });
    await app.close();
    return { res, lines: out.lines() };
  }

  it('writes one readable line per request in development', async () => {
    const { res, lines } = await requestWith('pretty', '/health');
    expect(res.statusCode).toBe(200);
    const requestLines = lines.filter((l) => l.includes('/health'));
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatch(/^\[?\d\d:\d\d:\d\d\]? INFO.*: GET \/health 200 \d+ ms$/);
    expect(() => JSON.parse(requestLines[0]!)).toThrow();
  });

  it('writes one JSON line per request in production, with its fields', async () => {
    const { lines } = await requestWith('json', '/no-such-page');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.url === '/no-such-page');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 30, method: 'GET', statusCode: 404, msg: expect.stringMatching(/^GET \/no-such-page 404 \d+ ms$/) });
    expect(entries[0]!.reqId).toEqual(expect.any(String));
    expect(entries[0]!.responseTime).toEqual(expect.any(Number));
  });

  it('chooses JSON under NODE_ENV=production unless LOG_FORMAT says otherwise', () => {
    expect(logFormat(undefined, { NODE_ENV: 'production' })).toBe('json');
    expect(logFormat(undefined, { NODE_ENV: 'development' })).toBe('pretty');
    expect(logFormat(undefined, {})).toBe('pretty');
    expect(logFormat('pretty', { NODE_ENV: 'production' })).toBe('pretty');
  });
});
