import { timingSafeEqual } from 'node:crypto';
import { eventConsumers, JOBS_SCHEMA, outbox, type Platform, type PoolUse, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge, Histogram, Registry } from 'prom-client';

/**
 * `/metrics` in Prometheus' text format, for a scraper holding `METRICS_TOKEN` (`Authorization: Bearer …`);
 * without the setting the route does not exist. Request latency per route is this process's; queue depth,
 * failures and outbox lag are the database's, the same from any process; the connection pool's (on a server) is this process's.
 */
async function metrics(app: FastifyInstance, { platform, token }: { platform: Platform; token?: string }) {
  if (!token) return;
  const registry = new Registry();
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by route',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const queued = new Gauge({ name: 'jobs_queued', help: 'Jobs waiting in a queue', labelNames: ['queue'], registers: [registry] });
  const active = new Gauge({ name: 'jobs_active', help: 'Jobs running', labelNames: ['queue'], registers: [registry] });
  const failed = new Gauge({ name: 'jobs_failed', help: 'Jobs failed for good, kept in a queue', labelNames: ['queue'], registers: [registry] });
  const lag = new Gauge({
    name: 'outbox_consumer_lag_events',
    help: 'Events an event consumer has still to apply',
    labelNames: ['consumer'],
    registers: [registry],
  });
  const pool = platform.ctx.database.poolUse;
  if (pool) {
    const gauge = (name: string, help: string, read: (use: PoolUse) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(pool()));
        },
      });
    gauge('db_pool_connections', "This process's connections to the database server", (use) => use.total);
    gauge('db_pool_idle_connections', 'Of those, the ones not running a query', (use) => use.idle);
    gauge('db_pool_waiting_queries', 'Queries waiting for a free connection', (use) => use.waiting);
  }

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    latency.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const expected = Buffer.from(`Bearer ${token}`);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.status(401).send({ error: 'METRICS_TOKEN required' });
    const queues = await rows<{ name: string; queued: number; active: number; failed: number }>(
      platform.ctx.db,
      sql`select name, queued_count as queued, active_count as active, failed_count as failed from ${sql.raw(JOBS_SCHEMA)}.queue`,
    );
    for (const q of queues) {
      queued.set({ queue: q.name }, Number(q.queued));
      active.set({ queue: q.name }, Number(q.active));
      failed.set({ queue: q.name }, Number(q.failed));
    }
    const known = new Set(platform.ctx.events.consumerNames);
    const consumers = await rows<{ name: string; lag: number }>(
      platform.ctx.db,
      sql`select ${eventConsumers.name} as name, (select coalesce(max(${outbox.position}), 0) from ${outbox}) - ${eventConsumers.position} as lag from ${eventConsumers}`,
    );
    for (const c of consumers) if (known.has(c.name)) lag.set({ consumer: c.name }, Math.max(0, Number(c.lag)));
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/** Not encapsulated: its hook times every route registered after it. */
export const metricsRoutes = fp(metrics);
