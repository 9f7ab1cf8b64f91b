import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModule } from '../src/index';
import type { StoreServices } from '../src/services';
import { couponCodes, orders, stockBatches, stockLevels, stockMovements } from '../src/store.tables';
import { ProductFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: StoreServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule], { now: NOW });
  s = platform.services.store;
  vet = await StaffFactory(platform, 'veterinarian');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

const levelOf = async (productId: number) => (await platform.ctx.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;

describe('catalogue search', () => {
  it('finds products with accents, plurals and typos folded, and filters by species, price and stock', async () => {
    const cat = 'busqueda';
    const food = await ProductFactory(platform, { name: 'Croquetas Perro Adulto Pollo 3 kg', species: ['dog'], price: '450.00', categorySlug: cat });
    const cat1 = await ProductFactory(platform, { name: 'Arena para gato aglomerante', species: ['cat'], price: '180.00', categorySlug: cat });
    const gone = await ProductFactory(platform, { name: 'Croquetas Cachorro Salmón', species: ['dog'], price: '520.00', stock: 0, categorySlug: cat });
    const ids = async (input: object) => (await s.products.searchProducts(anonymous(), { category: cat, ...input })).items.map((p) => p.id);

    expect(await ids({ query: 'CROQUETAS' })).toEqual([food.id]);
    expect(await ids({ query: 'croqueta' })).toEqual([food.id]);
    expect(await ids({ query: 'croqetas' })).toContain(food.id);
    // Typed by ear: pg_trgm on how the words sound.
    expect(await ids({ query: 'crokets' })).toEqual([food.id]);
    expect(await ids({ query: 'kroketas pollo' })).toEqual([food.id]);
    expect(await ids({ query: 'arena aglomerante gatto' })).toEqual([cat1.id]);
    expect(await ids({ query: 'zapatos' })).toEqual([]);
    expect(await ids({ query: 'salmon', inStockOnly: false })).toEqual([gone.id]);
    expect(await ids({ species: 'cat' })).toEqual([cat1.id]);
    expect(await ids({ maxPrice: '210' })).toEqual([cat1.id]);
    expect(await ids({ inStockOnly: false, minPrice: '500' })).toEqual([gone.id]);
    const card = (await s.products.searchProducts(anonymous(), { category: cat, query: 'arena' })).items[0]!;
    expect(card).toMatchObject({ price: '180.00', inStock: 10 });
    expect(card).not.toHaveProperty('priceWithTax');
  });

  it('a word of the category finds what is in it: "vacuna" finds the vaccines', async () => {
    const vaccine = await ProductFactory(platform, { name: 'Nobivac Rabies 1 dosis', categorySlug: 'vacunas' });
    await ProductFactory(platform, { name: 'Correa de nylon', categorySlug: 'paseo' });
    const found = (await s.products.searchProducts(anonymous(), { query: 'vacuna' })).items.map((p) => p.id);
    expect(found).toEqual([vaccine.id]);
  });

  it('an unknown category is a 422 naming the field', async () => {
    await expect(s.products.searchProducts(anonymous(), { category: 'no-existe' })).rejects.toMatchObject({ statusCode: 422, code: 'store.category_unknown' });
  });

  it('paginates', async () => {
    for (let i = 0; i < 5; i++) await ProductFactory(platform, { name: `Juguete ${i}`, categorySlug: 'juguetes' });
    const first = await s.products.searchProducts(anonymous(), { category: 'juguetes', pageSize: 3 });
    const second = await s.products.searchProducts(anonymous(), { category: 'juguetes', pageSize: 3, page: 2 });
    expect([first.items.length, first.hasNext, second.items.length, second.hasNext]).toEqual([3, true, 2, false]);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(5);
  });

  it('recommends for the pet: its species and age, what its owner bought before first', async () => {
    const owner = await OwnerFactory(platform);
    const puppy = await PetFactory(platform, owner.actor, { species: 'dog', dateOfBirth: '2025-11-01' });
    const cat = 'recomendados';
    const puppyFood = await ProductFactory(platform, { name: 'Alimento cachorro', species: ['dog'], lifeStages: ['young'], categorySlug: cat });
    const seniorFood = await ProductFactory(platform, { name: 'Alimento senior', species: ['dog'], lifeStages: ['senior'], categorySlug: cat });
    const catToy = await ProductFactory(platform, { name: 'Ratón de juguete', species: ['cat'], categorySlug: cat });
    const leash = await ProductFactory(platform, { name: 'Correa', species: [], categorySlug: cat, price: '300.00' });
    const before = (await s.products.getRecommendations(owner.actor, { petId: puppy.id, category: cat, limit: 10 })).map((p) => p.id);
    expect(before).toContain(puppyFood.id);
    expect(before).not.toContain(seniorFood.id);
    expect(before).not.toContain(catToy.id);
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: leash.id });
    await s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    const after = (await s.products.getRecommendations(owner.actor, { petId: puppy.id, category: cat, limit: 10 })).map((p) => p.id);
    expect(after[0]).toBe(leash.id);
    const stranger = await OwnerFactory(platform);
    await expect(s.products.getRecommendations(stranger.actor, { petId: puppy.id })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('leaves out what the pet is allergic to, named in the product’s name or description', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor, { species: 'dog', dateOfBirth: '2020-05-01' });
    const vet = await StaffFactory(platform, 'veterinarian');
    await platform.services['vet-clinic'].records.addAllergy(pet.id, { allergen: 'Proteína de pollo', severity: 'moderate' }, vet.actor);
    const cat = 'alergias';
    const chicken = await ProductFactory(platform, { name: 'Croquetas Adulto Pollo', species: ['dog'], categorySlug: cat });
    const hidden = await ProductFactory(platform, { name: 'Premios suaves', description: 'Hechos con hígado de pollo.', species: ['dog'], categorySlug: cat });
    const lamb = await ProductFactory(platform, { name: 'Croquetas Adulto Cordero', species: ['dog'], categorySlug: cat });
    const ids = (await s.products.getRecommendations(owner.actor, { petId: pet.id, category: cat, limit: 10 })).map((p) => p.id);
    expect(ids).toContain(lamb.id);
    expect(ids).not.toContain(chicken.id);
    expect(ids).not.toContain(hidden.id);
  });
  it('fits the pet’s weight and age: the flea pipette of its band, the food of its life stage, by the store and the assistant alike', async () => {
    const owner = await OwnerFactory(platform);
    // A 12 kg adult dog, and a 3 kg puppy.
    const adult = await PetFactory(platform, owner.actor, { species: 'dog', dateOfBirth: '2021-01-10', weightKg: '12' });
    const puppy = await PetFactory(platform, owner.actor, { name: 'Pulga', species: 'dog', dateOfBirth: '2025-12-01', weightKg: '3.00' });
    const cat = 'pipetas';
    const band = (name: string, from: string | null, upTo: string | null, stages: ('young' | 'adult' | 'senior')[] = []) =>
      ProductFactory(platform, { name, species: ['dog'], lifeStages: stages, petWeightMinKg: from, petWeightMaxKg: upTo, categorySlug: cat });
    const small = await band('Pipeta perro 2 a 4.5 kg', '2.00', '4.50');
    const medium = await band('Pipeta perro 4.5 a 10 kg', '4.50', '10.00');
    const large = await band('Pipeta perro 10 a 20 kg', '10.00', '20.00');
    const giant = await band('Pipeta perro 20 a 40 kg', '20.00', '40.00');
    const puppyFood = await band('Croquetas cachorro raza pequeña', null, '10.00', ['young']);
    const adultFood = await band('Croquetas adulto raza mediana', '10.00', '25.00', ['adult']);
    const ids = async (petId: number) => (await s.products.getRecommendations(owner.actor, { petId, category: cat, limit: 20 })).map((p) => p.id);

    expect((await ids(adult.id)).sort()).toEqual([large.id, adultFood.id].sort());
    expect((await ids(puppy.id)).sort()).toEqual([small.id, puppyFood.id].sort());
    expect(await ids(adult.id)).not.toContain(medium.id);
    expect(await ids(adult.id)).not.toContain(giant.id);

    // The assistant's tool answers the same.
    const answer = await platform.ctx.tools.executeTool('get_recommendations', { petId: puppy.id, category: cat, limit: 20 }, owner.actor);
    expect(answer.ok).toBe(true);
    expect((answer as { data: { id: number }[] }).data.map((p) => p.id).sort()).toEqual([small.id, puppyFood.id].sort());
  });

  it('refuses a weight band that ends before it starts, naming the field', async () => {
    const category = await ProductFactory(platform, { categorySlug: 'bandas' });
    await expect(
      s.products.createProduct(manager.actor, {
        name: 'Pipeta al revés',
        sku: 'PIP-REV',
        categoryId: category.categoryId,
        price: '200.00',
        petWeightMinKg: '10',
        petWeightMaxKg: '4.5',
      }),
    ).rejects.toMatchObject({ statusCode: 422, code: 'store.pet_weight_band', fields: [expect.objectContaining({ field: 'petWeightMaxKg' })] });
    await expect(
      s.products.createProduct(manager.actor, {
        name: 'Pipeta rara',
        sku: 'PIP-RARA',
        categoryId: category.categoryId,
        price: '200.00',
        petWeightMinKg: 'diez',
      }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [expect.objectContaining({ field: 'petWeightMinKg' })] });
  });
});

