import type { HttpApp, ModuleContext } from '@petfriendly/core';
import { z } from 'zod';
import { ownerPageOut, ownerProfileSchema, ownerSearchSchema, profileOut, publicUserOut, staffMemberOut, tokenOut } from './accounts.schemas';
import type { AccountsServices } from './services';

/** `/api/v1` routes for people. Thin: parse, call one service method, shape the answer. */
export async function accountsRoutes(app: HttpApp, s: AccountsServices, _ctx: ModuleContext) {
  app.get('/api/v1/me', { schema: { tags: ['accounts'], summary: 'The caller and their profile', response: { 200: profileOut } } }, async (req) =>
    s.users.getProfile(req.actor),
  );

  app.patch(
    '/api/v1/me',
    { schema: { tags: ['accounts'], summary: 'Update the caller’s owner profile', body: ownerProfileSchema, response: { 200: profileOut } } },
    async (req) => s.users.updateOwnerProfile(req.actor, req.body),
  );

  app.get(
    '/api/v1/owners',
    { schema: { tags: ['accounts'], summary: 'Staff: find owners by name, email or phone', querystring: ownerSearchSchema, response: { 200: ownerPageOut } } },
    async (req) => s.users.searchOwners(req.actor, req.query),
  );

  app.post(
    '/api/v1/owners',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Staff: register an owner at the front desk',
        body: z.object({ name: z.string(), email: z.string(), phone: z.string().optional(), preferredLanguage: z.string().optional() }),
        response: { 201: publicUserOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.users.createUser(req.actor, { ...req.body, role: 'owner' })),
  );

  app.get(
    '/api/v1/owners/:id',
    { schema: { tags: ['accounts'], summary: 'Staff: an owner with profile', params: z.object({ id: z.string().uuid() }), response: { 200: profileOut } } },
    async (req) => s.users.getProfile(req.actor, req.params.id),
  );

  app.get('/api/v1/staff', { schema: { tags: ['accounts'], summary: 'The clinic team', response: { 200: z.array(staffMemberOut) } } }, async (req) =>
    s.users.listStaff(req.actor),
  );

  app.get(
    '/api/v1/tokens',
    { schema: { tags: ['accounts'], summary: 'The caller’s API tokens (never the secret)', response: { 200: z.array(tokenOut) } } },
    async (req) => s.tokens.listTokens(req.actor),
  );
}
