import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { type BillingServices, billingModule } from '@petfriendly/billing';
import { outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { conversations, messages } from '@petfriendly/omnichannel/tables';
import { type StoreServices, storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loyaltyModule } from '../src/index';
import { pointsTransactions } from '../src/loyalty.tables';
import type { LoyaltyServices } from '../src/services';
import { RewardFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let platform: TestPlatform;
let s: LoyaltyServices;
let billing: BillingServices;
let store: StoreServices;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    loyaltyModule,
  ]);
  s = platform.services.loyalty as LoyaltyServices;
  billing = platform.services.billing as BillingServices;
  store = platform.services.store as StoreServices;
  desk = await StaffFactory(platform, 'receptionist');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

const settle = () => platform.ctx.events.dispatch();

async function owner() {
  const o = await OwnerFactory(platform);
  await settle();
  return o;
}

/** A desk invoice for `price` (IVA included), issued; paid in cash when `pay` is set. */
async function invoiceFor(ownerId: string, price: string, pay = true) {
  const draft = await billing.invoices.createManual(desk.actor, { ownerId });
  await billing.invoices.addLine(desk.actor, draft.id, { description: 'Consulta', unitPrice: price, taxClass: 'exempt' });
  const invoice = await billing.invoices.issueInvoice(desk.actor, draft.id);
  const payment = pay ? await billing.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' }) : null;
  await settle();
  return { invoice, payment };
}

async function lotsOf(membershipId: number) {
  return platform.ctx.db.select().from(pointsTransactions).where(eq(pointsTransactions.membershipId, membershipId)).orderBy(asc(pointsTransactions.id));
}

async function emitted(name: string) {
  return (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, name))).map((r) => r.payload as Record<string, unknown>);
}

describe('enrolment', () => {
  it('an owner account is a member in the lowest tier with a referral code of their own', async () => {
    const a = await owner();
    const b = await owner();
    const [ma, mb] = [await s.loyalty.getMember(a.actor), await s.loyalty.getMember(b.actor)];
    expect(ma).toMatchObject({ currentPoints: 0, lifetimeSpending: '0.00', tier: { slug: 'bronze', discountPercent: '0.00' }, nextTier: { slug: 'silver' } });
    expect(ma.referralCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(ma.referralCode).not.toBe(mb.referralCode);
    // An owner sees only themselves.
    await expect(s.loyalty.getMember(a.actor, b.user.id)).rejects.toMatchObject({ code: 'loyalty.member_not_found', statusCode: 404 });
  });
});

describe('earning', () => {
  it('comes when the order is paid, not when it is placed', async () => {
    const o = await owner();
    const product = await ProductFactory(platform, { price: '349.90', stock: 5 });
    await store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 2 });
    const order = await store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    await settle();
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(0);

    await billing.payments.recordPayment(desk.actor, order.invoiceId!, { amount: order.total, method: 'cash' });
    await settle();
    // 1 point per peso, rounded down: $699.80 (+ shipping if any) gives the whole pesos.
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(Math.floor(Number(order.total)));
    const [earned] = (await emitted('loyalty.points_earned')).filter((p) => p.ownerId === o.user.id);
    expect(earned).toMatchObject({ reason: 'earn', points: Math.floor(Number(order.total)), expiresAt: '2027-03-10' });
  });

  it("moves the tier by lifetime spend, announces it, and the new tier's multiplier applies to the next payment", async () => {
    const o = await owner();
    await invoiceFor(o.user.id, '5000.00');
    const member = await s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 5000, tier: { slug: 'silver' }, nextTier: { slug: 'gold' }, toNextTier: '10000.00' });
    const upgrades = (await emitted('loyalty.tier_upgraded')).filter((p) => p.ownerId === o.user.id);
    expect(upgrades).toEqual([
      expect.objectContaining({ oldTier: expect.objectContaining({ slug: 'bronze' }), newTier: expect.objectContaining({ slug: 'silver' }) }),
    ]);
    // Silver earns ×1.25: $100.10 → 125.125 → 125 points.
    await invoiceFor(o.user.id, '100.10');
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(5125);
    expect(await s.loyalty.getDiscountPercent(o.actor)).toBe('5.00');
    const told = await platform.ctx.db
      .select({ subject: messages.subject })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.ownerId, o.user.id));
    expect(told).toEqual([{ subject: '¡Subiste a nivel Plata!' }]);
  });
});

