import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsModule } from '../src/index';
import type { AppointmentsServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let platform: TestPlatform;
let s: AppointmentsServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let receptionist: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], {
    now: '2026-03-10T16:00:00Z',
  });
  s = platform.services.appointments;
  manager = await StaffFactory(platform, 'manager');
  vet = await StaffFactory(platform, 'veterinarian');
  receptionist = await StaffFactory(platform, 'receptionist');
  await s.staffSchedule.setWeeklyHours(manager.actor, vet.user.id, { hours: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })) });
});
afterAll(async () => platform?.close());

const service = (categoryId: number, extra: Record<string, unknown> = {}) => ({
  categoryId,
  name: 'Consulta general',
  durationMinutes: 30,
  price: '450.00',
  onlineBookable: true,
  staffIds: [vet.user.id],
  ...extra,
});

describe('the service catalogue in managers’ hands', () => {
  it('creates categories and services that owners can then book, with price, SAT keys and who performs them', async () => {
    const category = await s.catalog.createCategory(manager.actor, { name: 'Consultas', icon: '🩺' });
    expect(category).toMatchObject({ slug: 'consultas', isActive: true });
    const created = await s.catalog.createServiceType(
      manager.actor,
      service(category.id, { satProductCode: '70122000', satUnitCode: 'E48', taxClass: 'iva16', species: ['dog', 'cat'], deposit: '100.00' }),
    );
    expect(created).toMatchObject({ price: '450.00', deposit: '100.00', onlineBookable: true, staffIds: [vet.user.id], species: ['dog', 'cat'] });
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const offered = await s.appointments.listServices(owner.actor);
    expect(offered.find((x) => x.id === created.id)).toMatchObject({ name: 'Consulta general', price: '450.00', deposit: '100.00', category: 'Consultas' });
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-12', time: '10:00', serviceType: created.slug });
    expect(booked.staffId).toBe(vet.user.id);
  });

  it('keeps services staff book by phone out of owners’ reach, not staff’s', async () => {
    const category = await s.catalog.createCategory(manager.actor, { name: 'Cirugía' });
    const surgery = await s.catalog.createServiceType(
      manager.actor,
      service(category.id, { name: 'Esterilización', durationMinutes: 120, price: '2800.00', onlineBookable: false }),
    );
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    expect((await s.appointments.listServices(owner.actor)).map((x) => x.id)).not.toContain(surgery.id);
    expect((await s.appointments.listServices(receptionist.actor)).map((x) => x.id)).toContain(surgery.id);
    await expect(
      s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-13', time: '09:00', serviceType: surgery.slug }),
    ).rejects.toMatchObject({ statusCode: 422, code: 'appointments.not_online_bookable' });
    const byPhone = await s.appointments.bookAppointment(receptionist.actor, {
      petId: pet.id,
      date: '2026-03-13',
      time: '09:00',
      serviceType: surgery.slug,
      createdVia: 'phone',
    });
    expect(byPhone.status).toBe('pending');
  });

  it('edits a service (price and who performs it) and retires it: nobody can book it any more', async () => {
    const category = await s.catalog.createCategory(manager.actor, { name: 'Estética' });
    const bath = await s.catalog.createServiceType(manager.actor, service(category.id, { name: 'Baño', price: '400.00' }));
    const edited = await s.catalog.updateServiceType(manager.actor, bath.id, service(category.id, { name: 'Baño y corte', price: '450.50', staffIds: [] }));
    expect(edited).toMatchObject({ name: 'Baño y corte', price: '450.50', staffIds: [] });
    const retired = await s.catalog.retireServiceType(manager.actor, bath.id, { retired: true });
    expect(retired.isActive).toBe(false);
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    expect((await s.appointments.listServices(owner.actor)).map((x) => x.id)).not.toContain(bath.id);
    await expect(
      s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-16', time: '09:00', serviceType: bath.slug }),
    ).rejects.toMatchObject({
      code: 'appointments.service_unknown',
    });
    expect((await s.catalog.listServiceTypes(manager.actor, { includeRetired: true })).map((x) => x.id)).toContain(bath.id);
    expect((await s.catalog.listServiceTypes(manager.actor)).map((x) => x.id)).not.toContain(bath.id);
  });

  it('orders categories and a category’s services as managers list them', async () => {
    const a = await s.catalog.createCategory(manager.actor, { name: 'Laboratorio' });
    const first = await s.catalog.createServiceType(manager.actor, service(a.id, { name: 'Hemograma' }));
    const second = await s.catalog.createServiceType(manager.actor, service(a.id, { name: 'Urianálisis' }));
    expect(second.order).toBeGreaterThan(first.order);
    const reordered = await s.catalog.reorderServiceTypes(manager.actor, a.id, { ids: [second.id, first.id] });
    expect(reordered.map((x) => x.id)).toEqual([second.id, first.id]);
    const all = await s.catalog.listCategories(manager.actor, { includeRetired: true });
    const ids = [a.id, ...all.map((c) => c.id).filter((id) => id !== a.id)];
    expect((await s.catalog.reorderCategories(manager.actor, { ids })).map((c) => c.id)).toEqual(ids);
    expect((await s.appointments.listServices(manager.actor))[0]!.category).toBe('Laboratorio');
  });

  it('refuses what does not add up, with a 4xx naming the field, and changes nothing', async () => {
    const category = await s.catalog.createCategory(manager.actor, { name: 'Prevención' });
    const before = (await s.catalog.listServiceTypes(manager.actor, { includeRetired: true })).length;
    await expect(s.catalog.createServiceType(manager.actor, service(category.id, { deposit: '500.00' }))).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'deposit' })],
    });
    await expect(s.catalog.createServiceType(manager.actor, service(category.id, { price: '12.345' }))).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'price' })],
    });
    await expect(s.catalog.createServiceType(manager.actor, service(category.id, { satProductCode: '7012' }))).rejects.toMatchObject({ statusCode: 422 });
    await expect(s.catalog.createServiceType(manager.actor, service(999_999))).rejects.toMatchObject({ code: 'appointments.category_unknown' });
    const owner = await OwnerFactory(platform);
    await expect(s.catalog.createServiceType(manager.actor, service(category.id, { staffIds: [owner.user.id] }))).rejects.toMatchObject({
      code: 'appointments.staff_unknown',
    });
    await expect(s.catalog.reorderCategories(manager.actor, { ids: [category.id] })).rejects.toMatchObject({ code: 'appointments.reorder_incomplete' });
    expect((await s.catalog.listServiceTypes(manager.actor, { includeRetired: true })).length).toBe(before);
  });

  it('lets only managers and admins change the catalogue; every staff member reads it', async () => {
    await expect(s.catalog.createCategory(receptionist.actor, { name: 'Otra' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.catalog.createCategory(vet.actor, { name: 'Otra' })).rejects.toMatchObject({ statusCode: 403 });
    const owner = await OwnerFactory(platform);
    await expect(s.catalog.listServiceTypes(owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    expect((await s.catalog.listServiceTypes(receptionist.actor)).length).toBeGreaterThan(0);
  });
});
