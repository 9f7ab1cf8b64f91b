import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import { ownerDataOut, requestInput, requestOut, resolveInput } from './privacy.schemas';
import type { PrivacyServices } from './services';

const tags = ['privacy'];

/** `/api/v1/privacy`: an owner's ARCO rights (their data, their requests) and staff answering them. */
export async function privacyRoutes(app: HttpApp, s: PrivacyServices) {
  app.get(
    '/api/v1/privacy/my-data',
    { schema: { tags, summary: "Owners: everything the clinic keeps about them, each module's part by name (ARCO access)", response: { 200: ownerDataOut } } },
    async (req) => JSON.parse(JSON.stringify(await s.privacy.myData(req.actor))),
  );
  app.get(
    '/api/v1/privacy/my-data.pdf',
    { schema: { tags, summary: 'Owners: the same, as a readable PDF', response: { 200: fileResponse('The owner’s data', 'application/pdf') } } },
    async (req, reply) => {
      const pdf = await s.pdf(req.actor);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="mis-datos.pdf"').send(pdf);
    },
  );
  app.get(
    '/api/v1/privacy/requests',
    { schema: { tags, summary: 'Owners: their own requests; staff: the open ones and the last answered', response: { 200: z.array(requestOut) } } },
    async (req) => (req.actor.kind === 'owner' ? s.privacy.myRequests(req.actor) : s.privacy.listRequests(req.actor)),
  );
  app.post(
    '/api/v1/privacy/requests',
    { schema: { tags, summary: 'Owners: ask for access, rectification, cancellation or opposition', body: requestInput, response: { 201: requestOut } } },
    async (req, reply) => reply.status(201).send(await s.privacy.request(req.actor, req.body)),
  );
  app.post(
    '/api/v1/privacy/requests/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Admins: answer a request; a cancellation carried out anonymises the owner everywhere (invoices and their fiscal data stay)',
        params: idParams,
        body: resolveInput,
        response: { 200: requestOut },
      },
    },
    async (req) => s.privacy.resolve(req.actor, req.params.id, req.body),
  );
}
