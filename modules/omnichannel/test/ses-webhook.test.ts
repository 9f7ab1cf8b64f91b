import { sign } from 'node:crypto';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../apps/server/test/helpers';
import { messages, notificationPreferences } from '../src/omnichannel.tables';
import { selfSignedCertificate } from '../src/providers/x509-test-certificate';

const CERT_URL = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem';
const { privateKey, certificatePem } = selfSignedCertificate('sns.amazonaws.com');
let t: TestApp;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let sentId: number;

/** An SNS notification as Amazon signs it (signature version 1, SHA1withRSA over the canonical fields). */
function snsNotification(message: object, overrides: Record<string, string> = {}) {
  const base: Record<string, string> = {
    Type: 'Notification',
    MessageId: 'a1b2c3',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:ses-feedback',
    Message: JSON.stringify(message),
    Timestamp: '2026-03-10T16:00:00.000Z',
    SignatureVersion: '1',
    SigningCertURL: CERT_URL,
  };
  const canonical = ['Message', 'MessageId', 'Timestamp', 'TopicArn', 'Type'].map((k) => `${k}\n${base[k]}\n`).join('');
  return { ...base, Signature: sign('sha1', Buffer.from(canonical), privateKey).toString('base64'), ...overrides };
}

beforeAll(async () => {
  vi.stubGlobal('fetch', async (url: string | URL) => {
    if (String(url) === CERT_URL) return new Response(certificatePem);
    throw new Error(`unexpected fetch ${url}`);
  });
  t = await createTestApp();
  owner = await OwnerFactory(t.platform, { email: 'rebota@example.mx' });
  const queued = await t.platform.services.omnichannel.messages.sendMessage(
    { kind: 'system', language: 'es' },
    { userId: owner.user.id, channel: 'email', message: 'Hola' },
  );
  await t.platform.ctx.db.update(messages).set({ status: 'sent', provider: 'smtp', externalId: 'ses-0001' }).where(eq(messages.id, queued.id));
  sentId = queued.id;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await t?.close();
});

const bounce = {
  notificationType: 'Bounce',
  mail: { messageId: 'ses-0001', destination: ['rebota@example.mx'] },
  bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'rebota@example.mx' }] },
};
const post = (body: object) =>
  t.app.inject({ method: 'POST', url: '/webhooks/ses', headers: { 'content-type': 'text/plain; charset=UTF-8' }, payload: JSON.stringify(body) });

describe('SES webhook', () => {
  it('refuses a tampered notification and one signed with an untrusted certificate URL', async () => {
    const tampered = snsNotification(bounce, { Message: JSON.stringify({ ...bounce, mail: { messageId: 'ses-0001', destination: ['otro@example.mx'] } }) });
    expect((await post(tampered)).statusCode).toBe(403);
    expect((await post(snsNotification(bounce, { SigningCertURL: 'https://evil.example.com/cert.pem' }))).statusCode).toBe(403);
    expect((await post({ hello: 'world' })).statusCode).toBe(400);
    const [row] = await t.platform.ctx.db.select().from(messages).where(eq(messages.id, sentId));
    expect(row!.status).toBe('sent');
  });

  it('a permanent bounce fails the message and stops email to that address', async () => {
    expect((await post(snsNotification(bounce))).statusCode).toBe(204);
    const [row] = await t.platform.ctx.db.select().from(messages).where(eq(messages.id, sentId));
    expect(row).toMatchObject({ status: 'failed', error: 'bounce' });
    const [prefs] = await t.platform.ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, owner.user.id));
    expect(prefs!.emailEnabled).toBe(false);
    expect((await post(snsNotification(bounce))).statusCode).toBe(204);
  });
});
