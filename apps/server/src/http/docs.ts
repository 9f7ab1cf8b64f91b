import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the route schemas, at /api/v1/openapi.json, with a readable page at /api/v1/docs. */
export const apiDocs = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pet-Friendly API',
        version: '1.0.0',
        description: 'The clinic platform API. Authenticate with `Authorization: Bearer pf_…` (make a token with `npm run cli -- create-token`). Errors share one envelope: `{ "error": { "code", "message", "fields"?, "requestId" } }`.',
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Only the JSON API is documented; pages and forms are not part of the contract.
    transform: (input) => {
      const result = jsonSchemaTransform(input as never) as { schema: Record<string, unknown>; url: string };
      return input.url.startsWith('/api/v1/') ? result : { ...result, schema: { ...result.schema, hide: true } };
    },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, { routePrefix: '/api/v1/docs', configuration: {
      url: '/api/v1/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: 'never',
      hideClientButton: true,
      agent: { disabled: true },
    } as never });
  // The reference page runs its own inline bootstrap script; loosen the CSP for that page only.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/docs')) {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'");
    }
  });
});
