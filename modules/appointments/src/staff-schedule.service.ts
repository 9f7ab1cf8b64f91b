import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { dayOffSchema, holidaySchema, hoursSchema, servicesSchema } from './appointments.schemas';
import { holidays, serviceTypes, staffDaysOff, staffSchedules, staffServices } from './appointments.tables';

const MANAGERS = ['manager', 'admin'] as const;

/** Who works when and offers what: each person's weekly hours, days off and services; the clinic's holidays. */
export function createStaffScheduleService(ctx: ModuleContext) {
  const { db } = ctx;

  /** Staff manage their own hours and days off; managers and admins anyone's. */
  const canEdit = (actor: Actor, staffId: string) => {
    const staff = requireStaff(actor);
    if (staff.userId !== staffId) requireStaff(actor, MANAGERS);
    return staff;
  };

  async function getStaffSchedule(actor: Actor, staffId: string) {
    requireStaff(actor);
    const [hours, daysOff, services] = await Promise.all([
      db.select().from(staffSchedules).where(eq(staffSchedules.staffId, staffId)).orderBy(asc(staffSchedules.weekday), asc(staffSchedules.startTime)),
      db.select().from(staffDaysOff).where(eq(staffDaysOff.staffId, staffId)).orderBy(asc(staffDaysOff.startDate)),
      db
        .select({ id: serviceTypes.id, name: serviceTypes.name, slug: serviceTypes.slug })
        .from(staffServices)
        .innerJoin(serviceTypes, eq(serviceTypes.id, staffServices.serviceTypeId))
        .where(eq(staffServices.staffId, staffId)),
    ]);
    return { staffId, hours: hours.map((h) => ({ weekday: h.weekday, start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) })), daysOff, services };
  }

  /** Replaces someone's weekly hours; ranges on one weekday must not overlap. */
  /** Weekly hours and days off of several people at once (the reports' utilisation), in two queries. */
  async function hoursOf(actor: Actor, staffIds: string[]) {
    requireStaff(actor);
    if (staffIds.length === 0)
      return new Map<string, { hours: { weekday: number; start: string; end: string }[]; daysOff: { startDate: string; endDate: string }[] }>();
    const [hours, daysOff] = await Promise.all([
      db.select().from(staffSchedules).where(inArray(staffSchedules.staffId, staffIds)),
      db.select().from(staffDaysOff).where(inArray(staffDaysOff.staffId, staffIds)),
    ]);
    return new Map(
      staffIds.map((id) => [
        id,
        {
          hours: hours.filter((h) => h.staffId === id).map((h) => ({ weekday: h.weekday, start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) })),
          daysOff: daysOff.filter((d) => d.staffId === id).map((d) => ({ startDate: d.startDate, endDate: d.endDate })),
        },
      ]),
    );
  }

  async function setWeeklyHours(actor: Actor, staffId: string, input: unknown) {
    canEdit(actor, staffId);
    const { hours } = parseInput(hoursSchema, input);
    const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    sorted.forEach((h, i) => {
      const prev = sorted[i - 1];
      if (prev && prev.weekday === h.weekday && prev.end > h.start) {
        throw ValidationError.forField('appointments.hours_overlap', `hours.${i}.start`, 'Two ranges on the same day overlap.');
      }
    });
    await db.transaction(async (tx) => {
      await tx.delete(staffSchedules).where(eq(staffSchedules.staffId, staffId));
      if (sorted.length) await tx.insert(staffSchedules).values(sorted.map((h) => ({ staffId, weekday: h.weekday, startTime: h.start, endTime: h.end })));
    });
    return getStaffSchedule(actor, staffId);
  }

  async function addDayOff(actor: Actor, staffId: string, input: unknown) {
    canEdit(actor, staffId);
    const data = parseInput(dayOffSchema, input);
    const [row] = await db
      .insert(staffDaysOff)
      .values({ staffId, ...data })
      .returning();
    return row!;
  }

  async function removeDayOff(actor: Actor, staffId: string, id: number) {
    canEdit(actor, staffId);
    const [row] = await db
      .delete(staffDaysOff)
      .where(and(eq(staffDaysOff.id, id), eq(staffDaysOff.staffId, staffId)))
      .returning();
    if (!row) throw new NotFoundError('appointments.day_off_not_found', 'No such day off.');
  }

  async function setStaffServices(actor: Actor, staffId: string, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { serviceTypeIds } = parseInput(servicesSchema, input);
    await db.transaction(async (tx) => {
      await tx.delete(staffServices).where(eq(staffServices.staffId, staffId));
      if (serviceTypeIds.length) await tx.insert(staffServices).values(serviceTypeIds.map((serviceTypeId) => ({ staffId, serviceTypeId })));
    });
    return getStaffSchedule(actor, staffId);
  }

  async function listHolidays(actor: Actor) {
    requireStaff(actor);
    return db.select().from(holidays).orderBy(asc(holidays.date));
  }

  async function addHoliday(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(holidaySchema, input);
    const [row] = await db
      .insert(holidays)
      .values(data)
      .onConflictDoUpdate({ target: holidays.date, set: { name: data.name } })
      .returning();
    return row!;
  }

  async function removeHoliday(actor: Actor, date: string) {
    requireStaff(actor, MANAGERS);
    await db.delete(holidays).where(eq(holidays.date, date));
  }

  return { getStaffSchedule, hoursOf, setWeeklyHours, addDayOff, removeDayOff, setStaffServices, listHolidays, addHoliday, removeHoliday };
}

export type StaffScheduleService = ReturnType<typeof createStaffScheduleService>;
