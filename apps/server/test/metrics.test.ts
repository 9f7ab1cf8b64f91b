import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app';
import { modules } from '../src/modules';

const TOKEN = 'scrape-token-0123456789';
let platform: TestPlatform;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  platform = await createTestPlatform(modules, { translations: { ui: uiMessages } });
  const server = { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL!, METRICS_TOKEN: TOKEN };
  app = await buildApp(platform, { server, clinic: platform.ctx.clinic }, { logger: false });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('/metrics', () => {
  it('refuses a scraper without the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
  });

  it('gives request latency per route, queue depth and failures, and each consumer’s outbox lag, in Prometheus text format', async () => {
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/no/such/page' });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = new Map(parsePrometheusTextFormat(res.body).map((f) => [f.name, f]));

    const latency = families.get('http_request_duration_seconds')!;
    expect(latency.type).toBe('HISTOGRAM');
    // parse-prometheus-text-format 1.1.1 folds a histogram's label sets into one (it expects `le` last, prom-client writes it
    // first), so the per-route series are read from prom-client's own sample lines.
    const count = (route: string, status: number) =>
      Number(new RegExp(`^http_request_duration_seconds_count\\{method="GET",route="${route}",status_code="${status}"\\} (\\d+)$`, 'm').exec(res.body)?.[1]);
    expect(count('/health/live', 200)).toBe(3);
    expect(count('unmatched', 404)).toBe(1);

    const queued = families.get('jobs_queued')!;
    expect(queued.type).toBe('GAUGE');
    expect(queued.metrics.map((m) => m.labels?.queue)).toContain('backup.nightly');
    expect(families.get('jobs_failed')!.metrics.length).toBe(queued.metrics.length);
    const lag = families.get('outbox_consumer_lag_events')!;
    expect(lag.metrics.length).toBe(platform.ctx.events.consumerNames.length);
    for (const m of lag.metrics) expect(Number(m.value)).toBeGreaterThanOrEqual(0);
  });
});
