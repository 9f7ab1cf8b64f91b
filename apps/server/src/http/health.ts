import { type Platform, platformHealth } from '@petfriendly/core';
import type { FastifyInstance } from 'fastify';

/** Database, queue and event consumers' state, for load balancers and people, in one query. 503 when the database or queue is down. */
export async function healthRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    // Consumers behind or failing are reported, not a reason to take the process out of service.
    const { ok, ...health } = await platformHealth(platform.ctx);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', ...health, uptimeSeconds: Math.round(process.uptime()) });
  });
}
