import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { type BillingServices, billingModule } from '@petfriendly/billing';
import { money, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { type StoreServices, storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loyaltyModule } from '../src/index';
import type { LoyaltyServices } from '../src/services';
import { RewardFactory } from '../src/testing';

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

async function paidInvoice(ownerId: string, price: string) {
  const draft = await billing.invoices.createManual(desk.actor, { ownerId });
  await billing.invoices.addLine(desk.actor, draft.id, { description: 'Consulta', unitPrice: price, taxClass: 'exempt' });
  const invoice = await billing.invoices.issueInvoice(desk.actor, draft.id);
  await billing.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' });
  await settle();
  return invoice;
}

describe('the checkout', () => {
  it("takes the tier's discount and the owner's discount voucher off the products; a cancelled order gives the voucher's points back", async () => {
    const o = await owner();
    await paidInvoice(o.user.id, '5000.00');
    const reward = await RewardFactory(platform, manager.actor, { pointsCost: 300, discountAmount: '50.00' });
    const voucher = await s.loyalty.redeemPoints(o.actor, { rewardId: reward.id });
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(4700);

    const product = await ProductFactory(platform, { price: '400.00', stock: 5 });
    await store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 2 });
    const order = await store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    // Silver: 5 % of $800.00 is $40.00, and the voucher's $50.00.
    expect(order.discountAmount).toBe('90.00');
    const invoice = await billing.invoices.getInvoice(desk.actor, order.invoiceId!);
    expect(money(invoice.discountAmount).gt(0)).toBe(true);
    const [used] = await s.loyalty.listRedemptions(o.actor);
    expect(used!.redemption).toMatchObject({ id: voucher.id, status: 'used', usedReference: `order:${order.id}` });

    // The next order gets the tier discount only: the voucher is spent.
    await store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 1 });
    const next = await store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    expect(next.discountAmount).toBe('20.00');

    await store.orders.cancelOwnOrder(o.actor, order.id);
    await settle();
    const [back] = await s.loyalty.listRedemptions(o.actor);
    expect(back!.redemption.status).toBe('cancelled');
    expect(await s.loyalty.getPointsBalance(o.actor)).toBe(5000);
  });

  it('an owner without a tier discount or voucher pays the full price', async () => {
    const o = await owner();
    const product = await ProductFactory(platform, { price: '120.00', stock: 5 });
    await store.carts.addItem(o.actor, { ownerId: o.user.id }, { productId: product.id, quantity: 1 });
    const order = await store.checkout.completeCheckout(o.actor, { ownerId: o.user.id }, { paymentMethod: 'pay_at_clinic' });
    expect(order.discountAmount).toBe('0.00');
  });
});

describe('the front desk', () => {
  it("gives a product or service line the owner's tier discount unless staff set one, so the CFDI shows it as a discount", async () => {
    const o = await owner();
    await paidInvoice(o.user.id, '5000.00');
    const product = await ProductFactory(platform, { price: '200.00', stock: 5 });
    const draft = await billing.invoices.createManual(desk.actor, { ownerId: o.user.id });
    const tiered = await billing.invoices.addLine(desk.actor, draft.id, { productId: product.id, quantity: 1 });
    const chosen = await billing.invoices.addLine(desk.actor, draft.id, { productId: product.id, quantity: 1, discountPercent: '0' });
    const free = await billing.invoices.addLine(desk.actor, draft.id, { description: 'Certificado', unitPrice: '100.00', taxClass: 'exempt' });
    expect([tiered.discountPercent, chosen.discountPercent, free.discountPercent].map(Number)).toEqual([5, 0, 0]);
    const invoice = await billing.invoices.getInvoice(desk.actor, draft.id);
    // $200.00 with IVA is $172.41 before it: the CFDI's Descuento is 5 % of that base.
    expect(money(invoice.discountAmount).toFixed(2)).toBe('8.62');
  });
});

describe('referrals', () => {
  it("the referrer earns REFERRAL_POINTS when the referred owner's first invoice is paid, once", async () => {
    const [referrer, friend] = [await owner(), await owner()];
    const { referralCode } = await s.loyalty.getMember(referrer.actor);
    await expect(s.loyalty.applyReferral(referrer.actor, { code: referralCode })).rejects.toMatchObject({ code: 'loyalty.referral_code_unknown' });
    await s.loyalty.applyReferral(friend.actor, { code: referralCode.toLowerCase() });
    await paidInvoice(friend.user.id, '300.00');
    await paidInvoice(friend.user.id, '300.00');
    expect(await s.loyalty.getMember(referrer.actor)).toMatchObject({ currentPoints: 500, referralsCount: 1 });
    const completed = (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'loyalty.referral_completed'))).map((r) => r.payload);
    expect(completed).toEqual([expect.objectContaining({ referrerId: referrer.user.id, referredId: friend.user.id, points: 500 })]);
    await expect(s.loyalty.applyReferral(friend.actor, { code: referralCode })).rejects.toMatchObject({ code: 'loyalty.referral_too_late', statusCode: 422 });
  });
});
