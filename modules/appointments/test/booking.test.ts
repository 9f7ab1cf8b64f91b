import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appointments } from '../src/appointments.tables';
import { appointmentsModule, SERVICE, SERVICE_CATEGORY } from '../src/index';
import type { AppointmentsServices } from '../src/services';
import { ServiceFactory } from '../src/testing';

const withoutId = <T extends { id: number }>({ id: _id, ...rest }: T) => rest;

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: AppointmentsServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let service: { slug: string; id: number; name: string };

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], { now: NOW });
  s = platform.services.appointments;
  vet = await StaffFactory(platform, 'veterinarian');
  service = await ServiceFactory(platform, { staffIds: [vet.user.id] });
});
afterAll(async () => platform?.close());

describe('booking', () => {
  it('lists free times and books one; it is then gone from the list', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const slots = await s.appointments.checkAvailability(owner.actor, { date: '2026-03-12', serviceType: service.slug });
    expect(slots[0]).toMatchObject({ time: '09:00', staffIds: [vet.user.id] });
    expect(slots.at(-1)!.time).toBe('18:30');
    const booked = await s.appointments.bookAppointment(owner.actor, {
      petId: pet.id,
      date: '2026-03-12',
      time: '09:30',
      serviceType: service.slug,
      reason: 'Revisión',
    });
    expect(booked).toMatchObject({ status: 'pending', staffId: vet.user.id, createdVia: 'web', date: '2026-03-12' });
    expect(booked.startsAt.toISOString()).toBe('2026-03-12T15:30:00.000Z');
    const after = await s.appointments.checkAvailability(owner.actor, { date: '2026-03-12', serviceType: service.slug });
    expect(after.map((x) => x.time)).not.toContain('09:30');
    expect(after.map((x) => x.time)).toContain('09:00');
  });

  it('an owner cannot book for another owner’s pet', async () => {
    const a = await OwnerFactory(platform);
    const b = await OwnerFactory(platform);
    const pet = await PetFactory(platform, a.actor);
    await expect(
      s.appointments.bookAppointment(b.actor, { petId: pet.id, date: '2026-03-12', time: '11:00', serviceType: service.slug }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('races 50 clients for one slot: exactly one wins, the rest hear "slot taken" with fresh times', async () => {
    const owners = await Promise.all(Array.from({ length: 10 }, () => OwnerFactory(platform)));
    const petsToBook = [];
    for (const owner of owners) for (let i = 0; i < 5; i++) petsToBook.push({ owner, pet: await PetFactory(platform, owner.actor, { name: `Racer ${i}` }) });
    const results = await Promise.allSettled(
      petsToBook.map(({ owner, pet }) =>
        s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-13', time: '12:00', serviceType: service.slug }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect(r.reason).toMatchObject({ code: 'appointments.slot_taken', statusCode: 409 });
      expect(r.reason.details.alternatives).not.toContain('12:00');
      expect(r.reason.details.alternatives.length).toBeGreaterThan(0);
    }
    const [row] = await platform.ctx.db
      .select({ n: count() })
      .from(appointments)
      .where(and(eq(appointments.date, '2026-03-13'), eq(appointments.staffId, vet.user.id), inArray(appointments.status, ['pending', 'confirmed'])));
    expect(row!.n).toBe(1);
  });

  it('the database itself refuses an overlapping appointment for the same vet', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const first = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-16', time: '10:00', serviceType: service.slug });
    await expect(
      platform.ctx.db
        .insert(appointments)
        .values({ ...withoutId(first), startsAt: new Date(first.startsAt.getTime() + 15 * 60_000), endsAt: new Date(first.endsAt.getTime() + 15 * 60_000) }),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01' }) });
  });

  it('cancelling frees the time; the status history keeps who and when', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-17', time: '16:00', serviceType: service.slug });
    await s.appointments.cancelAppointment(booked.id, owner.actor, { reason: 'No puedo ir' });
    const again = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-17', time: '16:00', serviceType: service.slug });
    expect(again.id).not.toBe(booked.id);
    await expect(s.appointments.cancelAppointment(booked.id, owner.actor)).rejects.toMatchObject({ code: 'appointments.bad_transition' });
  });

  it('refuses the past, short notice, closed Sundays and beyond the horizon, naming why', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const book = (date: string, time: string) => s.appointments.bookAppointment(owner.actor, { petId: pet.id, date, time, serviceType: service.slug });
    await expect(book('2026-03-10', '11:00')).rejects.toMatchObject({ code: 'appointments.slot_taken' });
    await expect(book('2026-03-15', '11:00')).rejects.toMatchObject({ code: 'appointments.slot_taken' });
    await expect(book('2026-06-01', '11:00')).rejects.toMatchObject({ code: 'appointments.slot_taken' });
    expect(await s.appointments.checkAvailability(owner.actor, { date: '2026-03-15', serviceType: service.slug })).toEqual([]);
    expect((await s.appointments.checkAvailability(owner.actor, { date: '2026-03-10', serviceType: service.slug }))[0]!.time).toBe('12:00');
  });

  it('staff move an appointment through its statuses and get follow-up times on completion', async () => {
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const booked = await s.appointments.bookAppointment(vet.actor, {
      petId: pet.id,
      date: '2026-03-18',
      time: '10:00',
      serviceType: service.slug,
      createdVia: 'phone',
    });
    expect(booked.createdVia).toBe('phone');
    await expect(s.schedule.completeAppointment(booked.id, vet.actor)).rejects.toMatchObject({ code: 'appointments.bad_transition' });
    await s.schedule.confirmAppointment(booked.id, vet.actor);
    platform.clock.set('2026-03-18T16:00:00Z');
    await s.schedule.checkInPatient(booked.id, vet.actor);
    const done = await s.schedule.completeAppointment(booked.id, vet.actor, { followUpDays: 14 });
    platform.clock.set(NOW);
    expect(done.appointment.status).toBe('completed');
    expect(done.followUp).toMatchObject({ date: '2026-04-01', times: expect.arrayContaining(['09:00']) });
    await expect(s.schedule.confirmAppointment(booked.id, owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    const day = await s.schedule.getDailySchedule(vet.actor, '2026-03-18');
    expect(day.appointments.map((a) => [a.petName, a.status])).toContainEqual([pet.name, 'completed']);
  });
});

describe('services in the reader’s language', () => {
  it('owners and guests read service names and descriptions in their language, Spanish without a translation; staff read the Spanish source', async () => {
    const ml = platform.services.multilingual;
    const manager = await StaffFactory(platform, 'manager');
    const vaccine = await ServiceFactory(platform, { staffIds: [vet.user.id], name: 'Vacunación', description: 'Aplicación de vacunas' });
    const bath = await ServiceFactory(platform, { staffIds: [vet.user.id], name: 'Baño y corte', description: 'Baño, secado y corte', species: ['cat'] });
    const save = (objectId: number, fieldName: string, language: string, translation: string) =>
      ml.translation.saveTranslation(manager.actor, { contentType: SERVICE, objectId, fieldName, language, translation });
    await save(vaccine.id, 'name', 'en', 'Vaccination');
    await save(vaccine.id, 'description', 'en', 'Vaccines given');
    await save(bath.id, 'name', 'en', 'Bath and trim');
    await save(bath.id, 'name', 'fr', 'Bain et coupe');
    await ml.translation.saveTranslation(manager.actor, {
      contentType: SERVICE_CATEGORY,
      objectId: vaccine.categoryId,
      fieldName: 'name',
      language: 'en',
      translation: 'Prevention',
    });

    const english = await OwnerFactory(platform, { language: 'en' });
    const german = await OwnerFactory(platform, { language: 'de' });
    const texts = async (actor: Parameters<typeof s.appointments.listServices>[0]) =>
      (await s.appointments.listServices(actor)).filter((x) => [vaccine.id, bath.id, service.id].includes(x.id)).map((x) => [x.id, x.name, x.description]);
    const spanish = [
      [bath.id, 'Baño y corte', 'Baño, secado y corte'],
      [service.id, service.name, ''],
      [vaccine.id, 'Vacunación', 'Aplicación de vacunas'],
    ];
    expect(new Set(await texts(english.actor))).toEqual(
      new Set([
        [bath.id, 'Bath and trim', 'Baño, secado y corte'],
        [service.id, service.name, ''],
        [vaccine.id, 'Vaccination', 'Vaccines given'],
      ]),
    );
    expect((await texts(anonymous('en'))).find(([id]) => id === vaccine.id)).toEqual([vaccine.id, 'Vaccination', 'Vaccines given']);
    // Categories too (Spanish where there is no translation).
    const categoryOf = async (actor: Parameters<typeof s.appointments.listServices>[0], id: number) =>
      (await s.appointments.listServices(actor)).find((x) => x.id === id)!.category;
    expect(await categoryOf(english.actor, vaccine.id)).toBe('Prevention');
    expect(await categoryOf(german.actor, vaccine.id)).not.toBe('Prevention');
    expect(await categoryOf(english.actor, bath.id)).toMatch(/^Consultas/);
    expect(new Set(await texts(german.actor))).toEqual(new Set(spanish));
    expect(new Set(await texts({ ...manager.actor, language: 'en' }))).toEqual(new Set(spanish));

    // The owner's appointments, the calendar file and the booking errors name the service in their language.
    const pet = await PetFactory(platform, english.actor);
    const booked = await s.appointments.bookAppointment(english.actor, { petId: pet.id, date: '2026-03-19', time: '09:00', serviceType: vaccine.slug });
    await s.appointments.bookAppointment(english.actor, { petId: pet.id, date: '2026-03-19', time: '11:00', serviceType: service.slug });
    expect((await s.appointments.getUserAppointments(english.actor)).map((a) => a.service.name)).toEqual(['Vaccination', service.name]);
    expect(await s.calendar.appointmentIcs(booked.id, english.actor)).toContain('SUMMARY:Vaccination');
    expect(await s.calendar.appointmentIcs(booked.id, manager.actor)).toContain('SUMMARY:Vacunación');
    await expect(
      s.appointments.bookAppointment(english.actor, { petId: pet.id, date: '2026-03-19', time: '12:00', serviceType: bath.slug }),
    ).rejects.toMatchObject({
      code: 'appointments.service_species',
      fields: [{ field: 'serviceType', params: { service: 'Bath and trim' } }],
    });
  });

  it('looks the translations of a whole list up at once', async () => {
    const ml = platform.services.multilingual;
    const english = await OwnerFactory(platform, { language: 'en' });
    const pet = await PetFactory(platform, english.actor);
    const others = [await ServiceFactory(platform, { staffIds: [vet.user.id] }), await ServiceFactory(platform, { staffIds: [vet.user.id] })];
    for (const [i, x] of others.entries())
      await s.appointments.bookAppointment(english.actor, { petId: pet.id, date: '2026-03-20', time: `1${i}:00`, serviceType: x.slug });
    const localized = vi.spyOn(ml.translation, 'localized');
    try {
      const services = await s.appointments.listServices(english.actor);
      expect(services.length).toBeGreaterThan(3);
      // One lookup for the services and one for their categories, however many there are.
      expect(localized).toHaveBeenCalledTimes(2);
      expect(localized).toHaveBeenCalledWith(
        SERVICE,
        services.map((x) => x.id),
        ['name', 'description'],
        'en',
      );
      localized.mockClear();
      expect(await s.appointments.getUserAppointments(english.actor)).toHaveLength(2);
      expect(localized).toHaveBeenCalledTimes(1);
    } finally {
      localized.mockRestore();
    }
  });
});
