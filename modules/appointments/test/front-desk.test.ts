import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointmentStatusChanges } from '../src/appointments.tables';
import { appointmentsModule } from '../src/index';
import type { AppointmentsServices } from '../src/services';
import { ServiceFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:07 in Mexico City (UTC−6).
const NOW = '2026-03-10T16:07:00Z';
let platform: TestPlatform;
let s: AppointmentsServices;
let ana: Awaited<ReturnType<typeof StaffFactory>>;
let luis: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let service: { slug: string };

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], { now: NOW });
  s = platform.services.appointments;
  ana = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
  luis = await StaffFactory(platform, 'veterinarian', { name: 'Dr. Luis Mora' });
  desk = await StaffFactory(platform, 'receptionist', { name: 'Paty Recepción' });
  service = await ServiceFactory(platform, { staffIds: [ana.user.id, luis.user.id] });
});
beforeEach(() => platform.clock.set(NOW));
afterAll(async () => platform?.close());

async function patient(name: string) {
  const owner = await OwnerFactory(platform);
  return { owner, pet: await PetFactory(platform, owner.actor, { name }) };
}

describe('the front desk books at any hour', () => {
  it('after 18:00 an owner can book nothing for today, the desk still can', async () => {
    platform.clock.set('2026-03-11T00:30:00Z'); // 18:30 on Tuesday
    const { owner, pet } = await patient('Tardío');
    expect(await s.appointments.checkAvailability(owner.actor, { date: '2026-03-10', serviceType: service.slug })).toEqual([]);
    const desks = await s.appointments.checkAvailability(desk.actor, { date: '2026-03-10', serviceType: service.slug });
    expect(desks.map((x) => x.time)).toEqual(['18:30']);
    await expect(
      s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-10', time: '18:30', serviceType: service.slug }),
    ).rejects.toMatchObject({ code: 'appointments.slot_taken' });
    const booked = await s.appointments.bookAppointment(desk.actor, {
      petId: pet.id,
      date: '2026-03-10',
      time: '18:30',
      serviceType: service.slug,
      createdVia: 'phone',
    });
    expect(booked.startsAt.toISOString()).toBe('2026-03-11T00:30:00.000Z');
    // Still never in the past.
    await expect(
      s.appointments.bookAppointment(desk.actor, { petId: pet.id, date: '2026-03-10', time: '18:00', serviceType: service.slug }),
    ).rejects.toMatchObject({ code: 'appointments.slot_taken' });
    await s.appointments.cancelAppointment(booked.id, desk.actor);
  });

  it('a walk-in takes the slot that began minutes ago, checked in on arrival; the next one queues behind', async () => {
    const first = await patient('Toby');
    const second = await patient('Luna');
    const a = await s.frontDesk.walkIn(desk.actor, { petId: first.pet.id, serviceType: service.slug, staffId: ana.user.id, reason: 'Cojea' });
    expect(a).toMatchObject({ status: 'checked_in', createdVia: 'walk_in', staffId: ana.user.id, date: '2026-03-10', reason: 'Cojea' });
    expect(a.startsAt.toISOString()).toBe('2026-03-10T16:00:00.000Z'); // 10:00, the slot under way
    expect(a.checkedInAt?.toISOString()).toBe('2026-03-10T16:07:00.000Z');
    const b = await s.frontDesk.walkIn(desk.actor, { petId: second.pet.id, serviceType: service.slug, staffId: ana.user.id });
    expect(b.startsAt.toISOString()).toBe('2026-03-10T16:30:00.000Z'); // 10:30: 10:15 would overlap Toby
    const history = await platform.ctx.db.select().from(appointmentStatusChanges).where(eq(appointmentStatusChanges.appointmentId, a.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'checked_in'],
    ]);

    platform.clock.set('2026-03-10T16:27:00Z');
    const room = await s.frontDesk.waitingRoom(desk.actor);
    const anas = room.vets.find((v) => v.staffId === ana.user.id)!;
    expect(anas.staffName).toBe('Dra. Ana Ruiz');
    expect(anas.next).toMatchObject({ petName: 'Toby', waitingMinutes: 20, walkIn: true });
    expect(anas.queue.map((w) => w.petName)).toEqual(['Toby', 'Luna']);
    expect(room.waiting).toBe(room.vets.reduce((n, v) => n + v.queue.length, 0));

    // Seen: Toby leaves the waiting room and Luna is next.
    await s.schedule.completeAppointment(a.id, ana.actor);
    const after = await s.frontDesk.waitingRoom(desk.actor);
    expect(after.vets.find((v) => v.staffId === ana.user.id)!.next.petName).toBe('Luna');
  });

  it('without a vet chosen a walk-in goes to whoever is free first; none free tonight is a clear 409', async () => {
    platform.clock.set('2026-03-11T00:40:00Z'); // 18:40: the 18:30 slot is the last one
    const { pet } = await patient('Nocturno');
    const taken = await s.frontDesk.walkIn(desk.actor, { petId: pet.id, serviceType: service.slug });
    expect([ana.user.id, luis.user.id]).toContain(taken.staffId);
    const other = await s.frontDesk.walkIn(desk.actor, { petId: (await patient('Otro')).pet.id, serviceType: service.slug });
    expect(other.staffId).not.toBe(taken.staffId);
    await expect(s.frontDesk.walkIn(desk.actor, { petId: (await patient('Tarde')).pet.id, serviceType: service.slug })).rejects.toMatchObject({
      code: 'appointments.no_walk_in_slot',
      statusCode: 409,
    });
  });

  it('walk-ins racing for one vet all get in, each at its own time', async () => {
    platform.clock.set('2026-03-10T20:01:00Z'); // 14:01
    const pets = await Promise.all(['Uno', 'Dos', 'Tres', 'Cuatro'].map(patient));
    const booked = await Promise.all(
      pets.map(({ pet }) => s.frontDesk.walkIn(desk.actor, { petId: pet.id, serviceType: service.slug, staffId: luis.user.id })),
    );
    const starts = booked.map((b) => b.startsAt.getTime()).sort((x, y) => x - y);
    expect(new Set(starts).size).toBe(4);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(30 * 60_000);
    expect(new Date(starts[0]!).toISOString()).toBe('2026-03-10T20:00:00.000Z');
  });

  it('owners cannot use the walk-in or see the waiting room', async () => {
    const { owner, pet } = await patient('Curioso');
    await expect(s.frontDesk.walkIn(owner.actor, { petId: pet.id, serviceType: service.slug })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.frontDesk.waitingRoom(owner.actor)).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('arrival and completion happen on the appointment’s day', () => {
  it('refuses to check in or complete a visit three days away, and allows it that day only', async () => {
    const { pet } = await patient('Paciente');
    const booked = await s.appointments.bookAppointment(desk.actor, {
      petId: pet.id,
      date: '2026-03-13',
      time: '11:00',
      serviceType: service.slug,
      createdVia: 'phone',
    });
    await expect(s.schedule.checkInPatient(booked.id, desk.actor)).rejects.toMatchObject({
      code: 'appointments.not_today',
      statusCode: 409,
      details: { date: '2026-03-13' },
    });
    expect((await s.appointments.getAppointment(booked.id, desk.actor)).status).toBe('pending');
    platform.clock.set('2026-03-13T16:55:00Z');
    await s.schedule.checkInPatient(booked.id, desk.actor);
    platform.clock.set('2026-03-14T16:00:00Z');
    await expect(s.schedule.completeAppointment(booked.id, ana.actor)).rejects.toMatchObject({ code: 'appointments.not_today' });
    platform.clock.set('2026-03-13T23:00:00Z');
    expect((await s.schedule.completeAppointment(booked.id, ana.actor)).appointment.status).toBe('completed');
  });
});

describe('the calendar by week', () => {
  it('holds Monday to Sunday of the date’s week, day by day', async () => {
    const { pet } = await patient('Semana');
    const book = (date: string, time: string) =>
      s.appointments.bookAppointment(desk.actor, { petId: pet.id, date, time, serviceType: service.slug, staffId: luis.user.id, createdVia: 'phone' });
    await book('2026-03-12', '09:00');
    await book('2026-03-14', '12:00');
    await book('2026-03-16', '09:00'); // next week
    const week = await s.schedule.getWeekSchedule(desk.actor, '2026-03-12', luis.user.id);
    expect(week).toMatchObject({ from: '2026-03-09', to: '2026-03-15' });
    expect(week.days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    const semana = (d: (typeof week.days)[number]) => d.appointments.filter((a) => a.petName === 'Semana').map((a) => a.startsAt.toISOString());
    expect(week.days.map(semana)).toEqual([[], [], [], ['2026-03-12T15:00:00.000Z'], [], ['2026-03-14T18:00:00.000Z'], []]);
    expect((await s.schedule.getWeekSchedule(desk.actor, '2026-03-15')).from).toBe('2026-03-09');
  });
});
