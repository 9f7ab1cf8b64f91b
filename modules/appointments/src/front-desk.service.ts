import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, ConflictError, clinicToday, type ModuleContext, parseInput, requireStaff } from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq } from 'drizzle-orm';
import type { AppointmentService } from './appointment.service';
import { walkInSchema } from './appointments.schemas';
import type { AppointmentsSettings } from './appointments.settings';
import { appointments, serviceTypes } from './appointments.tables';
import { isSlotTaken } from './status';

const MINUTE = 60_000;

/** The front desk's day: patients who arrive without an appointment, and who is waiting for whom. */
export function createFrontDeskService(ctx: ModuleContext, booking: AppointmentService, accounts: AccountsPort, vet: PetsPort, settings: AppointmentsSettings) {
  const { db, clock } = ctx;
  const tz = ctx.clinic.TIME_ZONE;

  /**
   * A walk-in at any hour the clinic is open: the next free time today with the chosen vet (or anyone who
   * offers the service), counting the slot that began within the last step, booked already checked in.
   * Another booking taking that slot meanwhile moves the walk-in on to the next one.
   */
  async function walkIn(actor: Actor, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(walkInSchema, input);
    const step = settings.SLOT_STEP_MINUTES * MINUTE;
    const now = new Date(Math.floor(clock.now().getTime() / step) * step);
    const date = clinicToday(clock, tz);
    for (let attempt = 0; attempt < 10; attempt++) {
      const [slot] = await booking.checkAvailability(staff, { date, serviceType: data.serviceType, staffId: data.staffId }, { now });
      if (!slot) {
        throw new ConflictError('appointments.no_walk_in_slot', 'Nobody is free for that service for the rest of today.', { date });
      }
      try {
        return await booking.bookAppointment(
          staff,
          { ...data, date, time: slot.time, staffId: data.staffId ?? slot.staffIds[0], createdVia: 'walk_in' },
          { now, arrived: true },
        );
      } catch (error) {
        if (!isSlotTaken(error)) throw error;
      }
    }
    throw new ConflictError('appointments.slot_taken', 'The desk is busy booking these times; try again.', { alternatives: [] });
  }

  /**
   * Today's waiting room: patients checked in and not yet seen, per vet in the order they will be called
   * (by appointment time, then arrival), each with how long they have waited.
   */
  async function waitingRoom(actor: Actor) {
    requireStaff(actor);
    const date = clinicToday(clock, tz);
    const rows = await db
      .select({ appointment: appointments, serviceName: serviceTypes.name })
      .from(appointments)
      .innerJoin(serviceTypes, eq(serviceTypes.id, appointments.serviceTypeId))
      .where(and(eq(appointments.date, date), eq(appointments.status, 'checked_in')))
      .orderBy(asc(appointments.startsAt), asc(appointments.checkedInAt));
    const [names, petsById] = await Promise.all([
      accounts.directory.namesOf([...new Set(rows.flatMap((r) => [r.appointment.ownerId, r.appointment.staffId]))]),
      vet.pets.petsByIds(rows.map((r) => r.appointment.petId)),
    ]);
    const byVet = new Map<string, ReturnType<typeof entry>[]>();
    function entry(r: (typeof rows)[number]) {
      const a = r.appointment;
      const since = a.checkedInAt ?? a.startsAt;
      return {
        appointmentId: a.id,
        petId: a.petId,
        petName: petsById.get(a.petId)?.name ?? '',
        species: petsById.get(a.petId)?.species ?? null,
        ownerName: names.get(a.ownerId) ?? '',
        serviceName: r.serviceName,
        startsAt: a.startsAt,
        waitingSince: since,
        waitingMinutes: Math.max(0, Math.floor((clock.now().getTime() - since.getTime()) / MINUTE)),
        walkIn: a.createdVia === 'walk_in',
      };
    }
    for (const r of rows) byVet.set(r.appointment.staffId, [...(byVet.get(r.appointment.staffId) ?? []), entry(r)]);
    return {
      date,
      waiting: rows.length,
      vets: [...byVet].map(([staffId, queue]) => ({ staffId, staffName: names.get(staffId) ?? '', next: queue[0]!, queue })),
    };
  }

  return { walkIn, waitingRoom };
}

export type FrontDeskService = ReturnType<typeof createFrontDeskService>;