describe('cart', () => {
  it('adds, merges lines, totals at shelf prices with the IVA they include by class, and refuses more than the stock', async () => {
    const owner = await OwnerFactory(platform);
    const cart = { ownerId: owner.user.id };
    const food = await ProductFactory(platform, { price: '100.00', stock: 5 });
    const exempt = await ProductFactory(platform, { price: '50.00', taxClass: 'iva0' });
    await s.carts.addItem(owner.actor, cart, { productId: food.id, quantity: 2 });
    await s.carts.addItem(owner.actor, cart, { productId: food.id, quantity: 1 });
    await s.carts.addItem(owner.actor, cart, { productId: exempt.id });
    const view = await s.carts.getCart(cart);
    expect(view.items.map((i) => i.quantity)).toEqual([3, 1]);
    expect(view.items.map((i) => i.lineTotal)).toEqual(['300.00', '50.00']);
    expect(view.total).toMatchObject({ subtotal: '350.00', tax: '41.38', total: '350.00', shipping: '0.00' });
    expect((await s.carts.getCart(cart, 'delivery')).total).toMatchObject({ subtotal: '350.00', shipping: '99.00', tax: '55.03', total: '449.00' });
    await expect(s.carts.addItem(owner.actor, cart, { productId: food.id, quantity: 3 })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.not_enough_stock',
    });
    expect((await s.carts.getCart(cart)).items[0]!.quantity).toBe(3);
    await expect(s.carts.addItem(owner.actor, cart, { productId: food.id, quantity: 0 })).rejects.toMatchObject({ statusCode: 422 });
  });

  it('a guest cart joins the owner’s at sign-in, quantities added', async () => {
    const owner = await OwnerFactory(platform);
    const a = await ProductFactory(platform);
    const b = await ProductFactory(platform);
    const guest = { sessionKey: 'guest-session-key-0001' };
    await s.carts.addItem(anonymous(), guest, { productId: a.id, quantity: 2 });
    await s.carts.addItem(anonymous(), guest, { productId: b.id });
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: a.id });
    await s.carts.mergeGuestCart(guest.sessionKey, owner.user.id);
    const merged = await s.carts.getCart({ ownerId: owner.user.id });
    expect(merged.items.map((i) => [i.product.id, i.quantity])).toEqual([
      [a.id, 3],
      [b.id, 1],
    ]);
    expect((await s.carts.getCart(guest)).items).toEqual([]);
  });

  it('someone else’s cart line cannot be changed', async () => {
    const a = await OwnerFactory(platform);
    const b = await OwnerFactory(platform);
    const p = await ProductFactory(platform);
    const item = await s.carts.addItem(a.actor, { ownerId: a.user.id }, { productId: p.id });
    await expect(s.carts.updateItem({ ownerId: b.user.id }, item.id, { quantity: 5 })).rejects.toMatchObject({ statusCode: 404 });
    await expect(s.carts.removeItem({ ownerId: b.user.id }, item.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await s.carts.getCart({ ownerId: a.user.id })).items[0]!.quantity).toBe(1);
  });

  it('a line is only for one of the owner’s own pets; another owner’s petId is refused and nothing is added', async () => {
    const a = await OwnerFactory(platform);
    const b = await OwnerFactory(platform);
    const theirs = await PetFactory(platform, b.actor);
    const mine = await PetFactory(platform, a.actor);
    const p = await ProductFactory(platform);
    await expect(s.carts.addItem(a.actor, { ownerId: a.user.id }, { productId: p.id, petId: theirs.id })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.pet_not_yours',
    });
    await expect(s.carts.addItem(a.actor, { sessionKey: 'guest-with-a-pet' }, { productId: p.id, petId: mine.id })).rejects.toMatchObject({
      code: 'store.pet_not_yours',
    });
    expect((await s.carts.getCart({ ownerId: a.user.id })).items).toEqual([]);
    await s.carts.addItem(a.actor, { ownerId: a.user.id }, { productId: p.id, petId: mine.id });
    expect((await s.carts.getCart({ ownerId: a.user.id })).items.map((i) => i.petId)).toEqual([mine.id]);
  });
});

