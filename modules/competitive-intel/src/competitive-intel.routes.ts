import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import {
  archiveSchema,
  comparisonOut,
  competitorDetailOut,
  competitorOut,
  competitorSchema,
  competitorVisitOut,
  daysSchema,
  insightsOut,
  outlierOut,
  pricingOut,
  pricingSchema,
  serviceParams,
} from './competitive-intel.schemas';
import type { CompetitiveIntelServices } from './services';

const tags = ['competitive-intel'];
const listQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });

/** `/api/v1/competitors`: managers and admins (the services check). */
export async function competitiveIntelRoutes(app: HttpApp, s: CompetitiveIntelServices) {
  const base = '/api/v1/competitors';
  const c = s.competitors;
  app.get(base, { schema: { tags, summary: 'The competitors watched, by name', querystring: listQuery, response: { 200: z.array(competitorOut) } } }, (req) =>
    c.getCompetitors(req.actor, { includeArchived: req.query.includeArchived === 'true' }),
  );
  app.post(base, { schema: { tags, summary: 'Add a competitor', body: competitorSchema, response: { 201: competitorOut } } }, async (req, reply) =>
    reply.status(201).send(await c.addCompetitor(req.actor, req.body)),
  );
  app.get(
    `${base}/pricing`,
    { schema: { tags, summary: 'Every service competitors price, compared with ours', response: { 200: z.array(comparisonOut) } } },
    (req) => c.compareAll(req.actor),
  );
  app.get(
    `${base}/pricing/outliers`,
    { schema: { tags, summary: 'Our services priced over or under the market by more than the margin', response: { 200: z.array(outlierOut) } } },
    (req) => c.pricingOutliers(req.actor),
  );
  app.get(
    `${base}/pricing/:serviceTypeId`,
    {
      schema: {
        tags,
        summary: "A service's price against each competitor's latest: min, median, max, our position, history",
        params: serviceParams,
        response: { 200: comparisonOut },
      },
    },
    (req) => c.comparePricing(req.actor, req.params.serviceTypeId),
  );
  app.get(
    `${base}/visits`,
    {
      schema: { tags, summary: "Visits from competitors' IP ranges in the last days", querystring: daysSchema, response: { 200: z.array(competitorVisitOut) } },
    },
    (req) => s.visitors.getCompetitorVisits(req.actor, req.query),
  );
  app.get(`${base}/insights`, { schema: { tags, summary: 'What the prices and visits say, from rules', response: { 200: insightsOut } } }, (req) =>
    s.insights.getInsights(req.actor),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'A competitor with its prices, latest first', params: idParams, response: { 200: competitorDetailOut } } },
    (req) => c.getCompetitor(req.actor, req.params.id),
  );
  app.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Change a competitor', params: idParams, body: competitorSchema, response: { 200: competitorOut } } },
    (req) => c.updateCompetitor(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/archive`,
    {
      schema: {
        tags,
        summary: 'Archive a competitor (or bring it back with archived: false)',
        params: idParams,
        body: archiveSchema,
        response: { 200: competitorOut },
      },
    },
    (req) => c.archiveCompetitor(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/prices`,
    { schema: { tags, summary: "Log a competitor's price (IVA included)", params: idParams, body: pricingSchema, response: { 201: pricingOut } } },
    async (req, reply) => reply.status(201).send(await c.logPricing(req.actor, req.params.id, req.body)),
  );
}
