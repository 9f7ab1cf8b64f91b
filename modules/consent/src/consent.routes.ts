import { apiErrorSchema, type HttpApp, type ModuleContext } from '@petfriendly/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  consentOut,
  editSchema,
  idParams,
  publicConsentOut,
  requestOut,
  requestSchema,
  requirementOut,
  requirementSchema,
  revokeSchema,
  serviceTypeParams,
  signSchema,
  templateOut,
  templateParams,
  templateSchema,
  tokenParams,
  visitParams,
} from './consent.schemas';
import type { ConsentServices } from './services';

const tags = ['consent'];

/** Who signed from where: the request's address and browser, kept with the signature. */
export const signingMeta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
/** The owner's phone link, absolute: it leaves the site (a message, a QR code). */
export const linkOf = (ctx: ModuleContext, path: string) => `${ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`}${path}`;

/** `/api/v1/consents`: staff request, read, correct and revoke; the owner's link reads and signs without an account. */
export async function consentRoutes(app: HttpApp, s: ConsentServices, ctx: ModuleContext) {
  const base = '/api/v1/consents';
  const c = s.consents;
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Request a consent for a visit or an appointment (staff); the phone link is returned once',
        body: requestSchema,
        response: { 201: requestOut },
      },
    },
    async (req, reply) => {
      const { consent, path } = await c.request(req.actor, req.body);
      return reply.status(201).send({ consent, link: linkOf(ctx, path) });
    },
  );
  app.get(
    '/api/v1/consents/pending',
    { schema: { tags, summary: 'Consents waiting for a signature (staff)', response: { 200: z.array(consentOut) } } },
    (req) => c.listPending(req.actor),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'One consent (staff)', params: idParams, response: { 200: consentOut } } }, (req) =>
    c.get(req.actor, req.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Correct a consent not yet signed (a signed one answers 409)',
        params: idParams,
        body: editSchema,
        response: { 200: consentOut },
      },
    },
    (req) => c.edit(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/revocations`,
    {
      schema: {
        tags,
        summary: 'Record that the owner withdrew a signed consent before the procedure',
        params: idParams,
        body: revokeSchema,
        response: { 201: consentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await c.revoke(req.actor, req.params.id, req.body.reason)),
  );
  app.get(
    '/api/v1/visits/:visitId/consents',
    { schema: { tags, summary: "A visit's consents (staff)", params: visitParams, response: { 200: z.array(consentOut) } } },
    (req) => c.listForVisit(req.actor, req.params.visitId),
  );
  const linkErrors = { 404: apiErrorSchema, 409: apiErrorSchema, 410: apiErrorSchema };
  app.get(
    '/api/v1/consent-links/:token',
    {
      schema: { tags, summary: 'The consent behind a phone link (no account needed)', params: tokenParams, response: { 200: publicConsentOut, ...linkErrors } },
    },
    (req) => c.getForToken(req.params.token),
  );
  app.post(
    '/api/v1/consent-links/:token/signature',
    {
      schema: {
        tags,
        summary: 'Sign through a phone link: the typed name and the drawn signature (PNG data URL); the link works once',
        params: tokenParams,
        body: signSchema,
        response: { 200: publicConsentOut, ...linkErrors },
      },
    },
    async (req) => {
      const { id, kind, lang, title, body, status, expiresAt, signedAt } = await c.signWithToken(req.params.token, req.body, signingMeta(req));
      return { id, kind, lang, title, body, status, expiresAt, signedAt };
    },
  );
  app.get(
    '/api/v1/consent-templates',
    { schema: { tags, summary: 'Every consent text per kind and language (staff)', response: { 200: z.array(templateOut) } } },
    (req) => s.templates.listTemplates(req.actor),
  );
  app.put(
    '/api/v1/consent-templates/:kind/:lang',
    {
      schema: {
        tags,
        summary: "Replace the clinic's text of a kind of consent in a language (vets, managers, admins)",
        params: templateParams,
        body: templateSchema,
        response: { 200: templateOut },
      },
    },
    (req) => s.templates.updateTemplate(req.actor, req.params.kind, req.params.lang, req.body),
  );
  app.put(
    '/api/v1/service-types/:serviceTypeId/consent',
    {
      schema: {
        tags,
        summary: 'Say which consent a service type needs (null: none)',
        params: serviceTypeParams,
        body: requirementSchema,
        response: { 200: requirementOut },
      },
    },
    (req) => s.templates.setRequirement(req.actor, req.params.serviceTypeId, req.body),
  );
  // The signed PDF for people: a page's link (cookie) or the API (token).
  app.get('/admin/consents/:id/consent.pdf', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const pdf = await c.pdfOf(req.actor, req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${pdf.filename}"`)
      .header('x-content-sha256', pdf.sha256)
      .send(pdf.bytes);
  });
}
