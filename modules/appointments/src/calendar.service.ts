import { randomBytes } from 'node:crypto';
import { type Actor, type ModuleContext, NotFoundError, requireAuthenticated } from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { AppointmentService } from './appointment.service';
import { type AppointmentStatus, appointments, calendarFeeds, serviceTypes } from './appointments.tables';

const STATUS: Record<AppointmentStatus, ICalEventStatus> = {
  pending: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  checked_in: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  no_show: ICalEventStatus.CANCELLED,
};

type Row = { appointment: typeof appointments.$inferSelect; petName: string; serviceName: string };

/** iCalendar (RFC 5545): one `.ics` per appointment and a private feed per owner and per staff member. */
export function createCalendarService(ctx: ModuleContext, booking: AppointmentService, vet: PetsPort) {
  const { db, clock } = ctx;
  const host = new URL(ctx.server.BASE_URL ?? 'http://localhost').hostname;

  function render(name: string, rows: Row[]): string {
    const calendar = ical({ name, prodId: { company: 'Pet-Friendly', product: 'Clinic', language: 'ES' }, timezone: ctx.clinic.TIME_ZONE });
    for (const { appointment: a, petName, serviceName } of rows) {
      calendar.createEvent({
        id: `appointment-${a.id}@${host}`,
        start: a.startsAt,
        end: a.endsAt,
        stamp: a.updatedAt,
        sequence: Math.floor(a.updatedAt.getTime() / 1000),
        summary: `${serviceName} · ${petName}`,
        description: [a.reason, `${ctx.clinic.NAME} · ${ctx.clinic.PHONE}`].filter(Boolean).join('\n'),
        location: `${ctx.clinic.NAME}, ${ctx.clinic.ADDRESS}`,
        status: STATUS[a.status],
      });
    }
    return calendar.toString();
  }

  const select = () =>
    db
      .select({ appointment: appointments, serviceName: serviceTypes.name })
      .from(appointments)
      .innerJoin(serviceTypes, eq(serviceTypes.id, appointments.serviceTypeId));

  /** Each row with its pet's name (one query for all). */
  async function withPets(rows: Omit<Row, 'petName'>[]): Promise<Row[]> {
    const named = await vet.pets.petsByIds(rows.map((r) => r.appointment.petId));
    return rows.map((r) => ({ ...r, petName: named.get(r.appointment.petId)?.name ?? '' }));
  }

  /** The `.ics` of one appointment, for whoever may see it, with the service named in their language. */
  async function appointmentIcs(id: number, actor: Actor): Promise<string> {
    await booking.getAppointment(id, actor);
    const rows = await withPets(await select().where(eq(appointments.id, id)));
    const named = await booking.inLanguage(
      rows.map((r) => ({ id: r.appointment.serviceTypeId, name: r.serviceName })),
      actor,
    );
    return render(
      ctx.clinic.NAME,
      rows.map((r, i) => ({ ...r, serviceName: named[i]!.name })),
    );
  }

  /** The caller's private feed URL, made on first use. */
  async function feedUrl(actor: Actor): Promise<string> {
    const who = requireAuthenticated(actor);
    const token = randomBytes(24).toString('base64url');
    await db.insert(calendarFeeds).values({ userId: who.userId, token }).onConflictDoNothing();
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, who.userId));
    return `${ctx.server.BASE_URL ?? ''}/calendar/${row!.token}.ics`;
  }

  /** A feed by its token: an owner's appointments, or the ones a staff member attends; from 30 days back. */
  async function feed(token: string): Promise<string> {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token));
    if (!row) throw new NotFoundError('appointments.feed_not_found', 'No such calendar.');
    const since = new Date(clock.now().getTime() - 30 * 86_400_000);
    const rows = await select()
      .where(
        and(
          or(eq(appointments.ownerId, row.userId), eq(appointments.staffId, row.userId)),
          gte(appointments.startsAt, since),
          inArray(appointments.status, ['pending', 'confirmed', 'checked_in', 'completed', 'cancelled']),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(2000);
    return render(ctx.clinic.NAME, await withPets(rows));
  }

  return { appointmentIcs, feedUrl, feed };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
