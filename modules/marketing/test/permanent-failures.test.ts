import { createHmac } from 'node:crypto';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { messages } from '@petfriendly/omnichannel/tables';
import { startLoopbackServer } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../apps/server/test/helpers';
import { suppressions } from '../src/marketing.tables';

vi.setConfig({ testTimeout: 120_000 });

const APP_SECRET = 'meta-app-secret';
const TWILIO_TOKEN = 'twilio-auth-token';
let t: TestApp;
let api: Awaited<ReturnType<typeof startLoopbackServer>>;

beforeAll(async () => {
  // Twilio's and Meta's APIs, answered by a loopback server; their webhooks signed with these secrets.
  api = await startLoopbackServer();
  t = await createTestApp({
    env: {
      OMNICHANNEL__TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
      OMNICHANNEL__TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      OMNICHANNEL__TWILIO_PHONE_NUMBER: '+15005550006',
      OMNICHANNEL__TWILIO_BASE_URL: api.baseUrl,
      OMNICHANNEL__WHATSAPP_PHONE_NUMBER_ID: '1',
      OMNICHANNEL__WHATSAPP_ACCESS_TOKEN: 'meta-token',
      OMNICHANNEL__WHATSAPP_BASE_URL: api.baseUrl,
      OMNICHANNEL__WHATSAPP_APP_SECRET: APP_SECRET,
    },
  });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await api?.close();
});

const settle = () => t.platform.ctx.events.dispatch();
const suppressionOf = async (address: string) => (await t.platform.ctx.db.select().from(suppressions).where(eq(suppressions.address, address)))[0];

/** An owner reached only by SMS or only by WhatsApp at this number (nothing to fail over to), and a message to them queued. */
async function messageTo(channel: 'sms' | 'whatsapp', phone: string) {
  const owner = await OwnerFactory(t.platform, { name: `Dueño ${phone}` });
  await t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone, preferredChannel: channel });
  await t.platform.services.omnichannel.preferences.updatePreferences(owner.actor, {
    emailEnabled: false,
    smsEnabled: channel === 'sms',
    whatsappEnabled: channel === 'whatsapp',
  });
  const queued = await t.platform.services.omnichannel.messages.sendMessage(
    { kind: 'system', language: 'es' },
    { userId: owner.user.id, message: 'Promoción', channel },
  );
  return { owner, queued };
}

/** The provider took the message (it has its id) and reports later. */
async function accepted(messageId: number, provider: string, externalId: string) {
  await t.platform.ctx.db.update(messages).set({ status: 'sent', provider, externalId }).where(eq(messages.id, messageId));
}

const twilioStatus = (params: Record<string, string>) => {
  const url = 'http://localhost:3000/webhooks/twilio/status';
  const signed = Object.keys(params)
    .sort()
    .reduce((s, k) => s + k + params[k], url);
  return t.app.inject({
    method: 'POST',
    url: '/webhooks/twilio/status',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': createHmac('sha1', TWILIO_TOKEN).update(signed).digest('base64') },
    payload: new URLSearchParams(params).toString(),
  });
};

const whatsappFailed = (id: string, recipient: string, code: number) => {
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
              statuses: [{ id, status: 'failed', timestamp: '1773158600', recipient_id: recipient, errors: [{ code, title: 'failed' }] }],
            },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  return t.app.inject({
    method: 'POST',
    url: '/webhooks/whatsapp',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    payload: body,
  });
};

describe('a number the provider reports gone for good is suppressed for marketing, like a hard bounce', () => {
  it("SMS refused when sent: Twilio's 21211 (invalid number) and 21614 (not a mobile)", async () => {
    const sent = [];
    for (const [phone, code, message] of [
      ['55 1000 0001', 21211, "Invalid 'To' Phone Number"],
      ['55 1000 0002', 21614, "'To' number is not a valid mobile number"],
    ] as const) {
      sent.push(await messageTo('sms', phone));
      api.respondWith({ status: 400, body: { code, message, status: 400 } });
      await t.platform.ctx.jobs.runReady(['omnichannel.send']);
    }
    await settle();
    const [invalid, landline] = sent as [Awaited<ReturnType<typeof messageTo>>, Awaited<ReturnType<typeof messageTo>>];
    for (const { queued } of sent) expect((await t.platform.ctx.db.select().from(messages).where(eq(messages.id, queued.id)))[0]!.status).toBe('failed');
    expect(await suppressionOf('+525510000001')).toMatchObject({ channel: 'sms', reason: 'invalid_number', ownerId: invalid.owner.user.id });
    expect(await suppressionOf('+525510000002')).toMatchObject({ channel: 'sms', reason: 'not_mobile', ownerId: landline.owner.user.id });
  });

  it("SMS reported undelivered by Twilio's status callback: 21610 (opted out) suppresses, 30003 (phone off) does not", async () => {
    const stopped = await messageTo('sms', '55 1000 0003');
    const off = await messageTo('sms', '55 1000 0004');
    await accepted(stopped.queued.id, 'twilio', 'SM0003');
    await accepted(off.queued.id, 'twilio', 'SM0004');
    expect((await twilioStatus({ MessageSid: 'SM0003', MessageStatus: 'undelivered', ErrorCode: '21610' })).statusCode).toBe(204);
    expect((await twilioStatus({ MessageSid: 'SM0004', MessageStatus: 'undelivered', ErrorCode: '30003' })).statusCode).toBe(204);
    await settle();
    expect(await suppressionOf('+525510000003')).toMatchObject({ channel: 'sms', reason: 'opted_out', ownerId: stopped.owner.user.id });
    expect(await suppressionOf('+525510000004')).toBeUndefined();
    expect((await t.platform.ctx.db.select().from(messages).where(eq(messages.id, off.queued.id)))[0]).toMatchObject({ status: 'failed', error: '30003' });
  });

  it('WhatsApp failed statuses: 131026 (undeliverable) and 131050 (stopped marketing) suppress, 131047 (outside the window) does not', async () => {
    const cases = [
      ['55 1000 0005', 131026, 'undeliverable'],
      ['55 1000 0006', 131050, 'opted_out'],
      ['55 1000 0007', 131047, null],
    ] as const;
    for (const [phone, code] of cases) {
      const { queued } = await messageTo('whatsapp', phone);
      await accepted(queued.id, 'whatsapp-cloud', `wamid.${code}`);
      expect((await whatsappFailed(`wamid.${code}`, `52${phone.replace(/\D/g, '')}`, code)).statusCode).toBe(200);
    }
    await settle();
    for (const [phone, , reason] of cases) {
      const found = await suppressionOf(`+52${phone.replace(/\D/g, '')}`);
      if (reason) expect(found).toMatchObject({ channel: 'whatsapp', reason });
      else expect(found).toBeUndefined();
    }
  });

  it('WhatsApp refused when sent: the Cloud API answers 131026', async () => {
    const gone = await messageTo('whatsapp', '55 1000 0008');
    api.respondWith({ status: 400, body: { error: { code: 131026, message: 'Message undeliverable', type: 'OAuthException' } } });
    await t.platform.ctx.jobs.runReady(['omnichannel.send']);
    await settle();
    expect(await suppressionOf('+525510000008')).toMatchObject({ channel: 'whatsapp', reason: 'undeliverable', ownerId: gone.owner.user.id });
  });
});
