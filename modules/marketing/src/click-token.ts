import { createHmac, timingSafeEqual } from 'node:crypto';

/** 128 bits of HMAC-SHA256 over the recipient and the target: the link cannot be pointed elsewhere nor at another recipient. */
const mac = (secret: string, payload: string) =>
  createHmac('sha256', `marketing-click:${secret}`).update(payload).digest().subarray(0, 16).toString('base64url');

/** `<recipient id in base 36>.<mac>`; the target travels beside it (`?u=`), covered by the mac. */
export function signClick(secret: string, recipientId: number, url: string): string {
  const id = recipientId.toString(36);
  return `${id}.${mac(secret, `${id}\n${url}`)}`;
}

/** The recipient the link was made for, or null when the token or the target was not made here (or was changed). */
export function verifyClick(secret: string, token: string, url: string): number | null {
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !/^[0-9a-z]{1,11}$/.test(id)) return null;
  const expected = Buffer.from(mac(secret, `${id}\n${url}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const recipientId = Number.parseInt(id, 36);
  return Number.isSafeInteger(recipientId) && recipientId > 0 ? recipientId : null;
}
