import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '@petfriendly/core';

/** Database and queue state, for load balancers and people. 503 when either is down. */
export async function healthRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const started = performance.now();
    const database = await platform.ctx.db
      .execute(sql`select 1`)
      .then(() => ({ ok: true, kind: platform.ctx.database.kind, latencyMs: Math.round(performance.now() - started) }))
      .catch((error: Error) => ({ ok: false, kind: platform.ctx.database.kind, error: error.message }));
    const queue = await platform.ctx.jobs.boss
      .getQueues()
      .then((queues) => ({ ok: true, queues: queues.length, ready: queues.reduce((n, q) => n + q.readyCount, 0), active: queues.reduce((n, q) => n + q.activeCount, 0) }))
      .catch((error: Error) => ({ ok: false, error: error.message }));
    const ok = database.ok && queue.ok;
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, queue, uptimeSeconds: Math.round(process.uptime()) });
  });
}
