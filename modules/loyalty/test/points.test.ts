import { outbox } from '@petfriendly/core';
import { conversations, messages } from '@petfriendly/omnichannel/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsTransactions } from '../src/loyalty.tables';
import { RewardFactory } from '../src/testing';
import { loyaltyPlatform } from './setup';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let t: Awaited<ReturnType<typeof loyaltyPlatform>>;
beforeAll(async () => {
  t = await loyaltyPlatform();
});
afterAll(async () => t?.platform.close());

async function lotsOf(membershipId: number) {
  return t.platform.ctx.db.select().from(pointsTransactions).where(eq(pointsTransactions.membershipId, membershipId)).orderBy(asc(pointsTransactions.id));
}

async function emitted(name: string) {
  return (await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, name))).map((r) => r.payload as Record<string, unknown>);
}

describe('enrolment', () => {
  it('an owner account is a member in the lowest tier with a referral code of their own', async () => {
    const a = await t.owner();
    const b = await t.owner();
    const [ma, mb] = [await t.s.loyalty.getMember(a.actor), await t.s.loyalty.getMember(b.actor)];
    expect(ma).toMatchObject({ currentPoints: 0, lifetimeSpending: '0.00', tier: { slug: 'bronze', discountPercent: '0.00' }, nextTier: { slug: 'silver' } });
    expect(ma.referralCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(ma.referralCode).not.toBe(mb.referralCode);
    // An owner sees only themselves.
    await expect(t.s.loyalty.getMember(a.actor, b.user.id)).rejects.toMatchObject({ code: 'loyalty.member_not_found', statusCode: 404 });
  });
});

describe('earning', () => {
  it('comes when the order is paid, not when it is placed', async () => {
    const o = await t.owner();
    const product = await ProductFactory(t.platform, { price: '349.90', stock: 5 });
    await t.store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 2 });
    const order = await t.store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    await t.settle();
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(0);

    await t.billing.payments.recordPayment(t.desk.actor, order.invoiceId!, { amount: order.total, method: 'cash' });
    await t.settle();
    // 1 point per peso, rounded down: $699.80 (+ shipping if any) gives the whole pesos.
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(Math.floor(Number(order.total)));
    const [earned] = (await emitted('loyalty.points_earned')).filter((p) => p.ownerId === o.user.id);
    expect(earned).toMatchObject({ reason: 'earn', points: Math.floor(Number(order.total)), expiresAt: '2027-03-10' });
  });

  it("moves the tier by lifetime spend, announces it, and the new tier's multiplier applies to the next payment", async () => {
    const o = await t.owner();
    await t.invoiceFor(o.user.id, '5000.00');
    const member = await t.s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 5000, tier: { slug: 'silver' }, nextTier: { slug: 'gold' }, toNextTier: '10000.00' });
    const upgrades = (await emitted('loyalty.tier_upgraded')).filter((p) => p.ownerId === o.user.id);
    expect(upgrades).toEqual([
      expect.objectContaining({ oldTier: expect.objectContaining({ slug: 'bronze' }), newTier: expect.objectContaining({ slug: 'silver' }) }),
    ]);
    // Silver earns ×1.25: $100.10 → 125.125 → 125 points.
    await t.invoiceFor(o.user.id, '100.10');
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(5125);
    expect(await t.s.loyalty.getDiscountPercent(o.actor)).toBe('5.00');
    const told = await t.platform.ctx.db
      .select({ subject: messages.subject })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.ownerId, o.user.id));
    expect(told).toEqual([{ subject: '¡Subiste a nivel Plata!' }]);
  });
});

