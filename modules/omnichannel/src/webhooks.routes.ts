import type { HttpApp, ModuleContext } from '@petfriendly/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  isTrustedSnsCertUrl,
  parseSesNotifications,
  parseTwilioInbound,
  parseTwilioStatus,
  parseWhatsAppWebhook,
  snsMessageSchema,
  verifyMetaSignature,
  verifySnsSignature,
  verifyTwilioSignature,
} from './providers';
import type { OmnichannelServices } from './services';

/**
 * Provider webhooks. Each verifies the provider's signature before anything else, and every message
 * and status is keyed by the provider's id, so a repeated delivery changes nothing.
 */
export async function webhookRoutes(app: HttpApp, s: OmnichannelServices, ctx: ModuleContext) {
  const settings = s.settings;
  const publicUrl = (req: FastifyRequest) => `${ctx.server.BASE_URL ?? `http://${req.headers.host}`}${req.url}`;
  const refuse = (reply: FastifyReply) => reply.status(403).send({ error: { code: 'omnichannel.bad_signature', message: 'The signature does not match.' } });
  const rateLimit = { max: 600, timeWindow: '1 minute' };

  // WhatsApp Cloud API: Meta signs the raw JSON body, so this scope keeps the bytes as they came.
  await app.register(async (scope: HttpApp) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    const verification = z.object({ 'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().optional() });
    scope.get('/webhooks/whatsapp', { schema: { hide: true, querystring: verification } }, async (req, reply) => {
      const q = req.query;
      if (q['hub.mode'] === 'subscribe' && settings.WHATSAPP_VERIFY_TOKEN && q['hub.verify_token'] === settings.WHATSAPP_VERIFY_TOKEN)
        return reply.type('text/plain').send(q['hub.challenge'] ?? '');
      return refuse(reply);
    });

    scope.post<{ Body: Buffer }>('/webhooks/whatsapp', { schema: { hide: true }, config: { rateLimit } }, async (req, reply) => {
      const raw = req.body;
      const signature = req.headers['x-hub-signature-256'];
      if (
        !settings.WHATSAPP_APP_SECRET ||
        typeof signature !== 'string' ||
        !verifyMetaSignature({ appSecret: settings.WHATSAPP_APP_SECRET, rawBody: raw, signatureHeader: signature })
      )
        return refuse(reply);
      const parsed = parseWhatsAppWebhook(JSON.parse(raw.toString('utf8')));
      for (const m of parsed.messages)
        await s.inbox.recordInbound({
          channel: 'whatsapp',
          provider: 'whatsapp-cloud',
          externalId: m.providerMessageId,
          from: `+${m.from.replace(/^\+/, '')}`,
          text: m.text,
          at: m.timestamp,
        });
      for (const st of parsed.statuses)
        await s.inbox.recordStatus({ provider: 'whatsapp-cloud', externalId: st.providerMessageId, status: st.status, at: st.timestamp, code: st.errorCode });
      return reply.send({ ok: true });
    });
  });

  type TwilioForm = { Body: Record<string, string> };
  const twilioVerified = (req: FastifyRequest<TwilioForm>) => {
    const signature = req.headers['x-twilio-signature'];
    return (
      !!settings.TWILIO_AUTH_TOKEN &&
      typeof signature === 'string' &&
      verifyTwilioSignature({ authToken: settings.TWILIO_AUTH_TOKEN, url: publicUrl(req), params: req.body, signature })
    );
  };

  app.post<TwilioForm>('/webhooks/twilio/sms', { schema: { hide: true }, config: { rateLimit } }, async (req, reply) => {
    if (!twilioVerified(req)) return refuse(reply);
    const inbound = parseTwilioInbound(req.body);
    await s.inbox.recordInbound({
      channel: 'sms',
      provider: 'twilio',
      externalId: inbound.providerMessageId,
      from: inbound.from,
      text: inbound.text,
      at: ctx.clock.now(),
    });
    return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });

  app.post<TwilioForm>('/webhooks/twilio/status', { schema: { hide: true }, config: { rateLimit } }, async (req, reply) => {
    if (!twilioVerified(req)) return refuse(reply);
    const update = parseTwilioStatus(req.body);
    if (update && update.status !== 'queued')
      await s.inbox.recordStatus({
        provider: 'twilio',
        externalId: update.providerMessageId,
        status: update.status,
        at: ctx.clock.now(),
        code: update.errorCode,
      });
    return reply.status(204).send();
  });

  // Amazon SES through SNS: bounces, complaints and deliveries. SNS posts JSON as text/plain and signs it
  // with a certificate published on an AWS host, fetched once and kept.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/ses', { schema: { hide: true }, config: { rateLimit } }, async (req, reply) => {
      let parsed: ReturnType<typeof snsMessageSchema.safeParse> | null;
      try {
        parsed = snsMessageSchema.safeParse(JSON.parse(String(req.body)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return reply.status(400).send({ error: { code: 'omnichannel.bad_payload', message: 'Not an SNS message.' } });
      const message = parsed.data;
      if (!isTrustedSnsCertUrl(message.SigningCertURL)) return refuse(reply);
      const certificatePem = await s.snsCertificate(message.SigningCertURL);
      if (!verifySnsSignature(message, { certificatePem })) return refuse(reply);
      if (message.Type === 'SubscriptionConfirmation' && message.SubscribeURL && new URL(message.SubscribeURL).hostname.endsWith('.amazonaws.com')) {
        await fetch(message.SubscribeURL);
      }
      for (const n of parseSesNotifications(message)) {
        await s.inbox.recordStatus({
          provider: 'smtp',
          externalId: n.providerMessageId,
          status: n.status,
          at: ctx.clock.now(),
          error: n.event === 'delivery' ? undefined : n.event,
        });
        if (n.permanent) for (const email of n.recipients) await s.preferences.disableEmail(email, n.event === 'complaint' ? 'complaint' : 'hard_bounce');
      }
      return reply.status(204).send();
    });
  });
}
