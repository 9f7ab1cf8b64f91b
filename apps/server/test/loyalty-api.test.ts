import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('/api/v1/loyalty', () => {
  it('lets an owner read their points and redeem; staff give bonuses; bad input and too few points are 4xx with a code', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const owner = await OwnerFactory(t.platform);
    const member = await t.app.inject({ url: '/api/v1/loyalty/member', headers: owner.auth });
    expect(member.statusCode).toBe(200);
    expect(json(member)).toMatchObject({
      ownerId: owner.user.id,
      currentPoints: 0,
      tier: { slug: 'bronze' },
      nextTier: { slug: 'silver' },
      toNextTier: '5000.00',
    });

    const reward = await t.app.inject({
      method: 'POST',
      url: '/api/v1/loyalty/admin/rewards',
      headers: manager.auth,
      payload: { name: 'Descuento de $80', rewardType: 'discount', pointsCost: 200, discountAmount: '80.00' },
    });
    expect(reward.statusCode).toBe(201);
    const noValue = await t.app.inject({
      method: 'POST',
      url: '/api/v1/loyalty/admin/rewards',
      headers: manager.auth,
      payload: { name: 'Sin valor', rewardType: 'discount', pointsCost: 200 },
    });
    expect(noValue.statusCode).toBe(422);
    expect(json(noValue).error.fields).toEqual([expect.objectContaining({ field: 'discountPercent' })]);

    const tooFew = await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/redemptions', headers: owner.auth, payload: { rewardId: json(reward).id } });
    expect(tooFew.statusCode).toBe(409);
    expect(json(tooFew).error.code).toBe('loyalty.not_enough_points');
    const badBody = await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/redemptions', headers: owner.auth, payload: { rewardId: 'uno' } });
    expect(badBody.statusCode).toBe(422);

    const ownBonus = await t.app.inject({
      method: 'POST',
      url: `/api/v1/loyalty/members/${owner.user.id}/bonus`,
      headers: owner.auth,
      payload: { points: 500, reason: 'Yo mismo' },
    });
    expect(ownBonus.statusCode).toBe(403);
    const bonus = await t.app.inject({
      method: 'POST',
      url: `/api/v1/loyalty/members/${owner.user.id}/bonus`,
      headers: manager.auth,
      payload: { points: 500, reason: 'Reseña en Google' },
    });
    expect(bonus.statusCode).toBe(201);
    expect(json(bonus)).toMatchObject({ transactionType: 'bonus', points: 500, balanceAfter: 500, expiresAt: '2027-03-10' });

    const redeemed = await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/redemptions', headers: owner.auth, payload: { rewardId: json(reward).id } });
    expect(redeemed.statusCode).toBe(201);
    expect(json(redeemed)).toMatchObject({ status: 'available', points: 200, code: expect.stringMatching(/^R-/) });
    const history = await t.app.inject({ url: '/api/v1/loyalty/transactions', headers: owner.auth });
    expect(json(history).map((h: { transactionType: string; points: number }) => [h.transactionType, h.points])).toEqual([
      ['redeem', -200],
      ['bonus', 500],
    ]);
    // Another owner's points are not theirs to read.
    const other = await OwnerFactory(t.platform);
    const peek = await t.app.inject({ url: `/api/v1/loyalty/member?ownerId=${owner.user.id}`, headers: other.auth });
    expect(peek.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/loyalty/member' })).statusCode).toBe(401);
  });

  it('answers an owner\'s "how many points do I have" through the AI tool', async () => {
    const desk = await StaffFactory(t.platform, 'receptionist');
    const owner = await OwnerFactory(t.platform);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/loyalty/members/${owner.user.id}/bonus`,
      headers: desk.auth,
      payload: { points: 120, reason: 'Cumpleaños de su perro' },
    });
    const answer = await t.platform.ctx.tools.executeTool('loyalty_my_points', {}, owner.actor);
    expect(answer).toMatchObject({ ok: true, data: { points: 120, tier: 'bronze', spendToNextTier: '5000.00', page: '/my/points' } });
    expect(await t.platform.ctx.tools.executeTool('loyalty_my_points', {}, { kind: 'anonymous', language: 'es' })).toMatchObject({ ok: false });
  });

  it('a referral link keeps the code while the friend signs up, and applies it once they are signed in', async () => {
    const referrer = await OwnerFactory(t.platform);
    const { referralCode } = json(await t.app.inject({ url: '/api/v1/loyalty/member', headers: referrer.auth }));
    const link = await t.app.inject({ url: `/ref/${referralCode}` });
    expect(link.statusCode).toBe(303);
    expect(link.headers.location).toBe('/sign-up');
    expect(String(link.headers['set-cookie'])).toContain(`pf_ref=${referralCode}`);

    const friend = await OwnerFactory(t.platform);
    const page = await t.app.inject({ url: '/api/v1/loyalty/member', headers: { ...friend.auth, cookie: `pf_ref=${referralCode}` } });
    expect(page.statusCode).toBe(200);
    expect(String(page.headers['set-cookie'])).toContain('pf_ref=;');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/referral', headers: friend.auth, payload: { code: referralCode } });
    expect(json(again).error.code).toBe('loyalty.referral_too_late');
  });
});
