import { createHmac } from 'node:crypto';
import { startLoopbackServer } from '@petfriendly/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from './types';
import { verifyMetaSignature, whatsappCloudProvider } from './whatsapp';

const accepted = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '5215512345678', wa_id: '5215512345678' }],
  messages: [{ id: 'wamid.HBgNNTIxNTUxMjM0NTY3OBUCABEYEjk3QjE4MUE0MkNFRjNFQTA2AA==' }],
};

describe('whatsappCloudProvider', () => {
  let server: Awaited<ReturnType<typeof startLoopbackServer>>;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  const provider = () => whatsappCloudProvider({ phoneNumberId: '106540352242922', accessToken: 'EAAG-test-token', baseUrl: server.baseUrl });

  it('posts a text message with a Bearer token, "to" as digits only', async () => {
    server.respondWith({ status: 200, body: accepted });

    const result = await provider().send({ channel: 'whatsapp', to: '+5215512345678', text: '¡Hola! Firulais ya está listo.' });

    expect(result).toEqual({ providerMessageId: accepted.messages[0].id, status: 'queued' });
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v21.0/106540352242922/messages');
    expect(request.headers.authorization).toBe('Bearer EAAG-test-token');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '5215512345678',
      type: 'text',
      text: { preview_url: false, body: '¡Hola! Firulais ya está listo.' },
    });
  });

  it('posts an approved template with its body parameters', async () => {
    server.respondWith({ status: 200, body: accepted });

    await provider().send({
      channel: 'whatsapp',
      to: '+5215512345678',
      text: 'Recordatorio de cita',
      template: { name: 'recordatorio_cita', language: 'es_MX', parameters: ['Firulais', 'mañana a las 10:00'] },
    });

    expect(JSON.parse(server.requests[0].body)).toEqual({
      messaging_product: 'whatsapp',
      to: '5215512345678',
      type: 'template',
      template: {
        name: 'recordatorio_cita',
        language: { code: 'es_MX' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Firulais' },
              { type: 'text', text: 'mañana a las 10:00' },
            ],
          },
        ],
      },
    });
  });

  it('reports a message outside the 24-hour window as non-retryable with code 131047', async () => {
    server.respondWith({
      status: 400,
      body: {
        error: {
          message: '(#131047) Re-engagement message',
          type: 'OAuthException',
          code: 131047,
          error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed since the recipient last replied.' },
          fbtrace_id: 'AbCdEf123',
        },
      },
    });

    const error = await provider()
      .send({ channel: 'whatsapp', to: '+5215512345678', text: 'hola' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: false, providerCode: '131047' });
    expect((error as Error).message).toContain('24 hours');
  });

  it.each([
    [429, 130429],
    [500, 1],
    [503, 131016],
    [400, 131056],
  ])('treats HTTP %i with Graph code %i as retryable', async (status, code) => {
    server.respondWith({ status, body: { error: { message: 'try later', type: 'OAuthException', code } } });

    await expect(provider().send({ channel: 'whatsapp', to: '+5215512345678', text: 'hola' })).rejects.toMatchObject({
      retryable: true,
      providerCode: String(code),
    });
  });
});

describe('verifyMetaSignature', () => {
  const appSecret = 'meta-app-secret';
  const rawBody = '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}';
  const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(verifyMetaSignature({ appSecret, rawBody, signatureHeader: sign(appSecret, rawBody) })).toBe(true);
    expect(verifyMetaSignature({ appSecret, rawBody: Buffer.from(rawBody), signatureHeader: sign(appSecret, rawBody) })).toBe(true);
  });

  it('rejects another secret, a changed body, a malformed header and no header', () => {
    expect(verifyMetaSignature({ appSecret, rawBody, signatureHeader: sign('other-secret', rawBody) })).toBe(false);
    expect(verifyMetaSignature({ appSecret, rawBody: rawBody.replace('"1"', '"2"'), signatureHeader: sign(appSecret, rawBody) })).toBe(false);
    expect(verifyMetaSignature({ appSecret, rawBody, signatureHeader: sign(appSecret, rawBody).replace('sha256=', 'sha1=') })).toBe(false);
    expect(verifyMetaSignature({ appSecret, rawBody, signatureHeader: undefined })).toBe(false);
  });
});
