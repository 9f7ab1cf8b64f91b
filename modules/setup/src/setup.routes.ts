import type { HttpApp } from '@petfriendly/core';
import { z } from 'zod';
import { clinicFactsSchema, inviteSchema, starterCategoriesSchema, starterServicesSchema, statusOut, stepParams } from './setup.schemas';
import type { SetupService } from './setup.service';

const tags = ['setup'];
const userOut = z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.string() });

/** `/api/v1/setup`: the first-run steps for an admin (the first admin is created on the page, /setup). */
export async function setupRoutes(app: HttpApp, s: SetupService) {
  app.get('/api/v1/setup', { schema: { tags, summary: 'What setup has done and what is missing', response: { 200: statusOut } } }, async () => s.status());
  app.put(
    '/api/v1/setup/clinic',
    {
      schema: {
        tags,
        summary: "Admins: the clinic's name, address, phone, time zone, language, opening hours and closed days",
        body: clinicFactsSchema,
        response: { 200: z.object({ name: z.string(), timeZone: z.string(), restartNeeded: z.boolean() }).passthrough() },
      },
    },
    async (req) => s.saveClinic(req.actor, req.body),
  );
  app.put(
    '/api/v1/setup/fiscal',
    {
      schema: {
        tags,
        summary: 'Admins: the clinic as CFDI emisor (RFC, name, régimen, postal code)',
        body: z.object({ rfc: z.string(), legalName: z.string(), regimenFiscal: z.string(), postalCode: z.string() }),
        response: { 200: z.object({ rfc: z.string(), legalName: z.string(), regimenFiscal: z.string(), postalCode: z.string() }).passthrough() },
      },
    },
    async (req) => s.saveFiscal(req.actor, req.body),
  );
  app.put(
    '/api/v1/setup/csd',
    {
      schema: {
        tags,
        summary: 'Admins: the clinic’s CSD (checked by sealing a test string), files in base64',
        body: z.object({ cer: z.base64().max(30_000), key: z.base64().max(30_000), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ rfc: z.string(), noCertificado: z.string(), validTo: z.string() }) },
      },
    },
    async (req) => s.installCsd(req.actor, { cer: Buffer.from(req.body.cer, 'base64'), key: Buffer.from(req.body.key, 'base64'), password: req.body.password }),
  );
  app.post(
    '/api/v1/setup/staff',
    { schema: { tags, summary: 'Admins: invite a member of the team by email', body: inviteSchema, response: { 201: userOut } } },
    async (req, reply) => reply.status(201).send(await s.inviteStaff(req.actor, req.body)),
  );
  app.post(
    '/api/v1/setup/services',
    {
      schema: {
        tags,
        summary: 'Admins: add starter services at the clinic’s prices (IVA included)',
        body: starterServicesSchema,
        response: { 201: z.array(z.object({ id: z.number().int(), name: z.string(), price: z.string() }).passthrough()) },
      },
    },
    async (req, reply) => reply.status(201).send(await s.addStarterServices(req.actor, req.body)),
  );
  app.post(
    '/api/v1/setup/categories',
    {
      schema: {
        tags,
        summary: 'Admins: add starter shop categories and others by name',
        body: starterCategoriesSchema,
        response: { 201: z.array(z.object({ id: z.number().int(), name: z.string(), depth: z.number().int() }).passthrough()) },
      },
    },
    async (req, reply) => reply.status(201).send(await s.addStarterCategories(req.actor, req.body)),
  );
  app.post(
    '/api/v1/setup/steps/:step/skip',
    { schema: { tags, summary: 'Admins: leave a step for later (it stays on the dashboard)', params: stepParams, response: { 200: statusOut } } },
    async (req) => s.skip(req.actor, req.params.step),
  );
}
