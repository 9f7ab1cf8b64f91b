import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Channel } from './marketing.tables';

/** What an unsubscribe link stands for: an owner's address on a channel, from a campaign (0 for a sequence). */
export interface UnsubscribeClaim {
  ownerId: string;
  channel: Channel;
  address: string;
  campaignId: number;
}

const mac = (secret: string, payload: string) => createHmac('sha256', `marketing-unsubscribe:${secret}`).update(payload).digest('base64url');

/** A link token anyone holding it may use once or many times: the claim, base64url, and its HMAC. */
export function signUnsubscribe(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.ownerId, claim.channel, claim.address, claim.campaignId])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claim, or null when the token was not made here (or was changed). */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [ownerId, channel, address, campaignId] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, Channel, string, number];
    if (typeof ownerId !== 'string' || typeof address !== 'string' || !Number.isInteger(campaignId)) return null;
    return { ownerId, channel, address, campaignId };
  } catch {
    return null;
  }
}
