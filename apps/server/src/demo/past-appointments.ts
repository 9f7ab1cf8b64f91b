import { appointmentBooked, appointmentCancelled, appointmentCompleted, appointmentNoShow } from '@petfriendly/appointments';
import { appointments, serviceTypes } from '@petfriendly/appointments/tables';
import { addLocalDays, type LocalDate, localDate, type Platform } from '@petfriendly/core';
import type { Rng } from './random';
import { insertReturningIds } from './rows';

/** A visit of the clinical history, as the appointments and the front desk see it. */
export interface PastVisit {
  visitId: number;
  petId: number;
  ownerId: string;
  vetId: string;
  at: Date;
  reason: string;
}

/** A completed appointment of the past: what the front desk invoices. */
export interface PastAppointment {
  id: number;
  ownerId: string;
  petId: number;
  endsAt: Date;
  day: LocalDate;
}

/** The booked service a visit's reason points to (the demo's catalogue slugs). */
const SERVICE_BY_REASON: [RegExp, string][] = [
  [/vacun|antirr|dosis/i, 'vacunacion'],
  [/esteriliz/i, 'esterilizacion'],
  [/dental|sarro|dientes/i, 'limpieza-dental'],
  [/otitis|dermat|piel|comez|plumas/i, 'dermatologia'],
  [/mordedura|deterioro|no come|intoxic/i, 'urgencia'],
  [/parásit/i, 'desparasitacion'],
];
const VIA = ['phone', 'phone', 'web', 'walk_in', 'ai'] as const;
const CANCEL_REASONS = ['El dueño no podía ese día', 'Se sintió mejor', 'Cambio de planes'];

/**
 * The booking side of the past `years`: each visit of the history had its appointment (a few also an
 * earlier one that was cancelled or missed), written in one statement and announced with the events
 * the appointments service raises, each stamped with its moment: booked some days before, then
 * completed, cancelled or missed. Two visits of one vet that would overlap keep only the first.
 */
export async function seedPastAppointments(platform: Platform, rng: Rng, today: LocalDate, visits: PastVisit[], years: number, createdBy: string) {
  const { db, events } = platform.ctx;
  const tz = platform.ctx.clinic.TIME_ZONE;
  const services = await db.select().from(serviceTypes);
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const from = addLocalDays(today, -years * 365);
  const busy = new Map<string, [number, number][]>();
  const free = (vetId: string, start: Date, end: Date) => {
    const taken = busy.get(vetId) ?? [];
    if (taken.some(([a, b]) => start.getTime() < b && a < end.getTime())) return false;
    busy.set(vetId, [...taken, [start.getTime(), end.getTime()]]);
    return true;
  };

  type Planned = typeof appointments.$inferInsert & { bookedAt: Date; outcome: 'completed' | 'cancelled' | 'no_show' };
  const planned: Planned[] = [];
  const sorted = visits.filter((v) => localDate(v.at, tz) >= from).sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const visit of sorted) {
    const slug = SERVICE_BY_REASON.find(([re]) => re.test(visit.reason))?.[1] ?? 'consulta-general';
    const service = bySlug.get(slug) ?? bySlug.get('consulta-general')!;
    const row = (startsAt: Date, outcome: Planned['outcome']): Planned => {
      const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
      const bookedAt = new Date(startsAt.getTime() - rng.int(1, 12) * 86_400_000 - rng.int(0, 8) * 3_600_000);
      return {
        ownerId: visit.ownerId,
        petId: visit.petId,
        serviceTypeId: service.id,
        staffId: visit.vetId,
        date: localDate(startsAt, tz),
        startsAt,
        endsAt,
        status: outcome,
        reason: visit.reason.slice(0, 300),
        createdVia: rng.pick(VIA),
        createdBy,
        createdAt: bookedAt,
        updatedAt: outcome === 'completed' ? endsAt : startsAt,
        completedAt: outcome === 'completed' ? endsAt : null,
        cancelledAt: outcome === 'cancelled' ? new Date(startsAt.getTime() - 20 * 3_600_000) : null,
        cancelReason: outcome === 'cancelled' ? rng.pick(CANCEL_REASONS) : '',
        bookedAt,
        outcome,
      };
    };
    // About one visit in twelve came after a booking that fell through a week earlier.
    if (rng.chance(0.08)) {
      const earlier = row(new Date(visit.at.getTime() - 7 * 86_400_000), rng.chance(0.5) ? 'cancelled' : 'no_show');
      if (free(visit.vetId, earlier.startsAt, earlier.endsAt)) planned.push(earlier);
    }
    const kept = row(visit.at, 'completed');
    if (free(visit.vetId, kept.startsAt, kept.endsAt)) planned.push(kept);
  }
  planned.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  return db.transaction(async (tx) => {
    const ids = await insertReturningIds(
      tx,
      appointments,
      planned.map(({ bookedAt: _b, outcome: _o, ...row }) => row),
    );
    const ref = (a: Planned, i: number) => ({
      appointmentId: ids[i]!,
      ownerId: a.ownerId,
      petId: a.petId!,
      staffId: a.staffId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      serviceTypeId: a.serviceTypeId,
    });
    await events.emitMany(
      tx,
      appointmentBooked,
      planned.map((a, i) => ({ occurredAt: a.bookedAt, payload: { ...ref(a, i), createdVia: a.createdVia } })),
    );
    const ended = planned.map((a, i) => ({ a, i }));
    await events.emitMany(
      tx,
      appointmentCompleted,
      ended.filter(({ a }) => a.outcome === 'completed').map(({ a, i }) => ({ occurredAt: a.endsAt, payload: { ...ref(a, i), followUpDays: null } })),
    );
    await events.emitMany(
      tx,
      appointmentCancelled,
      ended
        .filter(({ a }) => a.outcome === 'cancelled')
        .map(({ a, i }) => ({ occurredAt: a.cancelledAt!, payload: { ...ref(a, i), reason: a.cancelReason!, cancelledBy: a.ownerId } })),
    );
    await events.emitMany(
      tx,
      appointmentNoShow,
      ended.filter(({ a }) => a.outcome === 'no_show').map(({ a, i }) => ({ occurredAt: a.endsAt, payload: ref(a, i) })),
    );
    return ended
      .filter(({ a }) => a.outcome === 'completed')
      .map(({ a, i }): PastAppointment => ({ id: ids[i]!, ownerId: a.ownerId, petId: a.petId!, endsAt: a.endsAt, day: a.date }));
  });
}
