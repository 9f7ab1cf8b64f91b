import { randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { type Actor, type ModuleContext, NotFoundError, requireAuthenticated } from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
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

/**
 * How a file is meant: PUBLISH for downloads and feeds, REQUEST for the invitation mailed on booking or
 * a move, CANCEL for the one mailed on cancelling (RFC 5546). An invitation names its attendee.
 */
export interface IcsOptions {
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  attendee?: { name: string; email: string };
}

/** The zone's VTIMEZONE from current tz data (no longer any DST in Mexico since 2022). */
const vtimezone = (zone: string): string | null => {
  const [block] = tzlib_get_ical_block(zone);
  return block?.startsWith('BEGIN:VTIMEZONE') ? block : null;
};

/** iCalendar (RFC 5545): one `.ics` per appointment and a private feed per owner and per staff member. */
export function createCalendarService(ctx: ModuleContext, booking: AppointmentService, vet: PetsPort) {
  const { db, clock } = ctx;
  const host = new URL(ctx.server.BASE_URL ?? 'http://localhost').hostname;

  const zone = ctx.clinic.TIME_ZONE;

  /** Times are written in the clinic's zone (`DTSTART;TZID=…` with its VTIMEZONE), as the clinic reads them. */
  function render(name: string, rows: Row[], { method = 'PUBLISH', attendee }: IcsOptions = {}): string {
    const calendar = ical({
      name,
      method: ICalCalendarMethod[method],
      prodId: { company: 'Pet-Friendly', product: 'Clinic', language: 'ES' },
      timezone: { name: null, generator: vtimezone },
    });
    for (const { appointment: a, petName, serviceName } of rows) {
      calendar.createEvent({
        id: `appointment-${a.id}@${host}`,
        timezone: zone,
        start: new TZDate(a.startsAt.getTime(), zone),
        end: new TZDate(a.endsAt.getTime(), zone),
        stamp: clock.now(),
        sequence: a.sequence,
        summary: `${serviceName} · ${petName}`,
        description: [a.reason, `${ctx.clinic.NAME} · ${ctx.clinic.PHONE}`].filter(Boolean).join('\n'),
        location: `${ctx.clinic.NAME}, ${ctx.clinic.ADDRESS}`,
        status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : STATUS[a.status],
        organizer: { name: ctx.clinic.NAME, email: ctx.clinic.EMAIL },
        attendees: attendee ? [{ ...attendee, role: ICalAttendeeRole.REQ, rsvp: false }] : [],
      });
    }
    // RFC 5545 ends every content line, the last one too, with CRLF.
    return `${calendar.toString().replace(/(\r\n)?$/, '')}\r\n`;
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
  async function appointmentIcs(id: number, actor: Actor, options: IcsOptions = {}): Promise<string> {
    await booking.getAppointment(id, actor);
    const rows = await withPets(await select().where(eq(appointments.id, id)));
    const named = await booking.inLanguage(
      rows.map((r) => ({ id: r.appointment.serviceTypeId, name: r.serviceName })),
      actor,
    );
    return render(
      ctx.clinic.NAME,
      rows.map((r, i) => ({ ...r, serviceName: named[i]!.name })),
      options,
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
