import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHANNELS, type Channel } from './marketing.tables';

/** What an unsubscribe link stands for: an owner on a channel, from a campaign (0 for a sequence or a test). */
export interface UnsubscribeClaim {
  ownerId: string;
  channel: Channel;
  campaignId: number;
}

const UUID = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;
/** 128 bits of HMAC-SHA256: enough against forgery, and the link stays short (route parameters are capped at 100). */
const mac = (secret: string, payload: string) =>
  createHmac('sha256', `marketing-unsubscribe:${secret}`).update(payload).digest().subarray(0, 16).toString('base64url');

/** `<owner uuid without dashes><channel index><campaign id in base 36>.<mac>`: about 60 characters. */
export function signUnsubscribe(secret: string, claim: UnsubscribeClaim): string {
  const payload = `${claim.ownerId.replaceAll('-', '')}${CHANNELS.indexOf(claim.channel)}${claim.campaignId.toString(36)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The claim, or null when the token was not made here (or was changed). */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || payload.length < 34 || payload.length > 48) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const uuid = UUID.exec(payload.slice(0, 32));
  const channel = CHANNELS[Number(payload[32])];
  const campaignId = Number.parseInt(payload.slice(33), 36);
  if (!uuid || !channel || !Number.isSafeInteger(campaignId)) return null;
  return { ownerId: uuid.slice(1).join('-'), channel, campaignId };
}
