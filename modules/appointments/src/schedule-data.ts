import { addLocalDays, clinicInstant, type DbOrTx, NotFoundError, rowIdOf, ValidationError } from '@petfriendly/core';
import { and, eq, gt, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { AppointmentsSettings } from './appointments.settings';
import { appointments, holidays, serviceTypes, staffDaysOff, staffSchedules, staffServices, timeBlocks } from './appointments.tables';
import type { Busy, SlotRules, StaffDay } from './availability/slots';

export const LIVE_STATUSES = ['pending', 'confirmed', 'checked_in', 'completed'] as const;
export type ServiceType = typeof serviceTypes.$inferSelect;

/** 0 = Monday … 6 = Sunday, as the spec numbers weekdays. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
}

export async function findServiceType(db: DbOrTx, slugOrId: string): Promise<ServiceType> {
  const id = rowIdOf(slugOrId);
  const where = id ? eq(serviceTypes.id, id) : eq(serviceTypes.slug, slugOrId);
  const [service] = await db
    .select()
    .from(serviceTypes)
    .where(and(where, eq(serviceTypes.isActive, true)));
  if (!service) throw ValidationError.forField('appointments.service_unknown', 'serviceType', `There is no service "${slugOrId}".`, { service: slugOrId });
  return service;
}

/**
 * Everything the slot arithmetic needs for one clinic-local day, in a fixed number of queries:
 * who offers the service and works that day, their busy time, and the rules.
 */
export async function loadDay(
  db: DbOrTx,
  input: {
    date: string;
    service: ServiceType | null;
    durationMinutes: number;
    staffId?: string;
    excludeAppointmentId?: number;
    now: Date;
    timeZone: string;
    /** Staff book without the owners' notice (0); owners get the setting, emergencies none. */
    minNoticeHours?: number;
  },
  settings: AppointmentsSettings,
): Promise<{ staff: StaffDay[]; busy: Busy[]; rules: SlotRules }> {
  const { date, service, timeZone } = input;
  const dayStart = clinicInstant(date, '00:00', timeZone);
  const dayEnd = clinicInstant(addLocalDays(date, 1), '00:00', timeZone);
  const weekday = weekdayOf(date);
  const [holiday] = await db.select().from(holidays).where(eq(holidays.date, date));
  const closed = settings.CLOSED_DAYS.includes(weekday) || !!holiday;

  const offering = service ? await db.select({ staffId: staffServices.staffId }).from(staffServices).where(eq(staffServices.serviceTypeId, service.id)) : [];
  const hours = await db
    .select()
    .from(staffSchedules)
    .where(
      and(
        eq(staffSchedules.weekday, weekday),
        offering.length
          ? inArray(
              staffSchedules.staffId,
              offering.map((o) => o.staffId),
            )
          : undefined,
        input.staffId ? eq(staffSchedules.staffId, input.staffId) : undefined,
      ),
    );
  const staffIds = [...new Set(hours.map((h) => h.staffId))];
  if (input.staffId && service && offering.length && !offering.some((o) => o.staffId === input.staffId)) {
    throw ValidationError.forField('appointments.staff_not_offering', 'staffId', 'This person does not offer that service.');
  }
  const [off, booked, blocks] = staffIds.length
    ? await Promise.all([
        db
          .select()
          .from(staffDaysOff)
          .where(and(inArray(staffDaysOff.staffId, staffIds), lte(staffDaysOff.startDate, date), gte(staffDaysOff.endDate, date))),
        db
          .select({ id: appointments.id, staffId: appointments.staffId, start: appointments.startsAt, end: appointments.endsAt })
          .from(appointments)
          .where(
            and(
              inArray(appointments.staffId, staffIds),
              inArray(appointments.status, [...LIVE_STATUSES]),
              lt(appointments.startsAt, dayEnd),
              gt(appointments.endsAt, dayStart),
            ),
          ),
        db
          .select({ staffId: timeBlocks.staffId, start: timeBlocks.startsAt, end: timeBlocks.endsAt })
          .from(timeBlocks)
          .where(and(or(isNull(timeBlocks.staffId), inArray(timeBlocks.staffId, staffIds)), lt(timeBlocks.startsAt, dayEnd), gt(timeBlocks.endsAt, dayStart))),
      ])
    : [[], [], []];
  const offIds = new Set(off.map((o) => o.staffId));
  const staff: StaffDay[] = staffIds.map((staffId) => ({
    staffId,
    hours: offIds.has(staffId) ? [] : hours.filter((h) => h.staffId === staffId).map((h) => ({ start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) })),
  }));
  const busy: Busy[] = [
    ...booked.filter((b) => b.id !== input.excludeAppointmentId).map((b) => ({ staffId: b.staffId, start: b.start, end: b.end })),
    ...blocks.map((b) => ({ staffId: b.staffId, start: b.start, end: b.end })),
  ];
  const rules: SlotRules = {
    timeZone,
    clinicHours: closed ? null : settings.WORKING_HOURS,
    durationMinutes: input.durationMinutes,
    stepMinutes: settings.SLOT_STEP_MINUTES,
    now: input.now,
    minNoticeHours: input.minNoticeHours ?? (service?.isEmergency ? 0 : settings.MIN_NOTICE_HOURS),
    horizonDays: settings.BOOKING_HORIZON_DAYS,
  };
  return { staff, busy, rules };
}

export function notFound(id: number): NotFoundError {
  return new NotFoundError('appointments.not_found', `Appointment ${id} not found.`);
}
