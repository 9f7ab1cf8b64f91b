import { createHmac } from 'node:crypto';
import { constantTimeEqual, isRetryableStatus, requestProvider } from './provider-http';
import { type MessageProvider, ProviderError } from './types';

export interface TwilioSmsSettings {
  accountSid: string;
  authToken: string;
  /** The clinic's Twilio number, E.164. */
  from: string;
  /** Where Twilio posts delivery status changes (parse them with parseTwilioStatus). */
  statusCallbackUrl?: string;
  baseUrl?: string;
}

export function twilioSmsProvider(settings: TwilioSmsSettings): MessageProvider {
  const baseUrl = settings.baseUrl ?? 'https://api.twilio.com';
  const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const credentials = Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64');
  return {
    channel: 'sms',
    name: 'twilio',
    async send(message) {
      const form = new URLSearchParams({ To: message.to, From: settings.from, Body: message.text });
      if (settings.statusCallbackUrl) form.set('StatusCallback', settings.statusCallbackUrl);
      const { status, body } = await requestProvider('twilio', url, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${credentials}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form.toString(),
      });
      const reply = (typeof body === 'object' && body !== null ? body : {}) as TwilioReply;
      if (status < 200 || status >= 300) {
        const code = reply.code === undefined ? undefined : String(reply.code);
        throw new ProviderError(`twilio: ${reply.message ?? `HTTP ${status}`}`, isRetryableStatus(status), code);
      }
      if (typeof reply.sid !== 'string') throw new ProviderError('twilio: reply without a message sid', false);
      return { providerMessageId: reply.sid, status: reply.status === 'sent' || reply.status === 'delivered' ? 'sent' : 'queued' };
    },
  };
}

interface TwilioReply {
  sid?: string;
  status?: string;
  code?: number;
  message?: string;
}

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth token, over the full URL Twilio
 * requested followed by every POST parameter sorted by name, each name immediately followed by its value.
 */
export function verifyTwilioSignature(input: { authToken: string; url: string; params: Record<string, string>; signature: string | undefined }): boolean {
  if (!input.signature) return false;
  const payload = Object.keys(input.params)
    .sort()
    .reduce((signed, key) => signed + key + input.params[key], input.url);
  const expected = createHmac('sha1', input.authToken).update(payload, 'utf8').digest('base64');
  return constantTimeEqual(Buffer.from(expected), Buffer.from(input.signature));
}

export interface TwilioInboundMessage {
  providerMessageId: string;
  from: string;
  text: string;
}

export function parseTwilioInbound(params: Record<string, string>): TwilioInboundMessage {
  const { MessageSid, From, Body } = params;
  if (!MessageSid || !From) throw new ProviderError('twilio: inbound message without MessageSid or From', false);
  return { providerMessageId: MessageSid, from: From, text: Body ?? '' };
}

export type TwilioDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface TwilioStatusUpdate {
  providerMessageId: string;
  status: TwilioDeliveryStatus;
  errorCode?: string;
}

const TWILIO_STATUSES: Record<string, TwilioDeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
};

/** A status callback; null for a MessageStatus that says nothing about delivery (receiving, received). */
export function parseTwilioStatus(params: Record<string, string>): TwilioStatusUpdate | null {
  const { MessageSid, MessageStatus, ErrorCode } = params;
  if (!MessageSid || !MessageStatus) throw new ProviderError('twilio: status callback without MessageSid or MessageStatus', false);
  const status = TWILIO_STATUSES[MessageStatus];
  if (!status) return null;
  return ErrorCode ? { providerMessageId: MessageSid, status, errorCode: ErrorCode } : { providerMessageId: MessageSid, status };
}
