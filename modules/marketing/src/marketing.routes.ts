import { type HttpApp, noContent, pageQuerySchema } from '@petfriendly/core';
import { z } from 'zod';
import {
  campaignInputSchema,
  campaignOut,
  campaignPageOut,
  campaignParams,
  campaignUpdateSchema,
  clickQuery,
  consentInputSchema,
  consentOut,
  countOut,
  countSchema,
  draftOut,
  draftSchema,
  previewOut,
  previewSchema,
  recipientPageOut,
  resultsOut,
  scheduleSchema,
  sequenceOut,
  sequenceParams,
  sequencePreviewOut,
  sequenceTextsOut,
  sequenceTextsSchema,
  sequenceUpdateSchema,
  suppressionInputSchema,
  suppressionOut,
  suppressionPageOut,
  testSendSchema,
  testSentOut,
  tokenParams,
} from './marketing.schemas';

const errorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

import type { MarketingServices } from './services';

const tags = ['marketing'];

/** `/api/v1/marketing` (managers and admins; an owner's own consent), and the one-click unsubscribe of RFC 8058. */
export async function marketingRoutes(app: HttpApp, s: MarketingServices) {
  const base = '/api/v1/marketing';
  const c = s.campaigns;
  app.get(
    `${base}/campaigns`,
    { schema: { tags, summary: 'Campaigns, newest first', querystring: pageQuerySchema, response: { 200: campaignPageOut } } },
    (req) => c.listCampaigns(req.actor, req.query),
  );
  app.post(
    `${base}/campaigns`,
    { schema: { tags, summary: 'A campaign to a segment, written per language (a draft)', body: campaignInputSchema, response: { 201: campaignOut } } },
    async (req, reply) => reply.status(201).send(await c.createCampaign(req.actor, req.body)),
  );
  app.get(`${base}/campaigns/:id`, { schema: { tags, summary: 'A campaign', params: campaignParams, response: { 200: campaignOut } } }, (req) =>
    c.getCampaign(req.actor, req.params.id),
  );
  app.patch(
    `${base}/campaigns/:id`,
    {
      schema: {
        tags,
        summary: 'Change a campaign not started yet (it goes back to draft)',
        params: campaignParams,
        body: campaignUpdateSchema,
        response: { 200: campaignOut },
      },
    },
    (req) => c.updateCampaign(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/campaigns/:id/preview`,
    { schema: { tags, summary: 'What one owner would receive, rendered', params: campaignParams, body: previewSchema, response: { 200: previewOut } } },
    (req) => c.previewCampaign(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/campaigns/:id/test`,
    {
      schema: {
        tags,
        summary: 'Send the mail, as an owner of the segment would get it, to oneself',
        params: campaignParams,
        body: testSendSchema,
        response: { 201: testSentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await c.testSend(req.actor, req.params.id, req.body)),
  );
  app.post(
    `${base}/campaigns/:id/schedule`,
    { schema: { tags, summary: 'Send at a time (now when none)', params: campaignParams, body: scheduleSchema, response: { 200: campaignOut } } },
    (req) => c.scheduleCampaign(req.actor, req.params.id, req.body),
  );
  for (const [action, summary] of [
    ['pause', 'Pause sending (what was sent stays sent)'],
    ['resume', 'Go on sending where it stopped'],
    ['cancel', 'Cancel: nothing more is sent'],
  ] as const) {
    app.post(`${base}/campaigns/:id/${action}`, { schema: { tags, summary, params: campaignParams, response: { 200: campaignOut } } }, (req) =>
      action === 'pause'
        ? c.pauseCampaign(req.actor, req.params.id)
        : action === 'resume'
          ? c.resumeCampaign(req.actor, req.params.id)
          : c.cancelCampaign(req.actor, req.params.id),
    );
  }
  app.get(
    `${base}/campaigns/:id/results`,
    { schema: { tags, summary: 'Recipients per state and channel; bookings and purchases attributed', params: campaignParams, response: { 200: resultsOut } } },
    (req) => c.campaignResults(req.actor, req.params.id),
  );
  app.get(
    `${base}/campaigns/:id/recipients`,
    {
      schema: {
        tags,
        summary: "A campaign's recipients and where each message got to",
        params: campaignParams,
        querystring: pageQuerySchema,
        response: { 200: recipientPageOut },
      },
    },
    (req) => c.listRecipients(req.actor, req.params.id, req.query),
  );
  app.get(
    `${base}/count`,
    { schema: { tags, summary: 'How many of a segment a campaign would reach now', querystring: countSchema, response: { 200: countOut } } },
    (req) => c.countRecipients(req.actor, req.query),
  );
  app.post(
    `${base}/draft`,
    { schema: { tags, summary: 'A campaign text to start from, for a goal, in a language', body: draftSchema, response: { 200: draftOut } } },
    async (req) => await s.draft(req.actor, req.body),
  );
  app.get(`${base}/sequences`, { schema: { tags, summary: 'Sequences and how many owners are in each', response: { 200: z.array(sequenceOut) } } }, (req) =>
    s.sequences.listSequences(req.actor),
  );
  app.patch(
    `${base}/sequences/:key`,
    { schema: { tags, summary: 'Switch a sequence on or off', params: sequenceParams, body: sequenceUpdateSchema, response: { 200: sequenceOut } } },
    (req) => s.sequences.setActive(req.actor, req.params.key, req.body),
  );
  app.put(
    `${base}/sequences/:key/texts`,
    {
      schema: {
        tags,
        summary: "A sequence's texts in one language, and each step's wait",
        params: sequenceParams,
        body: sequenceTextsSchema,
        response: { 200: sequenceTextsOut },
      },
    },
    (req) => s.sequenceTexts.updateTexts(req.actor, req.params.key, req.body),
  );
  app.post(
    `${base}/sequences/:key/preview`,
    {
      schema: {
        tags,
        summary: "A sequence's steps as an owner would read them, from the texts given (not saved)",
        params: sequenceParams,
        body: sequenceTextsSchema,
        response: { 200: sequencePreviewOut },
      },
    },
    (req) => s.sequenceTexts.previewTexts(req.actor, req.params.key, req.body),
  );
  app.get(
    `${base}/suppressions`,
    { schema: { tags, summary: 'Addresses never written to again', querystring: pageQuerySchema, response: { 200: suppressionPageOut } } },
    (req) => s.consent.listSuppressions(req.actor, req.query),
  );
  app.post(
    `${base}/suppressions`,
    {
      schema: {
        tags,
        summary: 'Suppress an address (a bounce or complaint reported elsewhere, an opt-out by phone)',
        body: suppressionInputSchema,
        response: { 201: suppressionOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.consent.addSuppression(req.actor, req.body)),
  );
  app.get(`${base}/me/consent`, { schema: { tags, summary: 'My marketing consent', response: { 200: consentOut } } }, (req) =>
    s.consent.getMyConsent(req.actor),
  );
  app.put(
    `${base}/me/consent`,
    { schema: { tags, summary: 'Give or withdraw my marketing consent', body: consentInputSchema, response: { 200: consentOut } } },
    (req) => s.consent.setMyConsent(req.actor, req.body.granted),
  );

  // RFC 8058 one-click: the mail client posts `List-Unsubscribe=One-Click` here, with no cookie and no form token.
  app.post(
    '/webhooks/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'One-click unsubscribe (List-Unsubscribe-Post)',
        params: tokenParams,
        response: { 204: noContent, 404: errorOut },
      },
    },
    async (req, reply) => {
      if (!(await s.consent.unsubscribe(req.params.token)))
        return reply.status(404).send({ error: { code: 'marketing.bad_link', message: 'This link is not valid.' } });
      return reply.status(204).send(null);
    },
  );
  // A link in a campaign mail: the click is counted and the reader sent on, only where the token was made to go.
  app.get(
    '/m/c/:token',
    {
      schema: {
        tags,
        summary: 'A tracked link of a campaign mail (redirects to its target)',
        params: tokenParams,
        querystring: clickQuery,
        response: { 404: errorOut },
      },
    },
    async (req, reply) => {
      const target = await s.clicks.follow(req.params.token, req.query.u);
      if (!target) return reply.status(404).send({ error: { code: 'marketing.bad_link', message: 'This link is not valid.' } });
      return reply.redirect(target, 302);
    },
  );
  app.get('/webhooks/unsubscribe/:token', { schema: { hide: true, params: tokenParams } }, (req, reply) =>
    reply.redirect(`/unsubscribe/${encodeURIComponent(req.params.token)}`, 303),
  );
}
