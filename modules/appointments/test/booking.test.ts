import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { appointmentsModule } from '../src/index';
import type { AppointmentsServices } from '../src/services';
import { appointments } from '../src/appointments.tables';
import { ServiceFactory } from '../src/testing';

const withoutId = <T extends { id: number }>({ id: _id, ...rest }: T) => rest;

// Tuesday 10 March 2026, 10:00 in Mexico City.
const NOW = '2026-03-10T16:00:00Z';
let platform: TestPlatform;
let s: AppointmentsServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let service: { slug: string; id: number };

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, appointmentsModule], { now: NOW });
  s = platform.services.appointments as AppointmentsServices;
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
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-12', time: '09:30', serviceType: service.slug, reason: 'Revisión' });
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
    await expect(s.appointments.bookAppointment(b.actor, { petId: pet.id, date: '2026-03-12', time: '11:00', serviceType: service.slug })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('races 50 clients for one slot: exactly one wins, the rest hear "slot taken" with fresh times', async () => {
    const owners = await Promise.all(Array.from({ length: 10 }, () => OwnerFactory(platform)));
    const petsToBook = [];
    for (const owner of owners) for (let i = 0; i < 5; i++) petsToBook.push({ owner, pet: await PetFactory(platform, owner.actor, { name: `Racer ${i}` }) });
    const results = await Promise.allSettled(
      petsToBook.map(({ owner, pet }) => s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-13', time: '12:00', serviceType: service.slug })),
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
      platform.ctx.db.insert(appointments).values({ ...withoutId(first), startsAt: new Date(first.startsAt.getTime() + 15 * 60_000), endsAt: new Date(first.endsAt.getTime() + 15 * 60_000) }),
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
    const booked = await s.appointments.bookAppointment(vet.actor, { petId: pet.id, date: '2026-03-18', time: '10:00', serviceType: service.slug, createdVia: 'phone' });
    expect(booked.createdVia).toBe('phone');
    await expect(s.schedule.completeAppointment(booked.id, vet.actor)).rejects.toMatchObject({ code: 'appointments.bad_transition' });
    await s.schedule.confirmAppointment(booked.id, vet.actor);
    await s.schedule.checkInPatient(booked.id, vet.actor);
    const done = await s.schedule.completeAppointment(booked.id, vet.actor, { followUpDays: 14 });
    expect(done.appointment.status).toBe('completed');
    expect(done.followUp).toMatchObject({ date: '2026-04-01', times: expect.arrayContaining(['09:00']) });
    await expect(s.schedule.confirmAppointment(booked.id, owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    const day = await s.schedule.getDailySchedule(vet.actor, '2026-03-18');
    expect(day.appointments.map((a) => [a.petName, a.status])).toContainEqual([pet.name, 'completed']);
  });
});
