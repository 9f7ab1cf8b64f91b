import type { Platform } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

/** Database, queue and event consumers' state, for load balancers and people. 503 when the database or queue is down. */
export async function healthRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const started = performance.now();
    const database = await platform.ctx.db
      .execute(sql`select 1`)
      .then(() => ({ ok: true, kind: platform.ctx.database.kind, latencyMs: Math.round(performance.now() - started) }))
      .catch((error: Error) => ({ ok: false, kind: platform.ctx.database.kind, error: error.message }));
    const queue = await platform.ctx.jobs.boss
      .getQueues()
      .then((queues) => ({
        ok: true,
        queues: queues.length,
        ready: queues.reduce((n, q) => n + q.readyCount, 0),
        active: queues.reduce((n, q) => n + q.activeCount, 0),
      }))
      .catch((error: Error) => ({ ok: false, error: error.message }));
    // Consumers behind or failing are reported, not a reason to take the process out of service.
    const events = await platform.ctx.events
      .status()
      .then((consumers) => ({
        consumers: consumers.length,
        behind: Math.max(0, ...consumers.map((c) => c.behind)),
        failing: consumers.filter((c) => c.lastError).map((c) => c.name),
      }))
      .catch((error: Error) => ({ error: error.message }));
    const ok = database.ok && queue.ok;
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, queue, events, uptimeSeconds: Math.round(process.uptime()) });
  });
}
