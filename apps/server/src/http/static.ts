import { staticAsset } from '@petfriendly/ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** CSS, scripts and the icon under content-hashed names: a changed file gets a new name, so each may be cached for good. */
export async function staticRoutes(app: FastifyInstance) {
  app.get('/static/:file', { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (request, reply) => {
    const asset = staticAsset((request.params as { file: string }).file);
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.contentType).send(asset.body);
  });
}
