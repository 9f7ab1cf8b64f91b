import { type HttpApp, idParams, noContent } from '@petfriendly/core';
import { z } from 'zod';
import {
  consentSchema,
  followUpOut,
  followUpQuerySchema,
  insightOut,
  insightQuerySchema,
  interactionOut,
  interactionSchema,
  ltvOut,
  noteOut,
  noteSchema,
  ownerParams,
  previewOut,
  previewSchema,
  profileOut,
  profileQuerySchema,
  searchSchema,
  segmentInputSchema,
  segmentMembersOut,
  segmentOut,
  summaryPageOut,
  tagParams,
  tagSchema,
  tagsOut,
} from './crm.schemas';
import type { CrmServices } from './services';

const tags = ['crm'];

/** `/api/v1/crm`: staff only (the services check). */
export async function crmRoutes(app: HttpApp, s: CrmServices) {
  const base = '/api/v1/crm';
  const c = s.customers;
  app.get(
    `${base}/customers`,
    { schema: { tags, summary: 'Search customers by name, email or phone, tags and segment', querystring: searchSchema, response: { 200: summaryPageOut } } },
    (req) => c.searchCustomers(req.actor, req.query),
  );
  app.get(
    `${base}/customers/:ownerId`,
    {
      schema: {
        tags,
        summary: "An owner's profile: figures, churn risk, notes, timeline, follow-ups, pets and purchases",
        params: ownerParams,
        querystring: profileQuerySchema,
        response: { 200: profileOut },
      },
    },
    (req) => c.getProfile(req.actor, req.params.ownerId, req.query),
  );
  app.get(
    `${base}/customers/:ownerId/ltv`,
    { schema: { tags, summary: 'Lifetime value: paid less refunded, IVA included', params: ownerParams, response: { 200: ltvOut } } },
    (req) => c.calculateLtv(req.actor, req.params.ownerId),
  );
  app.post(
    `${base}/customers/:ownerId/notes`,
    { schema: { tags, summary: 'Add a note (pinned ones come first)', params: ownerParams, body: noteSchema, response: { 201: noteOut } } },
    async (req, reply) => reply.status(201).send(await c.addNote(req.actor, req.params.ownerId, req.body)),
  );
  app.post(
    `${base}/customers/:ownerId/tags`,
    { schema: { tags, summary: 'Add a tag (once)', params: ownerParams, body: tagSchema, response: { 200: tagsOut } } },
    (req) => c.addTag(req.actor, req.params.ownerId, req.body),
  );
  app.delete(`${base}/customers/:ownerId/tags/:tag`, { schema: { tags, summary: 'Remove a tag', params: tagParams, response: { 200: tagsOut } } }, (req) =>
    c.removeTag(req.actor, req.params.ownerId, { tag: req.params.tag }),
  );
  app.put(
    `${base}/customers/:ownerId/marketing-consent`,
    {
      schema: {
        tags,
        summary: 'Record marketing consent given or withdrawn, with its source',
        params: ownerParams,
        body: consentSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await c.setMarketingConsent(req.actor, req.params.ownerId, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/customers/:ownerId/interactions`,
    {
      schema: {
        tags,
        summary: 'Log a call or message with outcome, sentiment and follow-up date',
        params: ownerParams,
        body: interactionSchema,
        response: { 201: interactionOut },
      },
    },
    async (req, reply) => reply.status(201).send(await c.logInteraction(req.actor, req.params.ownerId, req.body)),
  );
  app.get(
    `${base}/follow-ups`,
    {
      schema: {
        tags,
        summary: 'Open follow-ups due on a day (today by default) or earlier',
        querystring: followUpQuerySchema,
        response: { 200: z.array(followUpOut) },
      },
    },
    (req) => c.followUpsDue(req.actor, req.query),
  );
  app.post(
    `${base}/follow-ups/:id/complete`,
    { schema: { tags, summary: 'Mark a follow-up done', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await c.completeFollowUp(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(`${base}/segments`, { schema: { tags, summary: 'Active segments', response: { 200: z.array(segmentOut) } } }, (req) =>
    s.segments.listSegments(req.actor),
  );
  app.post(
    `${base}/segments`,
    {
      schema: { tags, summary: 'Create a segment from rules (static ones freeze their members now)', body: segmentInputSchema, response: { 201: segmentOut } },
    },
    async (req, reply) => reply.status(201).send(await s.segments.createSegment(req.actor, req.body)),
  );
  app.post(
    `${base}/segments/preview`,
    { schema: { tags, summary: 'Count rules now and show a sample of the owners they select', body: previewSchema, response: { 200: previewOut } } },
    (req) => s.segments.previewSegment(req.actor, req.body),
  );
  app.get(
    `${base}/segments/:id`,
    {
      schema: {
        tags,
        summary: 'A segment and a page of its members',
        params: idParams,
        querystring: searchSchema.pick({ page: true, pageSize: true }),
        response: { 200: segmentMembersOut },
      },
    },
    (req) => s.segments.getSegment(req.actor, { segmentId: req.params.id }, req.query),
  );
  app.get(
    `${base}/insights`,
    {
      schema: {
        tags,
        summary: 'Activity, new owners per month, churn-risk distribution or retention by first-visit cohort',
        querystring: insightQuerySchema,
        response: { 200: insightOut },
      },
    },
    (req) => s.insights.getInsights(req.actor, req.query),
  );
}
