import { createHmac } from 'node:crypto';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../apps/server/test/helpers';
import { conversations, messages } from '../src/omnichannel.tables';

const APP_SECRET = 'meta-app-secret';
const TWILIO_TOKEN = 'twilio-auth-token';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    env: {
      OMNICHANNEL__WHATSAPP_APP_SECRET: APP_SECRET,
      OMNICHANNEL__WHATSAPP_VERIFY_TOKEN: 'verify-me',
      OMNICHANNEL__TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    },
  });
  const owner = await OwnerFactory(t.platform, { name: 'Pedro Ortiz' });
  await t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone: '55 4444 3333' });
});
afterAll(async () => t?.close());

const inbound = (id: string, text: string) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { phone_number_id: '1' },
            contacts: [{ profile: { name: 'Pedro' }, wa_id: '5215544443333' }],
            messages: [{ from: '5215544443333', id, timestamp: '1773158400', type: 'text', text: { body: text } }],
          },
        },
      ],
    },
  ],
});
const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const postWhatsApp = (body: string, signature: string) =>
  t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, payload: body });
const inboundRows = () => t.platform.ctx.db.select().from(messages).where(eq(messages.direction, 'inbound'));

describe('WhatsApp webhook', () => {
  it('answers Meta’s verification challenge only with the right token', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42' });
    expect(ok.body).toBe('42');
    expect((await t.app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42' })).statusCode).toBe(403);
  });

  it('refuses a forged signature and records nothing', async () => {
    const body = JSON.stringify(inbound('wamid.FORGED', 'hola'));
    expect((await postWhatsApp(body, sign(body, 'not-the-secret'))).statusCode).toBe(403);
    expect((await postWhatsApp(body, 'sha256=00')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json' }, payload: body })).statusCode).toBe(
      403,
    );
    expect(await inboundRows()).toEqual([]);
  });

  it('records a signed message once, however often Meta repeats it, linked to the owner', async () => {
    const body = JSON.stringify(inbound('wamid.HELLO', '¿Tienen cita mañana?'));
    expect((await postWhatsApp(body, sign(body))).statusCode).toBe(200);
    expect((await postWhatsApp(body, sign(body))).statusCode).toBe(200);
    const rows = await inboundRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ content: '¿Tienen cita mañana?', externalId: 'wamid.HELLO', provider: 'whatsapp-cloud', isRead: false });
    const [conversation] = await t.platform.ctx.db.select().from(conversations).where(eq(conversations.id, rows[0]!.conversationId));
    expect(conversation).toMatchObject({ status: 'waiting', contact: '+525544443333' });
    expect(conversation!.ownerId).not.toBeNull();
  });

  it('moves delivery status forward only', async () => {
    const [row] = await inboundRows();
    const [sent] = await t.platform.ctx.db
      .insert(messages)
      .values({
        conversationId: row!.conversationId,
        direction: 'outbound',
        senderType: 'system',
        content: 'Sí, a las 10',
        status: 'sent',
        provider: 'whatsapp-cloud',
        externalId: 'wamid.OUT',
      })
      .returning();
    const status = (s: string) =>
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'WABA',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { phone_number_id: '1' },
                  statuses: [{ id: 'wamid.OUT', status: s, timestamp: '1773158500', recipient_id: '5215544443333' }],
                },
              },
            ],
          },
        ],
      });
    for (const s of ['read', 'delivered']) {
      const body = status(s);
      await postWhatsApp(body, sign(body));
    }
    const [after] = await t.platform.ctx.db.select().from(messages).where(eq(messages.id, sent!.id));
    expect(after!.status).toBe('read');
    expect(after!.readAt).not.toBeNull();
    const delivered = (await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'omnichannel.message_delivered'))).map((e) => e.payload);
    expect(delivered).toEqual([expect.objectContaining({ messageId: sent!.id, channel: 'whatsapp', status: 'read' })]);
  });
});

describe('Twilio SMS webhook', () => {
  const url = 'http://localhost:3000/webhooks/twilio/sms';
  const params = { MessageSid: 'SM123', From: '+525544443333', To: '+15005550006', Body: 'Confirmo' };
  const twilioSignature = (p: Record<string, string>, token = TWILIO_TOKEN) =>
    createHmac('sha1', token)
      .update(
        url +
          Object.keys(p)
            .sort()
            .map((k) => k + p[k])
            .join(''),
      )
      .digest('base64');
  const post = (p: Record<string, string>, signature: string) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      payload: new URLSearchParams(p).toString(),
    });

  it('refuses a forged or tampered request', async () => {
    expect((await post(params, twilioSignature(params, 'wrong-token'))).statusCode).toBe(403);
    expect((await post({ ...params, Body: 'Cancelo' }, twilioSignature(params))).statusCode).toBe(403);
    expect((await inboundRows()).map((m) => m.externalId)).not.toContain('SM123');
  });

  it('records a signed SMS once and answers with empty TwiML', async () => {
    const first = await post(params, twilioSignature(params));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<Response>');
    await post(params, twilioSignature(params));
    expect((await inboundRows()).filter((m) => m.externalId === 'SM123')).toHaveLength(1);
  });
});

describe('a WhatsApp message that fails after it was accepted', () => {
  it('fails over to the next channel when Meta reports 131047 (outside the 24-hour window)', async () => {
    const owner = await OwnerFactory(t.platform, { name: 'Sara Núñez', email: 'sara@example.mx' });
    await t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone: '55 6060 7070' });
    const queued = await t.platform.services.omnichannel.messages.sendMessage(
      { kind: 'system', language: 'es' },
      { userId: owner.user.id, message: 'Su receta está lista.' },
    );
    await t.platform.ctx.db.update(messages).set({ status: 'sent', provider: 'whatsapp-cloud', externalId: 'wamid.LATE' }).where(eq(messages.id, queued.id));
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '1' },
                statuses: [
                  {
                    id: 'wamid.LATE',
                    status: 'failed',
                    timestamp: '1773158600',
                    recipient_id: '525560607070',
                    errors: [{ code: 131047, title: 'Re-engagement message' }],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect((await postWhatsApp(body, sign(body))).statusCode).toBe(200);
    const [failed] = await t.platform.ctx.db.select().from(messages).where(eq(messages.id, queued.id));
    expect(failed).toMatchObject({ status: 'failed', error: '131047' });
    const [next] = await t.platform.ctx.db.select().from(messages).where(eq(messages.escalatedFrom, queued.id));
    expect(next).toMatchObject({ content: 'Su receta está lista.', status: 'pending' });
  });
});