describe('redeeming', () => {
  it('spends the lots that expire first, and a voucher given back returns to the same lots', async () => {
    const o = await owner();
    platform.clock.set('2026-01-05T16:00:00Z');
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 40, reason: 'Bienvenida' });
    platform.clock.set('2026-02-05T16:00:00Z');
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 100, reason: 'Encuesta' });
    platform.clock.set('2026-03-10T16:00:00Z');
    const reward = await RewardFactory(platform, manager.actor, { pointsCost: 70 });
    const member = await s.loyalty.getMember(o.actor);
    const redemption = await s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    const [first, second, redeem] = await lotsOf(member.id);
    expect([first!.expiresAt, first!.remaining]).toEqual(['2027-01-05', 0]);
    expect([second!.expiresAt, second!.remaining]).toEqual(['2027-02-05', 70]);
    expect(redeem).toMatchObject({ transactionType: 'redeem', points: -70, balanceAfter: 70 });

    await s.loyalty.cancelRedemption(o.actor, redemption.id);
    const after = await lotsOf(member.id);
    expect(after.map((t) => t.remaining)).toEqual([40, 100, null, null]);
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(140);
    await expect(s.loyalty.cancelRedemption(o.actor, redemption.id)).rejects.toMatchObject({ code: 'loyalty.redemption_closed' });
  });

  it('under racing redemptions never spends more than the balance', async () => {
    const o = await owner();
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 100, reason: 'Campaña' });
    const reward = await RewardFactory(platform, manager.actor, { pointsCost: 30 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => s.loyalty.redeemPoints(o.actor, { rewardId: reward.id })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(3);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(Array(3).fill('loyalty.not_enough_points'));
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(10);
    const lots = await lotsOf((await s.loyalty.getMember(o.actor)).id);
    expect(lots.filter((t) => t.remaining !== null).reduce((sum, t) => sum + t.remaining!, 0)).toBe(10);
  });
});

describe('refunds and cancellations', () => {
  it('a refund takes back its share of the points; spent points leave a debt the reversal explains', async () => {
    const o = await owner();
    const { invoice, payment } = await invoiceFor(o.user.id, '1000.00');
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(1000);
    await billing.payments.refundPayment(manager.actor, payment!.id, { amount: '250.00', reason: 'Cobro de más' });
    await settle();
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(750);

    const reward = await RewardFactory(platform, manager.actor, { pointsCost: 700 });
    await s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    await billing.payments.refundPayment(manager.actor, payment!.id, { amount: '750.00', reason: 'Servicio no prestado' });
    await settle();
    const member = await s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: -700, lifetimeSpending: '0.00' });
    const history = await lotsOf(member.id);
    expect(history.filter((t) => t.transactionType === 'reversal').map((t) => [t.points, t.invoiceId, t.description])).toEqual([
      [-250, invoice.id, invoice.invoiceNumber],
      [-750, invoice.id, invoice.invoiceNumber],
    ]);
    // The next points pay the debt first.
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 1000, reason: 'Disculpa' });
    const lots = await lotsOf(member.id);
    expect(lots.at(-1)).toMatchObject({ transactionType: 'bonus', remaining: 300, balanceAfter: 300 });
  });

  it('cancelling a refunded invoice takes nothing twice', async () => {
    const o = await owner();
    const { invoice, payment } = await invoiceFor(o.user.id, '400.00');
    await billing.payments.refundPayment(manager.actor, payment!.id, { amount: '400.00', reason: 'Error' });
    await billing.invoices.cancelInvoice(desk.actor, invoice.id, { motive: '02' });
    await settle();
    const member = await s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 0, lifetimeSpending: '0.00' });
    expect((await lotsOf(member.id)).map((t) => [t.transactionType, t.points])).toEqual([
      ['earn', 400],
      ['reversal', -400],
    ]);
  });
});

describe('expiry', () => {
  it('the daily job expires lots past their date and tells owners whose points expire soon, once', async () => {
    const o = await owner();
    platform.clock.set('2025-03-01T16:00:00Z');
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 80, reason: 'Antiguo' });
    platform.clock.set('2025-03-25T16:00:00Z');
    await s.loyalty.addPoints(desk.actor, o.user.id, { points: 20, reason: 'Reciente' });
    platform.clock.set('2026-03-10T16:00:00Z');
    await s.expiry.expirePoints();
    const member = await s.loyalty.getMember(o.actor);
    expect(member).toMatchObject({ currentPoints: 20, pointsExpiringSoon: 20, nextExpiryDate: '2026-03-25' });
    const expired = (await lotsOf(member.id)).filter((t) => t.transactionType === 'expire');
    expect(expired.map((t) => [t.points, t.balanceAfter])).toEqual([[-80, 20]]);
    await s.expiry.expirePoints();
    const notices = (await emitted('loyalty.points_expiring')).filter((p) => p.ownerId === o.user.id);
    expect(notices).toEqual([expect.objectContaining({ points: 20, expiresAt: '2026-03-25' })]);
    // The notice goes to the owner on their channel, in their language.
    await settle();
    const sent = await platform.ctx.db
      .select({ subject: messages.subject, content: messages.content })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.ownerId, o.user.id));
    expect(sent).toEqual([{ subject: 'Tus puntos vencen pronto', content: expect.stringContaining('20 de tus puntos') }]);
    expect(sent[0]!.content).toContain('25 de marzo');
  });
});
