import { createHmac } from 'node:crypto';
import { constantTimeEqual, isRetryableStatus, requestProvider } from './provider-http';
import { type MessageProvider, type OutgoingMessage, ProviderError } from './types';

export interface WhatsAppCloudSettings {
  phoneNumberId: string;
  accessToken: string;
  apiVersion?: string;
  baseUrl?: string;
}

/** Graph API codes that mean "slow down and try again later" even when they arrive with HTTP 400. */
const THROTTLING_CODES = new Set([4, 80007, 130429, 131056]);

export function whatsappCloudProvider(settings: WhatsAppCloudSettings): MessageProvider {
  const baseUrl = settings.baseUrl ?? 'https://graph.facebook.com';
  const url = `${baseUrl}/${settings.apiVersion ?? 'v21.0'}/${encodeURIComponent(settings.phoneNumberId)}/messages`;
  return {
    channel: 'whatsapp',
    name: 'whatsapp-cloud',
    async send(message) {
      const { status, body } = await requestProvider('whatsapp', url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${settings.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(whatsAppRequestBody(message)),
      });
      const reply = (typeof body === 'object' && body !== null ? body : {}) as GraphReply;
      if (status < 200 || status >= 300) {
        const code = reply.error?.code;
        const retryable = isRetryableStatus(status) || (code !== undefined && THROTTLING_CODES.has(code));
        const description = [reply.error?.message ?? `HTTP ${status}`, reply.error?.error_data?.details].filter(Boolean).join(': ');
        throw new ProviderError(`whatsapp: ${description}`, retryable, code === undefined ? undefined : String(code));
      }
      const id = reply.messages?.[0]?.id;
      if (typeof id !== 'string') throw new ProviderError('whatsapp: reply without a message id', false);
      // Accepted by the API only; the "sent" status arrives later through the webhook.
      return { providerMessageId: id, status: 'queued' };
    },
  };
}

interface GraphReply {
  messages?: { id?: string }[];
  error?: { message?: string; code?: number; error_data?: { details?: string } };
}

function whatsAppRequestBody(message: OutgoingMessage): Record<string, unknown> {
  const to = message.to.replace(/\D/g, '');
  if (!message.template) {
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { preview_url: false, body: message.text },
    };
  }
  const { name, language, parameters } = message.template;
  const template: Record<string, unknown> = { name, language: { code: language } };
  if (parameters.length > 0) {
    template.components = [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }];
  }
  return { messaging_product: 'whatsapp', to, type: 'template', template };
}

/** X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request body, keyed with the app secret. */
export function verifyMetaSignature(input: { appSecret: string; rawBody: string | Uint8Array; signatureHeader: string | undefined }): boolean {
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(input.signatureHeader ?? '')?.[1];
  if (!hex) return false;
  const expected = createHmac('sha256', input.appSecret).update(input.rawBody).digest();
  return constantTimeEqual(expected, Buffer.from(hex, 'hex'));
}
