import { money, outbox } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardFactory } from '../src/testing';
import { loyaltyPlatform } from './setup';

let t: Awaited<ReturnType<typeof loyaltyPlatform>>;
beforeAll(async () => {
  t = await loyaltyPlatform();
});
afterAll(async () => t?.platform.close());

const paidInvoice = async (ownerId: string, price: string) => (await t.invoiceFor(ownerId, price)).invoice;

describe('the checkout', () => {
  it("takes the tier's discount and the owner's discount voucher off the products; a cancelled order gives the voucher's points back", async () => {
    const o = await t.owner();
    await paidInvoice(o.user.id, '5000.00');
    const reward = await RewardFactory(t.platform, t.manager.actor, { pointsCost: 300, discountAmount: '50.00' });
    const voucher = await t.s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(4700);

    const product = await ProductFactory(t.platform, { price: '400.00', stock: 5 });
    await t.store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 2 });
    const order = await t.store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    // Silver: 5 % of $800.00 is $40.00, and the voucher's $50.00.
    expect(order.discountAmount).toBe('90.00');
    const invoice = await t.billing.invoices.getInvoice(t.desk.actor, order.invoiceId!);
    expect(money(invoice.discountAmount).gt(0)).toBe(true);
    const [used] = await t.s.loyalty.listRedemptions(o.actor);
    expect(used!.redemption).toMatchObject({ id: voucher.id, status: 'used', usedReference: `order:${order.id}` });

    // The next order gets the tier discount only: the voucher is spent.
    await t.store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 1 });
    const next = await t.store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    expect(next.discountAmount).toBe('20.00');

    await t.store.orders.cancelOwnOrder(o.actor, order.id);
    await t.settle();
    const [back] = await t.s.loyalty.listRedemptions(o.actor);
    expect(back!.redemption.status).toBe('cancelled');
    expect(await t.s.loyalty.getPointsBalance(o.actor)).toBe(5000);
  });

  it('an owner without a tier discount or voucher pays the full price', async () => {
    const o = await t.owner();
    const product = await ProductFactory(t.platform, { price: '120.00', stock: 5 });
    await t.store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 1 });
    const order = await t.store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    expect(order.discountAmount).toBe('0.00');
  });
});

describe('the front desk', () => {
  it("gives a product or service line the owner's tier discount unless staff set one, so the CFDI shows it as a discount", async () => {
    const o = await t.owner();
    await paidInvoice(o.user.id, '5000.00');
    const product = await ProductFactory(t.platform, { price: '200.00', stock: 5 });
    const draft = await t.billing.invoices.createManual(t.desk.actor, { ownerId: o.user.id });
    const tiered = await t.billing.invoices.addLine(t.desk.actor, draft.id, { productId: product.id, quantity: 1 });
    const chosen = await t.billing.invoices.addLine(t.desk.actor, draft.id, { productId: product.id, quantity: 1, discountPercent: '0' });
    const free = await t.billing.invoices.addLine(t.desk.actor, draft.id, { description: 'Certificado', unitPrice: '100.00', taxClass: 'exempt' });
    expect([tiered.discountPercent, chosen.discountPercent, free.discountPercent].map(Number)).toEqual([5, 0, 0]);
    const invoice = await t.billing.invoices.getInvoice(t.desk.actor, draft.id);
    // $200.00 with IVA is $172.41 before it: the CFDI's Descuento is 5 % of that base.
    expect(money(invoice.discountAmount).toFixed(2)).toBe('8.62');
  });
});

describe('referrals', () => {
  it("the referrer earns REFERRAL_POINTS when the referred owner's first invoice is paid, once", async () => {
    const [referrer, friend] = [await t.owner(), await t.owner()];
    const { referralCode } = await t.s.loyalty.getMember(referrer.actor);
    await expect(t.s.loyalty.applyReferral(referrer.actor, { code: referralCode })).rejects.toMatchObject({ code: 'loyalty.referral_code_unknown' });
    await t.s.loyalty.applyReferral(friend.actor, { code: referralCode.toLowerCase() });
    await paidInvoice(friend.user.id, '300.00');
    await paidInvoice(friend.user.id, '300.00');
    expect(await t.s.loyalty.getMember(referrer.actor)).toMatchObject({ currentPoints: 500, referralsCount: 1 });
    const completed = (await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'loyalty.referral_completed'))).map((r) => r.payload);
    expect(completed).toEqual([expect.objectContaining({ referrerId: referrer.user.id, referredId: friend.user.id, points: 500 })]);
    await expect(t.s.loyalty.applyReferral(friend.actor, { code: referralCode })).rejects.toMatchObject({ code: 'loyalty.referral_too_late', statusCode: 422 });
  });
});