describe('redeeming', () => {
  it('spends the lots that expire first, and a voucher given back returns to the same lots', async () => {
    const o = await t.owner();
    t.platform.clock.set('2026-01-05T16:00:00Z');
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 40, reason: 'Bienvenida' });
    t.platform.clock.set('2026-02-05T16:00:00Z');
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 100, reason: 'Encuesta' });
    t.platform.clock.set('2026-03-10T16:00:00Z');
    const reward = await RewardFactory(t.platform, t.manager.actor, { pointsCost: 70 });
    const member = await t.s.loyalty.getMember(o.actor);
    const redemption = await t.s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    const [first, second, redeem] = await lotsOf(member.id);
    expect([first!.expiresAt, first!.remaining]).toEqual(['2027-01-05', 0]);
    expect([second!.expiresAt, second!.remaining]).toEqual(['2027-02-05', 70]);
    expect(redeem).toMatchObject({ transactionType: 'redeem', points: -70, balanceAfter: 70 });

    await t.s.loyalty.cancelRedemption(o.actor, redemption.id);
    const after = await lotsOf(member.id);
    expect(after.map((t) => t.remaining)).toEqual([40, 100, null, null]);
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(140);
    await expect(t.s.loyalty.cancelRedemption(o.actor, redemption.id)).rejects.toMatchObject({ code: 'loyalty.redemption_closed' });
  });

  it('under racing redemptions never spends more than the balance', async () => {
    const o = await t.owner();
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 100, reason: 'Campaña' });
    const reward = await RewardFactory(t.platform, t.manager.actor, { pointsCost: 30 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => t.s.loyalty.redeemPoints(o.actor, { rewardId: reward.id })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(3);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(Array(3).fill('loyalty.not_enough_points'));
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(10);
    const lots = await lotsOf((await t.s.loyalty.getMember(o.actor)).id);
    expect(lots.filter((t) => t.remaining !== null).reduce((sum, t) => sum + t.remaining!, 0)).toBe(10);
  });
});

describe('refunds and cancellations', () => {
  it('a refund takes back its share of the points; spent points leave a debt the reversal explains', async () => {
    const o = await t.owner();
    const { invoice, payment } = await t.invoiceFor(o.user.id, '1000.00');
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(1000);
    await t.billing.payments.refundPayment(t.manager.actor, payment!.id, { amount: '250.00', reason: 'Cobro de más' });
    await t.settle();
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(750);

    const reward = await RewardFactory(t.platform, t.manager.actor, { pointsCost: 700 });
    await t.s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    await t.billing.payments.refundPayment(t.manager.actor, payment!.id, { amount: '750.00', reason: 'Servicio no prestado' });
    await t.settle();
    const member = await t.s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: -700, lifetimeSpending: '0.00' });
    const history = await lotsOf(member.id);
    expect(history.filter((t) => t.transactionType === 'reversal').map((t) => [t.points, t.invoiceId, t.description])).toEqual([
      [-250, invoice.id, invoice.invoiceNumber],
      [-750, invoice.id, invoice.invoiceNumber],
    ]);
    // The next points pay the debt first.
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 1000, reason: 'Disculpa' });
    const lots = await lotsOf(member.id);
    expect(lots.at(-1)).toMatchObject({ transactionType: 'bonus', remaining: 300, balanceAfter: 300 });
  });

  it('cancelling a refunded invoice takes nothing twice', async () => {
    const o = await t.owner();
    const { invoice, payment } = await t.invoiceFor(o.user.id, '400.00');
    await t.billing.payments.refundPayment(t.manager.actor, payment!.id, { amount: '400.00', reason: 'Error' });
    await t.billing.invoices.cancelInvoice(t.desk.actor, invoice.id, { motive: '02' });
    await t.settle();
    const member = await t.s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 0, lifetimeSpending: '0.00' });
    expect((await lotsOf(member.id)).map((t) => [t.transactionType, t.points])).toEqual([
      ['earn', 400],
      ['reversal', -400],
    ]);
  });
});

describe('expiry', () => {
  it('the daily job expires lots past their date and tells owners whose points expire soon, once', async () => {
    const o = await t.owner();
    t.platform.clock.set('2025-03-01T16:00:00Z');
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 80, reason: 'Antiguo' });
    t.platform.clock.set('2025-03-25T16:00:00Z');
    await t.s.loyalty.addPoints(t.desk.actor, o.user.id, { points: 20, reason: 'Reciente' });
    t.platform.clock.set('2026-03-10T16:00:00Z');
    await t.s.expiry.expirePoints();
    const member = await t.s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 20, pointsExpiringSoon: 20, nextExpiryDate: '2026-03-25' });
    const expired = (await lotsOf(member.id)).filter((t) => t.transactionType === 'expire');
    expect(expired.map((t) => [t.points, t.balanceAfter])).toEqual([[-80, 20]]);
    await t.s.expiry.expirePoints();
    const notices = (await emitted('loyalty.points_expiring')).filter((p) => p.ownerId === o.user.id);
    expect(notices).toEqual([expect.objectContaining({ points: 20, expiresAt: '2026-03-25' })]);
    // The notice goes to the owner on their channel, in their language.
    await t.settle();
    const sent = await t.platform.ctx.db
      .select({ subject: messages.subject, content: messages.content })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.ownerId, o.user.id));
    expect(sent).toEqual([{ subject: 'Tus puntos vencen pronto', content: expect.stringContaining('20 de tus puntos') }]);
    expect(sent[0]!.content).toContain('25 de marzo');
  });
});
