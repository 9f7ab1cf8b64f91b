import { createHmac } from 'node:crypto';
import { startLoopbackServer } from '@petfriendly/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTwilioInbound, parseTwilioStatus, twilioSmsProvider, verifyTwilioSignature } from './twilio';
import { ProviderError } from './types';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'test-auth-token';

describe('twilioSmsProvider', () => {
  let server: Awaited<ReturnType<typeof startLoopbackServer>>;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  const provider = () =>
    twilioSmsProvider({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+15017122661',
      statusCallbackUrl: 'https://clinic.example/webhooks/sms/status',
      baseUrl: server.baseUrl,
    });

  it('posts the documented form to the Messages resource with Basic auth', async () => {
    server.respondWith({ status: 201, body: { sid: 'SM1234567890abcdef1234567890abcdef', status: 'queued' } });

    const result = await provider().send({ channel: 'sms', to: '+5215512345678', text: 'Recordatorio: Firulais, mañana 10:00' });

    expect(result).toEqual({ providerMessageId: 'SM1234567890abcdef1234567890abcdef', status: 'queued' });
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: '+5215512345678',
      From: '+15017122661',
      Body: 'Recordatorio: Firulais, mañana 10:00',
      StatusCallback: 'https://clinic.example/webhooks/sms/status',
    });
  });

  it("turns Twilio's 4xx into a non-retryable error carrying its code and message", async () => {
    server.respondWith({
      status: 400,
      body: { code: 21211, message: "Invalid 'To' Phone Number: +52123", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 },
    });

    const error = await provider()
      .send({ channel: 'sms', to: '+52123', text: 'hola' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: false, providerCode: '21211', message: "twilio: Invalid 'To' Phone Number: +52123" });
  });

  it.each([429, 500, 503])('treats HTTP %i as retryable', async (status) => {
    server.respondWith({ status, body: { code: 20429, message: 'Too Many Requests', status } });

    await expect(provider().send({ channel: 'sms', to: '+5215512345678', text: 'hola' })).rejects.toMatchObject({ retryable: true });
  });

  it('treats an unreachable API as retryable', async () => {
    const closed = await startLoopbackServer();
    await closed.close();
    const unreachable = twilioSmsProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+15017122661', baseUrl: closed.baseUrl });

    await expect(unreachable.send({ channel: 'sms', to: '+5215512345678', text: 'hola' })).rejects.toMatchObject({ retryable: true });
  });
});

describe('verifyTwilioSignature', () => {
  const url = 'https://clinic.example/webhooks/sms?clinic=centro';
  const params = { MessageSid: 'SM11', From: '+5215512345678', To: '+15017122661', Body: 'Sí, confirmo', AccountSid: ACCOUNT_SID };

  // Written out from Twilio's description rather than by reusing the code under test.
  const documentedSignature = (token: string, signedUrl: string, signedParams: Record<string, string>) => {
    const data = `${signedUrl}AccountSid${signedParams.AccountSid}Body${signedParams.Body}From${signedParams.From}MessageSid${signedParams.MessageSid}To${signedParams.To}`;
    return createHmac('sha1', token).update(data, 'utf8').digest('base64');
  };

  it('accepts the signature computed by the documented algorithm', () => {
    const signature = documentedSignature(AUTH_TOKEN, url, params);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, url, params, signature })).toBe(true);
  });

  it("reproduces Twilio's published example", () => {
    const example = {
      authToken: '12345',
      url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
      params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
    };
    expect(verifyTwilioSignature({ ...example, signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' })).toBe(true);
  });

  it('rejects a forged signature, a tampered parameter, another URL and a missing header', () => {
    const signature = documentedSignature(AUTH_TOKEN, url, params);
    const forged = documentedSignature('not-the-token', url, params);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, url, params, signature: forged })).toBe(false);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, url, params: { ...params, Body: 'No, cancelo' }, signature })).toBe(false);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, url: 'https://clinic.example/webhooks/sms', params, signature })).toBe(false);
    expect(verifyTwilioSignature({ authToken: AUTH_TOKEN, url, params, signature: undefined })).toBe(false);
  });
});

describe('Twilio webhook parameters', () => {
  it('reads an inbound SMS', () => {
    const params = { MessageSid: 'SM11', SmsSid: 'SM11', AccountSid: ACCOUNT_SID, From: '+5215512345678', To: '+15017122661', Body: 'Hola', NumMedia: '0' };
    expect(parseTwilioInbound(params)).toEqual({ providerMessageId: 'SM11', from: '+5215512345678', text: 'Hola' });
    expect(() => parseTwilioInbound({ Body: 'Hola' })).toThrow(ProviderError);
  });

  it.each([
    ['queued', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
  ] as const)('maps MessageStatus %s to %s', (messageStatus, status) => {
    expect(parseTwilioStatus({ MessageSid: 'SM11', MessageStatus: messageStatus })).toEqual({ providerMessageId: 'SM11', status });
  });

  it('keeps the error code of a failed message and skips statuses about inbound messages', () => {
    expect(parseTwilioStatus({ MessageSid: 'SM11', MessageStatus: 'undelivered', ErrorCode: '30003' })).toEqual({
      providerMessageId: 'SM11',
      status: 'failed',
      errorCode: '30003',
    });
    expect(parseTwilioStatus({ MessageSid: 'SM12', MessageStatus: 'received' })).toBeNull();
  });
});
