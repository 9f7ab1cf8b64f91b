import { type Platform, platformHealth } from '@petfriendly/core';
import type { FastifyInstance } from 'fastify';

export interface Readiness {
  /** Set when the process is shutting down: the load balancer should send no more requests here. */
  draining: boolean;
}

/**
 * `/health/live`: the process answers (restart it if not). `/health/ready`: it can serve now (the database
 * and queue answer, and it is not shutting down); 503 takes it out of a load balancer. `/health`: all of
 * that for people, with the event consumers and the last backups.
 */
export async function healthRoutes(app: FastifyInstance, { platform, readiness }: { platform: Platform; readiness: Readiness }) {
  const backups = platform.services.backup?.backups;
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const { ok, database, queue } = await platformHealth(platform.ctx);
    const ready = ok && !readiness.draining;
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : readiness.draining ? 'draining' : 'unavailable', database, queue });
  });
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    // Consumers behind or failing, and an old backup, are reported, not a reason to take the process out of service.
    const { ok, ...health } = await platformHealth(platform.ctx);
    const backup = ok && backups ? await backups.status() : undefined;
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'degraded', ...health, ...(backup ? { backup } : {}), uptimeSeconds: Math.round(process.uptime()) });
  });
}
