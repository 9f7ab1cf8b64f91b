import { describe, expect, it } from 'vitest';
import { signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const claim = { ownerId: '6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab', channel: 'sms' as const, campaignId: 123_456 };

describe('unsubscribe links', () => {
  it('read back what they were signed for, and stay short enough for a route parameter', () => {
    const token = signUnsubscribe(SECRET, claim);
    expect(token.length).toBeLessThanOrEqual(100);
    expect(verifyUnsubscribe(SECRET, token)).toEqual(claim);
    expect(verifyUnsubscribe(SECRET, signUnsubscribe(SECRET, { ...claim, channel: 'email', campaignId: 0 }))).toEqual({
      ...claim,
      channel: 'email',
      campaignId: 0,
    });
  });

  it('refuse a link changed anywhere, signed with another secret, or not ours at all', () => {
    const token = signUnsubscribe(SECRET, claim);
    const [payload, mac] = token.split('.') as [string, string];
    const otherOwner = `${payload.slice(0, 31)}${payload[31] === '0' ? '1' : '0'}${payload.slice(32)}`;
    expect(verifyUnsubscribe(SECRET, `${otherOwner}.${mac}`)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `${payload.slice(0, 32)}0${payload.slice(33)}.${mac}`)).toBeNull();
    expect(verifyUnsubscribe('another-secret-of-thirty-two-characters!', token)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `${token}.x`)).toBeNull();
    for (const junk of ['', '.', 'abc', 'abc.def', `${'f'.repeat(60)}.${mac}`]) expect(verifyUnsubscribe(SECRET, junk)).toBeNull();
  });
});
