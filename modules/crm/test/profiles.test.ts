import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { type Actor, rows } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerProfiles } from '../src/crm.tables';
import { crmModule } from '../src/index';
import { crmOf } from '../src/testing';

let platform: TestPlatform;
let desk: Actor;
let vet: Actor;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, crmModule]);
  desk = (await StaffFactory(platform, 'receptionist')).actor;
  vet = (await StaffFactory(platform, 'veterinarian')).actor;
});
afterAll(async () => platform?.close());

const invoice = (ownerId: string) => ({ invoiceId: 1, invoiceNumber: 'A-1', ownerId, total: '1160.00' });
async function pay(ownerId: string, paymentId: number, amount: string) {
  await platform.ctx.db.transaction((tx) =>
    platform.ctx.events.emit(tx, paymentReceived, {
      ...invoice(ownerId),
      paymentId,
      amount,
      currency: 'MXN',
      method: 'cash',
      cardType: null,
      fee: null,
      balance: '0.00',
      date: '2026-03-01',
    }),
  );
}

describe('profiles kept from events', () => {
  it('opens a profile when an owner signs up, announces it once, and follows their pets and visits', async () => {
    const owner = await OwnerFactory(platform, { name: 'Lucía Pérez' });
    const pet = await PetFactory(platform, owner.actor, { name: 'Toby', breed: 'Labrador' });
    await VisitFactory(platform, pet.id, vet);
    const crm = await crmOf(platform);
    const profile = await crm.customers.getProfile(desk, owner.user.id);
    expect(profile).toMatchObject({ name: 'Lucía Pérez', visitCount: 1, lastVisitDate: '2026-03-10', tier: 'new', lifetimeValue: '0.00' });
    expect(profile.pets).toEqual([expect.objectContaining({ name: 'Toby', breed: 'Labrador', species: 'dog' })]);
    const announced = await rows<{ n: number }>(
      platform.ctx.db,
      sql`select count(*)::int as n from core.outbox where name = 'crm.customer_created' and payload->>'ownerId' = ${owner.user.id}`,
    );
    expect(announced[0]!.n).toBe(1);
  });

  it('counts payments less refunds as lifetime value, each event once, and moves the tier with it', async () => {
    const owner = await OwnerFactory(platform);
    await pay(owner.user.id, 101, '8000.00');
    await pay(owner.user.id, 102, '4000.00');
    await platform.ctx.db.transaction((tx) =>
      platform.ctx.events.emit(tx, paymentRefunded, {
        ...invoice(owner.user.id),
        paymentId: 103,
        originalPaymentId: 102,
        amount: '1500.50',
        currency: 'MXN',
        method: 'cash',
        originalMethod: 'cash',
        balance: '1500.50',
        date: '2026-03-02',
      }),
    );
    const crm = await crmOf(platform);
    expect(await crm.customers.calculateLtv(desk, owner.user.id)).toEqual({ ownerId: owner.user.id, lifetimeValue: '10499.50' });
    const profile = await crm.customers.getProfile(desk, owner.user.id, { includePets: 'false' });
    expect(profile).toMatchObject({ lifetimeValue: '10499.50', tier: 'vip', pets: null });
  });

  it('keeps pinned notes first and tags once, and finds owners by text and tag', async () => {
    const owner = await OwnerFactory(platform, { name: 'Ramón Núñez' });
    const crm = await crmOf(platform);
    await crm.customers.addNote(desk, owner.user.id, { content: 'Prefiere citas por la tarde' });
    await crm.customers.addNote(desk, owner.user.id, { content: 'Alérgico a la penicilina (el dueño)', isPinned: true });
    await crm.customers.addNote(desk, owner.user.id, { content: 'Pidió factura' });
    const notes = (await crm.customers.getProfile(desk, owner.user.id)).notes.map((n) => n.content);
    expect(notes[0]).toBe('Alérgico a la penicilina (el dueño)');
    expect(notes).toHaveLength(3);

    await crm.customers.addTag(desk, owner.user.id, { tag: 'VIP ' });
    await crm.customers.addTag(desk, owner.user.id, { tag: 'vip' });
    expect((await crm.customers.addTag(desk, owner.user.id, { tag: 'felinos' })).tags).toEqual(['vip', 'felinos']);
    expect((await crm.customers.removeTag(desk, owner.user.id, { tag: 'felinos' })).tags).toEqual(['vip']);

    const byText = await crm.customers.searchCustomers(desk, { query: 'ramon nunez' });
    expect(byText.items.map((i) => i.ownerId)).toEqual([owner.user.id]);
    const byTag = await crm.customers.searchCustomers(desk, { tags: 'vip' });
    expect(byTag.items.map((i) => i.ownerId)).toContain(owner.user.id);
    expect((await crm.customers.searchCustomers(desk, { query: 'ramon', tags: ['felinos'] })).items).toEqual([]);
  });

  it('lists follow-ups due today until they are done; owners and strangers get nothing', async () => {
    const owner = await OwnerFactory(platform);
    const crm = await crmOf(platform);
    const call = await crm.customers.logInteraction(desk, owner.user.id, {
      interactionType: 'call_out',
      subject: 'Recordatorio de vacuna',
      outcome: 'No contestó',
      sentiment: 'neutral',
      followUpDate: '2026-03-10',
    });
    await crm.customers.logInteraction(desk, owner.user.id, { interactionType: 'call_in', followUpDate: '2026-03-11' });
    const due = await crm.customers.followUpsDue(desk);
    expect(due.filter((d) => d.ownerId === owner.user.id).map((d) => d.id)).toEqual([call.id]);
    await crm.customers.completeFollowUp(desk, call.id);
    expect((await crm.customers.followUpsDue(desk)).some((d) => d.id === call.id)).toBe(false);
    await expect(crm.customers.followUpsDue(owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(crm.customers.getProfile(desk, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'crm.customer_not_found' });
    await expect(crm.customers.completeFollowUp(desk, 999_999)).rejects.toMatchObject({ code: 'crm.follow_up_not_found' });
  });

  it('scores churn risk from each pet: a dog two years without a visit is high risk, with the reason', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor, { name: 'Canela', dateOfBirth: '2019-01-01' });
    await VisitFactory(platform, pet.id, vet, { visitDate: '2024-02-01T17:00:00Z' });
    const crm = await crmOf(platform);
    await crm.churn.scoreAll();
    const profile = await crm.customers.getProfile(desk, owner.user.id);
    expect(profile.churnRisk).toBe('high');
    expect(profile.churnReason).toMatchObject({ petName: 'Canela', expectedDays: 365 });
  });
});

describe('racing', () => {
  it('concurrent tag adds, owner updates and events keep one profile per owner with each tag once', async () => {
    const owner = await OwnerFactory(platform);
    const crm = await crmOf(platform);
    await Promise.all([
      ...Array.from({ length: 8 }, () => crm.customers.addTag(desk, owner.user.id, { tag: 'urgente' })),
      ...Array.from({ length: 4 }, (_, i) => crm.customers.addTag(desk, owner.user.id, { tag: `t${i}` })),
      ...Array.from({ length: 4 }, (_, i) => pay(owner.user.id, 900 + i, '10.00')),
      crm.sync.recompute(owner.user.id),
      platform.ctx.events.dispatch(),
    ]);
    await platform.ctx.events.dispatch();
    const found = await platform.ctx.db.select().from(ownerProfiles).where(eq(ownerProfiles.ownerId, owner.user.id));
    expect(found).toHaveLength(1);
    expect(found[0]!.tags.filter((t) => t === 'urgente')).toHaveLength(1);
    expect([...found[0]!.tags].sort()).toEqual(['t0', 't1', 't2', 't3', 'urgente']);
    expect(found[0]!.lifetimeValue).toBe('40.00');
  });
});
