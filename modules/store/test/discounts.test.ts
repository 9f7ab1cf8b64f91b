import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { createPlatform, defineModule, money, port } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscountPort, type StoreServices, type StoreSockets, storeModule } from '../src/index';
import { ProductFactory } from '../src/testing';

/** A stand-in for loyalty: a fixed amount off for one owner, and what the checkout told it at each order. */
const offers = new Map<string, ReturnType<typeof money>>();
const placed: { ownerId: string; reference: string; discount: string; total: string }[] = [];
const loyaltyStandIn = defineModule({
  name: 'loyalty-stand-in',
  needs: { store: port<unknown>() },
  tables: {},
  createServices: (): DiscountPort => ({
    discountFor: async (_tx, ownerId) => offers.get(ownerId) ?? money(0),
    orderPlaced: async (_tx, order) => void placed.push({ ...order, discount: order.discount.toFixed(2), total: order.total.toFixed(2) }),
  }),
  fills: (discounts) => ({ store: { discounts } satisfies Partial<StoreSockets> }),
});

let platform: TestPlatform;
let s: StoreServices;
beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule, loyaltyStandIn]);
  s = platform.services.store;
});
afterAll(async () => platform?.close());

describe("the checkout's discount port", () => {
  it('takes off what the port offers this owner and tells it the order, in the order', async () => {
    const p = await ProductFactory(platform, { price: '250.00', stock: 10 });
    const [plain, favoured] = await Promise.all([OwnerFactory(platform), OwnerFactory(platform)]);
    offers.set(favoured.user.id, money('25.00'));
    const orderOf = async (owner: typeof plain) => {
      await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id, quantity: 2 });
      return s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    };
    const full = await orderOf(plain);
    const discounted = await orderOf(favoured);
    expect(money(discounted.discountAmount).minus(full.discountAmount).toFixed(2)).toBe('25.00');
    expect(money(discounted.total).lt(full.total)).toBe(true);
    expect(placed).toEqual([
      { ownerId: plain.user.id, reference: `order:${full.id}`, discount: '0.00', total: full.total },
      { ownerId: favoured.user.id, reference: `order:${discounted.id}`, discount: '25.00', total: discounted.total },
    ]);
    // Without billing the store's invoicing socket keeps its default: no invoice.
    expect(discounted.invoiceId).toBeNull();
  });

  it('a module filling a socket the target does not offer stops start-up', async () => {
    const wrong = defineModule({
      name: 'wrong',
      needs: { store: port<unknown>() },
      tables: {},
      createServices: () => ({}),
      fills: () => ({ store: { points: {} } }),
    });
    const { database, server, clinic } = platform.ctx;
    await expect(
      createPlatform({
        modules: [accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule, wrong],
        database,
        server,
        clinic,
        env: {},
      }),
    ).rejects.toThrow("Module wrong fills store's socket points, which store does not offer");
  });
});