describe('coupons', () => {
  it.each([
    [{ code: 'CADUCO', discountType: 'percent', discountValue: '10', validUntil: new Date('2026-03-01T00:00:00Z') }, 'store.coupon_expired'],
    [{ code: 'FUTURO', discountType: 'percent', discountValue: '10', validFrom: new Date('2026-04-01T00:00:00Z') }, 'store.coupon_not_started'],
    [{ code: 'MINIMO', discountType: 'fixed', discountValue: '50', minimumPurchase: '1000' }, 'store.coupon_minimum'],
    [{ code: 'APAGADO', discountType: 'fixed', discountValue: '50', isActive: false }, 'store.coupon_unknown'],
    [{ code: 'AGOTADO', discountType: 'fixed', discountValue: '50', maxUses: 1, timesUsed: 1 }, 'store.coupon_used_up'],
  ] as const)('%o is refused with %s', async (coupon, code) => {
    await platform.ctx.db.insert(couponCodes).values(coupon);
    const owner = await OwnerFactory(platform);
    const p = await ProductFactory(platform, { price: '200.00' });
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id });
    await expect(s.carts.applyCoupon({ ownerId: owner.user.id }, { code: coupon.code.toLowerCase() })).rejects.toMatchObject({ statusCode: 422, code });
  });

  it('a percent coupon takes its share off the price paid (2 × $250 less 10 % is $450); per-customer limit holds at checkout', async () => {
    await s.coupons.createCoupon(manager.actor, { code: 'BIENVENIDA', discountType: 'percent', discountValue: '10', maxUsesPerCustomer: 1 });
    await expect(s.coupons.createCoupon(vet.actor, { code: 'OTRO', discountType: 'fixed', discountValue: '10' })).rejects.toMatchObject({ statusCode: 403 });
    const owner = await OwnerFactory(platform);
    const cart = { ownerId: owner.user.id };
    const p = await ProductFactory(platform, { price: '250.00' });
    await s.carts.addItem(owner.actor, cart, { productId: p.id, quantity: 2 });
    const view = await s.carts.applyCoupon(cart, { code: 'bienvenida' });
    expect(view.total).toMatchObject({ subtotal: '500.00', discount: '50.00', tax: '62.07', total: '450.00', coupon: { code: 'BIENVENIDA' } });
    const order = await s.checkout.completeCheckout(owner.actor, cart, { paymentMethod: 'pay_at_clinic' });
    expect(order).toMatchObject({ subtotal: '500.00', discountAmount: '50.00', taxAmount: '62.07', total: '450.00' });
    expect(order.items[0]).toMatchObject({ unitPrice: '250.00', quantity: 2, total: '450.00' });
    await s.carts.addItem(owner.actor, cart, { productId: p.id });
    await expect(s.carts.applyCoupon(cart, { code: 'BIENVENIDA' })).rejects.toMatchObject({ code: 'store.coupon_customer_limit' });
  });

  it('racing checkouts cannot use a single-use coupon twice', async () => {
    await platform.ctx.db.insert(couponCodes).values({ code: 'UNAVEZ', discountType: 'fixed', discountValue: '20', maxUses: 1 });
    const p = await ProductFactory(platform, { price: '100.00', stock: 50 });
    const buyers = await Promise.all(Array.from({ length: 6 }, () => OwnerFactory(platform)));
    for (const b of buyers) {
      await s.carts.addItem(b.actor, { ownerId: b.user.id }, { productId: p.id });
      await s.carts.applyCoupon({ ownerId: b.user.id }, { code: 'UNAVEZ' });
    }
    const results = await Promise.allSettled(
      buyers.map((b) => s.checkout.completeCheckout(b.actor, { ownerId: b.user.id }, { paymentMethod: 'pay_at_clinic' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill('store.coupon_used_up'));
    const [coupon] = await platform.ctx.db.select().from(couponCodes).where(eq(couponCodes.code, 'UNAVEZ'));
    expect(coupon!.timesUsed).toBe(1);
  });
});

describe('checkout and stock', () => {
  it('takes stock first-expiry-first-out, skipping expired batches, and records each movement', async () => {
    const owner = await OwnerFactory(platform);
    const p = await ProductFactory(platform, {
      batches: [
        { quantity: 5, expiryDate: '2027-06-30', batchNumber: 'LATE' },
        { quantity: 2, expiryDate: '2026-05-31', batchNumber: 'SOON' },
        { quantity: 4, expiryDate: '2026-03-01', batchNumber: 'EXPIRED' },
      ],
    });
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id, quantity: 3 });
    const order = await s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    const batches = await platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.productId, p.id));
    expect(Object.fromEntries(batches.map((b) => [b.batchNumber, b.quantity]))).toEqual({ LATE: 4, SOON: 0, EXPIRED: 4 });
    expect(await levelOf(p.id)).toBe(8);
    const moves = await platform.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.reference, `order:${order.id}`));
    expect(moves.map((m) => [m.quantityChange, m.reason, m.createdBy])).toEqual([
      [-2, 'sale', owner.user.id],
      [-1, 'sale', owner.user.id],
    ]);
    expect(order.orderNumber).toMatch(/^P26\d{6}$/);
  });

  it('cancelling an order puts the units back into the batches they came from', async () => {
    const owner = await OwnerFactory(platform);
    const p = await ProductFactory(platform, {
      batches: [
        { quantity: 1, expiryDate: '2026-06-01', batchNumber: 'A' },
        { quantity: 5, expiryDate: '2027-01-01', batchNumber: 'B' },
      ],
    });
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id, quantity: 3 });
    const order = await s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' });
    await s.orders.cancelOwnOrder(owner.actor, order.id);
    const batches = await platform.ctx.db.select().from(stockBatches).where(eq(stockBatches.productId, p.id));
    expect(Object.fromEntries(batches.map((b) => [b.batchNumber, b.quantity]))).toEqual({ A: 1, B: 5 });
    expect(await levelOf(p.id)).toBe(6);
    await expect(s.orders.cancelOwnOrder(owner.actor, order.id)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('never oversells: 12 racing checkouts for the last 5 units sell exactly 5', async () => {
    const p = await ProductFactory(platform, { stock: 5 });
    const buyers = await Promise.all(Array.from({ length: 12 }, () => OwnerFactory(platform)));
    for (const b of buyers) await s.carts.addItem(b.actor, { ownerId: b.user.id }, { productId: p.id });
    const results = await Promise.allSettled(
      buyers.map((b) => s.checkout.completeCheckout(b.actor, { ownerId: b.user.id }, { paymentMethod: 'pay_at_clinic' })),
    );
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(rejected.map((e) => [e.statusCode, e.code, e.details.available])).toEqual(Array(7).fill([409, 'store.out_of_stock', 0]));
    expect(await levelOf(p.id)).toBe(0);
    const moves = await platform.ctx.db.select({ change: stockMovements.quantityChange }).from(stockMovements).where(eq(stockMovements.productId, p.id));
    expect(moves.reduce((n, m) => n - m.change, 0)).toBe(5);
    // The losers keep their carts: nothing changed for them.
    expect((await s.carts.getCart({ ownerId: buyers.find((_, i) => results[i]!.status === 'rejected')!.user.id })).items).toHaveLength(1);
  });

  it('the database refuses negative stock even if a service forgot to check', async () => {
    const p = await ProductFactory(platform, { stock: 1 });
    await expect(platform.ctx.db.update(stockLevels).set({ quantity: -1 }).where(eq(stockLevels.productId, p.id))).rejects.toThrow();
    expect(await levelOf(p.id)).toBe(1);
  });

  it('prescription products need a current prescription for the owner’s own pet; controlled ones only at the clinic', async () => {
    const owner = await OwnerFactory(platform);
    const cart = { ownerId: owner.user.id };
    const pet = await PetFactory(platform, owner.actor);
    const rx = await ProductFactory(platform, { name: 'Carprofeno 100 mg', requiresPrescription: true, prescriptionName: 'carprofeno' });
    const controlled = await ProductFactory(platform, { name: 'Tramadol 50 mg', requiresPrescription: true, isControlled: true, prescriptionName: 'tramadol' });
    await expect(s.carts.addItem(owner.actor, cart, { productId: rx.id })).rejects.toMatchObject({ code: 'store.rx_pet_required' });
    await expect(s.carts.addItem(owner.actor, cart, { productId: rx.id, petId: pet.id })).rejects.toMatchObject({ code: 'store.rx_missing' });
    await expect(s.carts.addItem(anonymous(), { sessionKey: 'guest-session-key-0002' }, { productId: rx.id })).rejects.toMatchObject({
      code: 'store.rx_sign_in',
    });
    const vetClinic = platform.services['vet-clinic'] as { records: { addMedication(petId: number, input: unknown, actor: unknown): Promise<unknown> } };
    await vetClinic.records.addMedication(
      pet.id,
      { name: 'Carprofeno', dosage: '100 mg', frequency: 'cada 24 h', route: 'oral', startDate: '2026-03-09', endDate: '2026-03-20' },
      vet.actor,
    );
    await s.carts.addItem(owner.actor, cart, { productId: rx.id, petId: pet.id });
    const other = await OwnerFactory(platform);
    await expect(s.carts.addItem(other.actor, { ownerId: other.user.id }, { productId: rx.id, petId: pet.id })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.pet_not_yours',
    });
    await expect(s.carts.addItem(owner.actor, cart, { productId: controlled.id, petId: pet.id })).rejects.toMatchObject({
      code: 'store.controlled_in_clinic_only',
    });
    const order = await s.checkout.completeCheckout(owner.actor, cart, { paymentMethod: 'pay_at_clinic' });
    expect(order.items).toMatchObject([{ productId: rx.id, petId: pet.id }]);
  });

  it('an empty cart and a delivery without address are refused with nothing changed', async () => {
    const owner = await OwnerFactory(platform);
    await expect(s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'pay_at_clinic' })).rejects.toMatchObject({
      code: 'store.cart_empty',
    });
    const p = await ProductFactory(platform);
    await s.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: p.id });
    await expect(
      s.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online', fulfilment: 'delivery' }),
    ).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'shippingAddress' })],
    });
    expect(await platform.ctx.db.select().from(orders).where(eq(orders.ownerId, owner.user.id))).toEqual([]);
  });
});

