import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, addLocalDays, ConflictError, clinicInstant, clinicToday, type ModuleContext, parseInput, requireStaff } from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Appointment, AppointmentService } from './appointment.service';
import { appointmentCompleted, appointmentConfirmed, appointmentNoShow } from './appointments.events';
import { blockSchema, completeSchema } from './appointments.schemas';
import { type AppointmentStatus, appointments, serviceTypes, timeBlocks } from './appointments.tables';
import { weekdayOf } from './schedule-data';
import { assertTransition } from './status';

/** The staff side: the day's schedule, blocked time, and moving appointments through their statuses. */
export function createScheduleService(ctx: ModuleContext, booking: AppointmentService, accounts: AccountsPort, vet: PetsPort) {
  const { db, clock, events } = ctx;
  const tz = ctx.clinic.TIME_ZONE;

  /** Every appointment and block of the clinic-local days `from`…`to`, in four queries (names and pets in one batch each). */
  async function scheduleBetween(from: string, to: string, staffId?: string) {
    const start = clinicInstant(from, '00:00', tz);
    const end = clinicInstant(addLocalDays(to, 1), '00:00', tz);
    const [rows, blocks] = await Promise.all([
      db
        .select({ appointment: appointments, serviceName: serviceTypes.name })
        .from(appointments)
        .innerJoin(serviceTypes, eq(serviceTypes.id, appointments.serviceTypeId))
        .where(and(gte(appointments.date, from), lte(appointments.date, to), staffId ? eq(appointments.staffId, staffId) : undefined))
        .orderBy(asc(appointments.startsAt)),
      db
        .select()
        .from(timeBlocks)
        .where(
          and(
            lt(timeBlocks.startsAt, end),
            gt(timeBlocks.endsAt, start),
            staffId ? or(isNull(timeBlocks.staffId), eq(timeBlocks.staffId, staffId)) : undefined,
          ),
        )
        .orderBy(asc(timeBlocks.startsAt)),
    ]);
    const [names, petsById] = await Promise.all([
      accounts.directory.namesOf([...new Set(rows.flatMap((r) => [r.appointment.ownerId, r.appointment.staffId]))]),
      vet.pets.petsByIds(rows.map((r) => r.appointment.petId)),
    ]);
    return {
      appointments: rows.map((r) => {
        const pet = petsById.get(r.appointment.petId);
        return {
          ...r.appointment,
          petName: pet?.name ?? '',
          species: pet?.species ?? null,
          serviceName: r.serviceName,
          ownerName: names.get(r.appointment.ownerId) ?? '',
          staffName: names.get(r.appointment.staffId) ?? '',
        };
      }),
      blocks,
    };
  }

  /** `get_daily_schedule`: every appointment and block of a clinic-local day. */
  async function getDailySchedule(actor: Actor, date: string, staffId?: string) {
    requireStaff(actor);
    return { date, ...(await scheduleBetween(date, date, staffId)) };
  }

  /** The week (Monday to Sunday) that holds `date`, day by day. */
  async function getWeekSchedule(actor: Actor, date: string, staffId?: string) {
    requireStaff(actor);
    const from = addLocalDays(date, -weekdayOf(date));
    const to = addLocalDays(from, 6);
    const week = await scheduleBetween(from, to, staffId);
    const dayStart = (d: string) => clinicInstant(d, '00:00', tz);
    const days = Array.from({ length: 7 }, (_, i) => addLocalDays(from, i)).map((d) => ({
      date: d,
      appointments: week.appointments.filter((a) => a.date === d),
      blocks: week.blocks.filter((b) => b.startsAt < dayStart(addLocalDays(d, 1)) && b.endsAt > dayStart(d)),
    }));
    return { from, to, days };
  }

  /** `block_time`: nobody can book it. Refused while live appointments sit inside it (move them first). */
  async function blockTime(actor: Actor, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(blockSchema, input);
    const startsAt = clinicInstant(data.date, data.startTime, tz);
    const endsAt = clinicInstant(data.date, data.endTime, tz);
    const clashing = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          inArray(appointments.status, ['pending', 'confirmed', 'checked_in']),
          lt(appointments.startsAt, endsAt),
          gt(appointments.endsAt, startsAt),
          data.staffId ? eq(appointments.staffId, data.staffId) : undefined,
        ),
      );
    if (clashing.length) {
      throw new ConflictError('appointments.block_overlaps', `${clashing.length} appointment(s) fall in that time; move them first.`, {
        count: clashing.length,
        ids: clashing.map((c) => c.id).join(', '),
      });
    }
    const [row] = await db
      .insert(timeBlocks)
      .values({ staffId: data.staffId ?? null, startsAt, endsAt, reason: data.reason, createdBy: staff.userId })
      .returning();
    return row!;
  }

  /** A patient arrives and is seen on the appointment's own day, never days before or after. */
  function assertOnTheDay(current: Appointment) {
    const today = clinicToday(clock, tz);
    if (current.date !== today) {
      throw new ConflictError('appointments.not_today', `Appointment ${current.id} is on ${current.date}; check-in and completion happen on that day.`, {
        date: current.date,
      });
    }
  }

  async function move(id: number, actor: Actor, to: AppointmentStatus, set: Partial<typeof appointments.$inferInsert>, note = '') {
    const staff = requireStaff(actor);
    const current = await booking.getAppointment(id, staff);
    assertTransition(current.status, to);
    if (to === 'checked_in') assertOnTheDay(current);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(appointments)
        .set({ ...set, status: to, updatedAt: clock.now() })
        .where(and(eq(appointments.id, id), eq(appointments.status, current.status)))
        .returning();
      if (!row) throw new ConflictError('appointments.changed', 'The appointment changed meanwhile; reload it.');
      await booking.recordChange(tx, id, current.status, to, staff.userId, note);
      if (to === 'confirmed') await events.emit(tx, appointmentConfirmed, booking.refOf(row));
      if (to === 'no_show') await events.emit(tx, appointmentNoShow, booking.refOf(row));
      return row;
    });
  }

  const confirmAppointment = (id: number, actor: Actor) => move(id, actor, 'confirmed', { confirmedAt: clock.now() });
  const checkInPatient = (id: number, actor: Actor) => move(id, actor, 'checked_in', { checkedInAt: clock.now() });
  const markNoShow = (id: number, actor: Actor) => move(id, actor, 'no_show', {});

  /** `complete_appointment`; with `followUpDays` it also offers the free times on that day for the follow-up. */
  async function completeAppointment(id: number, actor: Actor, input: unknown = {}) {
    const data = parseInput(completeSchema, input);
    const staff = requireStaff(actor);
    const current = await booking.getAppointment(id, staff);
    assertTransition(current.status, 'completed');
    assertOnTheDay(current);
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(appointments)
        .set({
          status: 'completed',
          completedAt: clock.now(),
          updatedAt: clock.now(),
          ...(data.notes ? { internalNotes: [current.internalNotes, data.notes].filter(Boolean).join('\n') } : {}),
        })
        .where(and(eq(appointments.id, id), eq(appointments.status, current.status)))
        .returning();
      if (!updated) throw new ConflictError('appointments.changed', 'The appointment changed meanwhile; reload it.');
      await booking.recordChange(tx, id, current.status, 'completed', staff.userId, data.notes);
      await events.emit(tx, appointmentCompleted, { ...booking.refOf(updated), followUpDays: data.followUpDays });
      return updated;
    });
    if (!data.followUpDays) return { appointment: row, followUp: null };
    const date = addLocalDays(current.date, data.followUpDays);
    const [service] = await db.select({ slug: serviceTypes.slug }).from(serviceTypes).where(eq(serviceTypes.id, current.serviceTypeId));
    const slots = await booking.checkAvailability(staff, { date, serviceType: service!.slug });
    return { appointment: row, followUp: { date, times: slots.slice(0, 8).map((s) => s.time) } };
  }

  return { getDailySchedule, getWeekSchedule, blockTime, confirmAppointment, checkInPatient, completeAppointment, markNoShow };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
