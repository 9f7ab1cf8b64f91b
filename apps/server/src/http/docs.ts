import fastifySwagger from '@fastify/swagger';
import { apiErrorSchema } from '@petfriendly/core';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** What any `/api/v1` operation may answer besides success, all in the one error envelope. */
const errorResponses = Object.fromEntries([400, 401, 403, 404, 409, 422, 429].map((status) => [status, apiErrorSchema]));

const TAGS: Record<string, string> = {
  accounts: 'People: the caller, owners, staff and API tokens',
  'vet-clinic': 'Pets and their clinical record, vaccination protocols, travel',
  appointments: 'Booking, the schedule and staff hours',
  omnichannel: 'The unified inbox, messages and notification preferences',
  store: 'Catalogue, cart, checkout, orders, inventory and coupons',
  'controlled-drugs': 'The controlled-drug book: balances per batch, administrations, waste, counts, the printed book',
  billing: 'Invoices, payments, CFDI 4.0 and fiscal data',
  multilingual: 'Languages, detection and translations',
  knowledge: 'The FAQ',
  chat: 'The assistant',
  accounting: 'The books: chart of accounts, journal, statements (accountants, managers, admins)',
  crm: 'Customers: profiles, notes, tags, calls and follow-ups, segments and insights (staff)',
  loyalty: 'Loyalty: points, tiers, rewards and referrals (owners see their own; staff redeem and give bonus points)',
  marketing: 'Marketing: campaigns to segments, sequences, consent and suppressions, results (managers, admins); unsubscribe links',
  'competitive-intel': 'Competitors, their prices against ours, and visits from their IP ranges (managers, admins)',
  'cash-close': 'The end-of-day cash close: expected against counted per way of paying, drawer movements, approval',
  consent: 'Consent forms: templates per procedure and language, requests for a visit or appointment, signing by tablet or phone link, the signed PDF',
  reports: "The manager's dashboard: a period's figures against the one before and last year, and its exports (managers, admins)",
  setup: 'The first run of a new clinic',
  audit: 'The audit log: who changed which medical record, price or invoice, with each field before and after (managers, admins)',
  'data-import':
    "A clinic's data brought in from another system (owners, pets, vaccinations, past visits, products, opening stock): upload, column mapping, dry run, run, report and undo (managers, admins)",
  privacy: "ARCO rights: an owner's data as JSON or PDF, their requests, and staff answering them (a cancellation anonymises)",
  backup: "The clinic's data export for admins: a ZIP with a CSV per table, the stored files and a SQL dump",
};

/** `GET /api/v1/pets/:id/visits` → `getPetsByIdVisits`: unique, stable, readable in generated clients. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split('-'));
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** The API's version: in the OpenAPI document and on every API response (`API-Version`), so a client can tell which it talks to. */
export const API_VERSION = '1.0.0';

/** OpenAPI 3.1 generated from the route schemas, at /api/v1/openapi.json, with a readable page at /api/v1/docs. */
export const apiDocs = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pet-Friendly API',
        version: API_VERSION,
        description:
          'The clinic platform API. Authenticate with `Authorization: Bearer pf_…` (make a token with `npm run cli -- create-token`). Errors share one envelope: `{ "error": { "code", "message", "fields"?, "requestId" } }`. Lists answer `{ items, page, pageSize, hasNext }`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        contact: { name: 'Pet-Friendly' },
      },
      servers: [{ url: '/' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Only the JSON API is documented; pages, forms and webhooks are not part of the contract.
    transform: (input) => {
      if (!input.url.startsWith('/api/v1/') || input.schema?.hide) return { schema: { hide: true }, url: input.url };
      const method = [input.route.method].flat()[0]!;
      const schema = {
        ...input.schema,
        operationId: operationIdOf(method, input.url),
        response: { ...errorResponses, ...(input.schema?.response as object | undefined) },
      };
      return jsonSchemaTransform({ ...input, schema });
    },
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, {
    routePrefix: '/api/v1/docs',
    configuration: {
      url: '/api/v1/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: 'never',
      hideClientButton: true,
      agent: { disabled: true },
    } as never,
  });
  // The reference page runs its own inline bootstrap script; loosen the CSP for that page only.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    }
  });
});