describe('orders', () => {
  it('owners see only their own; staff move them along with events', async () => {
    const a = await OwnerFactory(platform);
    const b = await OwnerFactory(platform);
    const p = await ProductFactory(platform);
    await s.carts.addItem(a.actor, { ownerId: a.user.id }, { productId: p.id });
    const order = await s.checkout.completeCheckout(a.actor, { ownerId: a.user.id }, { paymentMethod: 'pay_at_clinic' });
    await expect(s.orders.getOrder(b.actor, order.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await s.orders.getUserOrders(b.actor)).items).toEqual([]);
    await expect(s.orders.updateOrderStatus(a.actor, order.id, { status: 'shipped' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.orders.updateOrderStatus(vet.actor, order.id, { status: 'delivered' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'store.bad_transition',
    });
    await s.orders.updateOrderStatus(vet.actor, order.id, { status: 'processing' });
    await s.orders.updateOrderStatus(vet.actor, order.id, { status: 'shipped' });
    const delivered = await s.orders.updateOrderStatus(vet.actor, order.id, { status: 'delivered' });
    expect(delivered.deliveredAt).not.toBeNull();
    const raised = await platform.ctx.db
      .select({ name: outbox.name })
      .from(outbox)
      .where(sql`${outbox.payload}->>'orderId' = ${String(order.id)}`)
      .orderBy(outbox.occurredAt);
    expect(raised.map((r) => r.name)).toEqual(['store.order_created', 'store.order_shipped', 'store.order_delivered']);
  });
});

describe('inventory', () => {
  it('receives a batch, adjusts with a reason, and lists low stock and expiring batches', async () => {
    const p = await ProductFactory(platform, { stock: 0, reorderPoint: 4, name: 'Vacuna séxtuple' });
    await expect(s.inventory.receiveStock(owner(), { productId: p.id, quantity: 10 })).rejects.toMatchObject({ statusCode: 401 });
    const batch = await s.inventory.receiveStock(vet.actor, {
      productId: p.id,
      quantity: 10,
      batchNumber: 'VX-1',
      expiryDate: '2026-04-15',
      costPerUnit: '120.50',
    });
    expect(batch).toMatchObject({ quantity: 10, receivedDate: '2026-03-10' });
    await expect(s.inventory.receiveStock(vet.actor, { productId: p.id, quantity: 1, expiryDate: '2026-03-01', costPerUnit: '120.50' })).rejects.toMatchObject({
      code: 'store.receiving_expired',
    });
    await s.inventory.adjustStock(vet.actor, { productId: p.id, quantityChange: -7, reason: 'damaged', notes: 'Se rompió la cadena de frío' });
    await expect(s.inventory.adjustStock(vet.actor, { productId: p.id, quantityChange: -4, reason: 'damaged' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'store.adjust_below_zero',
    });
    const stock = await s.inventory.checkStock(vet.actor, p.id);
    expect(stock).toMatchObject({ quantity: 3, reorderPoint: 4 });
    expect((await s.inventory.getLowStockProducts(vet.actor)).map((x) => x.id)).toContain(p.id);
    const expiring = await s.inventory.getExpiringProducts(vet.actor, 60);
    expect(expiring.find((e) => e.productId === p.id)).toMatchObject({ batchNumber: 'VX-1', daysUntilExpiry: 36, quantity: 3 });
    const history = await s.inventory.listMovements(vet.actor, p.id);
    expect(history.items.map((m) => [m.reason, m.quantityChange, m.quantityAfter])).toEqual([
      ['damaged', -7, 3],
      ['received', 10, 10],
    ]);
    const alerts = await s.inventory.raiseAlerts();
    expect(alerts.lowStock).toBeGreaterThan(0);
    const raised = await platform.ctx.db
      .select({ name: outbox.name })
      .from(outbox)
      .where(sql`${outbox.payload}->>'productId' = ${String(p.id)}`);
    expect(raised.map((r) => r.name).sort()).toEqual(['store.expiry_alert', 'store.low_stock_alert', 'store.stock_moved', 'store.stock_received']);
  });
});

function owner() {
  return anonymous();
}

describe('AI tools', () => {
  it('offer shopping to owners and stock to staff; an owner asking for a staff tool is refused', async () => {
    const owner = await OwnerFactory(platform);
    const ownerTools = platform.ctx.tools.getToolsForUser(owner.actor).map((t) => t.function.name);
    expect(ownerTools).toEqual(expect.arrayContaining(['search_products', 'add_to_cart', 'get_my_orders']));
    expect(ownerTools).not.toContain('check_stock');
    expect(platform.ctx.tools.getToolsForUser(vet.actor).map((t) => t.function.name)).toContain('get_low_stock');
    const p = await ProductFactory(platform, { stock: 4 });
    const refused = await platform.ctx.tools.executeTool('check_stock', { productId: p.id }, owner.actor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    const added = await platform.ctx.tools.executeTool('add_to_cart', { productId: p.id, quantity: 2 }, owner.actor);
    expect(added).toMatchObject({ ok: true });
    expect((await s.carts.getCart({ ownerId: owner.user.id })).items.map((i) => i.quantity)).toEqual([2]);
  });
});

describe('in the reader’s language', () => {
  it('shows and finds products by their translated names, falling back to Spanish', async () => {
    const ml = platform.services.multilingual;
    const food = await ProductFactory(platform, { name: 'Croquetas Perro Cachorro 2 kg', shortDescription: 'Pollo y arroz', categorySlug: 'traducidos' });
    const leash = await ProductFactory(platform, { name: 'Correa retráctil', categorySlug: 'traducidos' });
    const catFood = await ProductFactory(platform, { name: 'Alimento para gato adulto', categorySlug: 'traducidos' });
    await ml.translation.saveTranslation(manager.actor, {
      contentType: 'store.product',
      objectId: catFood.id,
      fieldName: 'name',
      language: 'en',
      translation: 'Adult Cat Food',
    });
    for (const [fieldName, translation] of [
      ['name', 'Puppy Dog Food 2 kg'],
      ['shortDescription', 'Chicken and rice'],
    ] as const) {
      await ml.translation.saveTranslation(manager.actor, { contentType: 'store.product', objectId: food.id, fieldName, language: 'en', translation });
    }
    const english = { ...anonymous('en') };
    const found = await s.products.searchProducts(english, { category: 'traducidos', query: 'puppy food' });
    expect(found.items.map((p) => [p.id, p.name, p.shortDescription])[0]).toEqual([food.id, 'Puppy Dog Food 2 kg', 'Chicken and rice']);
    expect((await s.products.searchProducts(english, { category: 'traducidos', query: 'dog food' })).items.map((p) => p.id)).toEqual([food.id, catFood.id]);
    expect((await s.products.searchProducts(english, { category: 'traducidos', query: 'pupy' })).items.map((p) => p.id)).toEqual([food.id]);
    // Untranslated products keep their Spanish name; Spanish readers see Spanish.
    const all = await s.products.searchProducts(english, { category: 'traducidos' });
    expect(all.items.map((p) => p.name).sort()).toEqual(['Adult Cat Food', 'Correa retráctil', 'Puppy Dog Food 2 kg']);
    expect((await s.products.searchProducts(anonymous('es'), { category: 'traducidos', query: 'puppy' })).items).toEqual([]);
    expect((await s.products.getProduct(english, food.slug)).name).toBe('Puppy Dog Food 2 kg');
    expect((await s.products.getProduct(anonymous('de'), food.slug)).name).toBe('Croquetas Perro Cachorro 2 kg');
    expect(leash.name).toBe('Correa retráctil');
  });
});
