import {
  type Actor,
  addLocalDays,
  ConflictError,
  clinicInstant,
  daysBetween,
  formatters,
  isStaff,
  localDate,
  type ModuleContext,
  parseInput,
  requireAuthenticated,
  requireStaff,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { type ContentTranslationPort, translateField } from '@petfriendly/multilingual';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, asc, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { appointmentBooked, appointmentCancelled, appointmentConfirmed, appointmentRescheduled } from './appointments.events';
import { availabilitySchema, bookingSchema, cancelSchema, listSchema, rescheduleSchema } from './appointments.schemas';
import type { AppointmentsSettings } from './appointments.settings';
import { type AppointmentStatus, appointmentStatusChanges, appointments, holidays, serviceCategories, serviceTypes } from './appointments.tables';
import { availableSlots, staffFreeAt } from './availability/slots';
import { findServiceType, LIVE_STATUSES, loadDay, notFound, weekdayOf } from './schedule-data';
import { assertTransition, isDoubleBooking } from './status';

/** A move or a cancellation is a new revision of the calendar event (RFC 5545 SEQUENCE). */
const nextSequence = sql`${appointments.sequence} + 1`;

export type Appointment = typeof appointments.$inferSelect;

/** Content type under which service names and descriptions are translated (multilingual module). */
export const SERVICE = 'appointments.service';
export const SERVICE_CATEGORY = 'appointments.service_category';

/** Booking, for owners (their pets) and staff (anyone's, by phone or at the desk). */
export function createAppointmentService(ctx: ModuleContext, vet: PetsPort & RecordsPort, ml: ContentTranslationPort, settings: AppointmentsSettings) {
  const { db, clock, events } = ctx;
  const tz = ctx.clinic.TIME_ZONE;
  // 'HH:MM' in the clinic's zone, one kept formatter for every slot.
  const timeOf = formatters('en', tz).time;
  /** The owners' notice does not bind the front desk: staff book any free time from now on (walk-ins, phone calls). */
  const noticeFor = (actor: Actor) => (isStaff(actor) ? 0 : undefined);
  const refOf = (a: Appointment) => ({
    appointmentId: a.id,
    ownerId: a.ownerId,
    petId: a.petId,
    staffId: a.staffId,
    startsAt: a.startsAt.toISOString(),
    serviceTypeId: a.serviceTypeId,
    endsAt: a.endsAt.toISOString(),
  });

  /**
   * Services in the reader's language: translated name and description where there are any, Spanish
   * otherwise, in one query for the whole list. Staff see the Spanish source they edit.
   */
  async function inLanguage<T extends { id: number; name: string; description?: string }>(rows: T[], actor: Actor): Promise<T[]> {
    if (actor.kind === 'staff' || rows.length === 0) return rows;
    const localized = await ml.translation.localized(
      SERVICE,
      rows.map((r) => r.id),
      ['name', 'description'],
      actor.language,
    );
    return rows.map((r) => ({
      ...r,
      name: translateField(r, 'name', localized),
      ...(r.description === undefined ? {} : { description: translateField(r, 'description', localized) }),
    }));
  }

  /** The services people can book, by category (prices in MXN as decimal strings), in the reader's language. */
  async function listServices(actor: Actor) {
    const rows = await db
      .select({
        id: serviceTypes.id,
        slug: serviceTypes.slug,
        name: serviceTypes.name,
        description: serviceTypes.description,
        durationMinutes: serviceTypes.durationMinutes,
        price: serviceTypes.price,
        priceVaries: serviceTypes.priceVaries,
        species: serviceTypes.species,
        requiresConsultation: serviceTypes.requiresConsultation,
        isEmergency: serviceTypes.isEmergency,
        deposit: serviceTypes.deposit,
        categoryId: serviceCategories.id,
        category: serviceCategories.name,
        categoryOrder: serviceCategories.order,
      })
      .from(serviceTypes)
      .innerJoin(serviceCategories, eq(serviceCategories.id, serviceTypes.categoryId))
      .where(
        and(eq(serviceTypes.isActive, true), eq(serviceCategories.isActive, true), actor.kind === 'staff' ? undefined : eq(serviceTypes.onlineBookable, true)),
      )
      .orderBy(asc(serviceCategories.order), asc(serviceTypes.order), asc(serviceTypes.name));
    const [services, categories] = await Promise.all([
      inLanguage(rows, actor),
      actor.kind === 'staff' || rows.length === 0
        ? null
        : ml.translation.localized(SERVICE_CATEGORY, [...new Set(rows.map((r) => r.categoryId))], ['name'], actor.language),
    ]);
    return services.map(({ categoryId, ...service }) => ({ ...service, category: categories?.get(categoryId)?.name || service.category }));
  }

  /** The next `count` clinic days from today with whether the clinic opens (weekly closed days and holidays), in one query. */
  async function openDays(count = 14) {
    const today = localDate(clock.now(), tz);
    const last = addLocalDays(today, Math.min(count, settings.BOOKING_HORIZON_DAYS));
    const closed = new Set(
      (
        await db
          .select({ date: holidays.date })
          .from(holidays)
          .where(and(gte(holidays.date, today), lte(holidays.date, last)))
      ).map((h) => h.date),
    );
    return Array.from({ length: daysBetween(today, last) + 1 }, (_, i) => addLocalDays(today, i)).map((date) => ({
      date,
      open: !closed.has(date) && !settings.CLOSED_DAYS.includes(weekdayOf(date)),
    }));
  }

  /**
   * `check_availability`: free start times on a day, for a service (its duration) or a plain duration.
   * `at` moves "now" (a walk-in may take the slot that began a few minutes ago).
   */
  async function checkAvailability(actor: Actor, input: unknown, at: { now?: Date } = {}) {
    const data = parseInput(availabilitySchema, input);
    const service = data.serviceType ? await findServiceType(db, data.serviceType) : null;
    const duration = service?.durationMinutes ?? data.durationMinutes ?? settings.DEFAULT_DURATION_MINUTES;
    const day = await loadDay(
      db,
      {
        date: data.date,
        service,
        durationMinutes: duration,
        staffId: data.staffId,
        now: at.now ?? clock.now(),
        timeZone: tz,
        minNoticeHours: noticeFor(actor),
      },
      settings,
    );
    return availableSlots(data.date, day.staff, day.busy, day.rules).map((slot) => ({ ...slot, time: timeOf(slot.start) }));
  }

  async function alternatives(actor: Actor, date: string, serviceType: string) {
    return (await checkAvailability(actor, { date, serviceType })).slice(0, 6).map((s) => s.time);
  }

  async function recordChange(tx: Tx, appointmentId: number, from: AppointmentStatus | null, to: AppointmentStatus, by: string | null, note = '') {
    await tx.insert(appointmentStatusChanges).values({ appointmentId, fromStatus: from, toStatus: to, changedBy: by, changedAt: clock.now(), note });
  }

  /**
   * `book_appointment`. The slot is checked with the same arithmetic that lists slots; the database's
   * exclusion constraint settles races: the loser gets `appointments.slot_taken` with fresh times.
   * A walk-in (`arrived`) is booked already checked in, at a `now` the front desk chose.
   */
  async function bookAppointment(actor: Actor, input: unknown, walkIn: { now?: Date; arrived?: boolean } = {}): Promise<Appointment> {
    const who = requireAuthenticated(actor);
    const data = parseInput(bookingSchema, input);
    const pet = await vet.pets.getPet(data.petId, who);
    const service = await findServiceType(db, data.serviceType);
    const nameOf = async () => (await inLanguage([{ id: service.id, name: service.name }], who))[0]!.name;
    if (!service.onlineBookable && !isStaff(who)) {
      const name = await nameOf();
      throw ValidationError.forField('appointments.not_online_bookable', 'serviceType', `${name} is booked by calling the clinic.`, { service: name });
    }
    if (service.species.length && !service.species.includes(pet.species)) {
      const name = await nameOf();
      throw ValidationError.forField('appointments.service_species', 'serviceType', `${name} is not offered for this species.`, { service: name });
    }
    if (service.requiresConsultation && (await vet.records.getVisitHistory(pet.id, who, { pageSize: 1 })).items.length === 0) {
      const name = await nameOf();
      throw ValidationError.forField('appointments.needs_consultation', 'serviceType', `${name} needs a consultation first.`, { service: name });
    }
    const start = clinicInstant(data.date, data.time, tz);
    const day = await loadDay(
      db,
      {
        date: data.date,
        service,
        durationMinutes: service.durationMinutes,
        staffId: data.staffId,
        now: walkIn.now ?? clock.now(),
        timeZone: tz,
        minNoticeHours: noticeFor(who),
      },
      settings,
    );
    const free = staffFreeAt(start, day.staff, day.busy, day.rules);
    const staffId = data.staffId ?? free[0];
    const slotTaken = async () =>
      new ConflictError('appointments.slot_taken', `${data.date} ${data.time} is no longer free.`, {
        alternatives: await alternatives(who, data.date, data.serviceType),
      });
    if (!staffId || !free.includes(staffId)) throw await slotTaken();
    const createdVia = who.kind === 'owner' && data.createdVia !== 'ai' ? 'web' : data.createdVia;
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(appointments)
          .values({
            ownerId: pet.ownerId,
            petId: pet.id,
            serviceTypeId: service.id,
            staffId,
            date: data.date,
            startsAt: start,
            endsAt: new Date(start.getTime() + service.durationMinutes * 60_000),
            reason: data.reason,
            notes: data.notes,
            createdVia,
            createdBy: who.userId,
            createdAt: clock.now(),
            updatedAt: clock.now(),
            ...(walkIn.arrived ? { status: 'checked_in' as const, checkedInAt: clock.now() } : {}),
          })
          .returning();
        await recordChange(tx, row!.id, null, 'pending', who.userId);
        if (walkIn.arrived) await recordChange(tx, row!.id, 'pending', 'checked_in', who.userId);
        await events.emit(tx, appointmentBooked, { ...refOf(row!), createdVia });
        return row!;
      });
    } catch (error) {
      if (isDoubleBooking(error)) throw await slotTaken();
      throw error;
    }
  }

  /** An appointment the caller may see: the owner's own, or any for staff. */
  async function getAppointment(id: number, actor: Actor): Promise<Appointment> {
    const who = requireAuthenticated(actor);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
    if (!row || (!isStaff(who) && row.ownerId !== who.userId)) throw notFound(id);
    return isStaff(who) ? row : { ...row, internalNotes: '' };
  }

  async function cancelAppointment(id: number, actor: Actor, input: unknown = {}): Promise<Appointment> {
    const who = requireAuthenticated(actor);
    const { reason } = parseInput(cancelSchema, input);
    const current = await getAppointment(id, who);
    assertTransition(current.status, 'cancelled');
    if (current.startsAt <= clock.now() && !isStaff(who)) {
      throw new ConflictError('appointments.already_started', 'This appointment has already started; call the clinic.');
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(appointments)
        .set({ status: 'cancelled', cancelledAt: clock.now(), cancelReason: reason, updatedAt: clock.now(), sequence: nextSequence })
        .where(and(eq(appointments.id, id), eq(appointments.status, current.status)))
        .returning();
      if (!row) throw new ConflictError('appointments.changed', 'The appointment changed meanwhile; reload it.');
      await recordChange(tx, id, current.status, 'cancelled', who.userId, reason);
      await events.emit(tx, appointmentCancelled, { ...refOf(row), reason, cancelledBy: who.userId });
      return row;
    });
  }

  /** The owner answered a reminder: confirm, or cancel and free the time. Recorded as the owner's own change. */
  async function answerFromReminder(id: number, answer: 'confirm' | 'cancel') {
    const [current] = await db.select().from(appointments).where(eq(appointments.id, id));
    if (!current || !['pending', 'confirmed'].includes(current.status)) return null;
    const to: AppointmentStatus = answer === 'confirm' ? 'confirmed' : 'cancelled';
    if (current.status === to) return current;
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(appointments)
        .set(
          answer === 'confirm'
            ? { status: to, confirmedAt: clock.now(), updatedAt: clock.now() }
            : { status: to, cancelledAt: clock.now(), cancelReason: 'Respuesta al recordatorio', updatedAt: clock.now(), sequence: nextSequence },
        )
        .where(and(eq(appointments.id, id), eq(appointments.status, current.status)))
        .returning();
      if (!row) return null;
      await recordChange(tx, id, current.status, to, current.ownerId, 'Respuesta al recordatorio');
      if (to === 'confirmed') await events.emit(tx, appointmentConfirmed, refOf(row));
      else await events.emit(tx, appointmentCancelled, { ...refOf(row), reason: 'Respuesta al recordatorio', cancelledBy: current.ownerId });
      return row;
    });
  }

  /** Moves a live appointment to a new free time, keeping the same staff member when they are free. */
  async function rescheduleAppointment(id: number, actor: Actor, input: unknown): Promise<Appointment> {
    const who = requireAuthenticated(actor);
    const data = parseInput(rescheduleSchema, input);
    const current = await getAppointment(id, who);
    if (!['pending', 'confirmed'].includes(current.status)) {
      throw new ConflictError('appointments.cannot_reschedule', `An appointment that is ${current.status} cannot be moved.`);
    }
    const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.id, current.serviceTypeId));
    const start = clinicInstant(data.date, data.time, tz);
    const day = await loadDay(
      db,
      {
        date: data.date,
        service: service!,
        durationMinutes: service!.durationMinutes,
        now: clock.now(),
        timeZone: tz,
        excludeAppointmentId: id,
        minNoticeHours: noticeFor(who),
      },
      settings,
    );
    const free = staffFreeAt(start, day.staff, day.busy, day.rules);
    const staffId = free.includes(current.staffId) ? current.staffId : free[0];
    const slotTaken = async () =>
      new ConflictError('appointments.slot_taken', `${data.date} ${data.time} is not free.`, {
        alternatives: await alternatives(who, data.date, service!.slug),
      });
    if (!staffId) throw await slotTaken();
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .update(appointments)
          .set({
            staffId,
            date: data.date,
            startsAt: start,
            endsAt: new Date(start.getTime() + service!.durationMinutes * 60_000),
            updatedAt: clock.now(),
            reminderSent: false,
            sequence: nextSequence,
          })
          .where(and(eq(appointments.id, id), inArray(appointments.status, ['pending', 'confirmed'])))
          .returning();
        if (!row) throw new ConflictError('appointments.changed', 'The appointment changed meanwhile; reload it.');
        await events.emit(tx, appointmentRescheduled, { ...refOf(row), previousStartsAt: current.startsAt.toISOString() });
        return row;
      });
    } catch (error) {
      if (isDoubleBooking(error)) throw await slotTaken();
      throw error;
    }
  }

  /** `get_user_appointments`: upcoming (or all) appointments of the owner, newest last. */
  async function getUserAppointments(actor: Actor, input: unknown = {}) {
    const who = requireAuthenticated(actor);
    const { includePast, petId } = parseInput(listSchema, input);
    const rows = await db
      .select({ appointment: appointments, service: { id: serviceTypes.id, name: serviceTypes.name, slug: serviceTypes.slug } })
      .from(appointments)
      .innerJoin(serviceTypes, eq(serviceTypes.id, appointments.serviceTypeId))
      .where(
        and(
          eq(appointments.ownerId, who.userId),
          petId ? eq(appointments.petId, petId) : undefined,
          includePast ? undefined : and(gte(appointments.endsAt, clock.now()), inArray(appointments.status, [...LIVE_STATUSES])),
        ),
      )
      .orderBy(includePast ? desc(appointments.startsAt) : asc(appointments.startsAt))
      .limit(100);
    const [translated, petsById] = await Promise.all([
      inLanguage([...new Map(rows.map((r) => [r.service.id, r.service])).values()], who),
      vet.pets.petsByIds(rows.map((r) => r.appointment.petId)),
    ]);
    const services = new Map(translated.map((x) => [x.id, x]));
    return rows.map((r) => ({
      ...r.appointment,
      internalNotes: undefined,
      petName: petsById.get(r.appointment.petId)?.name ?? '',
      service: services.get(r.service.id)!,
      localDate: localDate(r.appointment.startsAt, tz),
      time: timeOf(r.appointment.startsAt),
    }));
  }

  /** A pet's appointments still to happen (staff): what the consent warnings look at. */
  async function upcomingOfPet(actor: Actor, petId: number) {
    requireStaff(actor);
    return db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        status: appointments.status,
        serviceTypeId: appointments.serviceTypeId,
        serviceName: serviceTypes.name,
      })
      .from(appointments)
      .innerJoin(serviceTypes, eq(serviceTypes.id, appointments.serviceTypeId))
      .where(and(eq(appointments.petId, petId), gte(appointments.endsAt, clock.now()), inArray(appointments.status, ['pending', 'confirmed', 'checked_in'])))
      .orderBy(asc(appointments.startsAt))
      .limit(50);
  }

  /** For invoicing (staff): the appointment and the service it was for, with its price and tax data. */
  async function getBillable(id: number, actor: Actor) {
    const appointment = await getAppointment(id, actor);
    const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.id, appointment.serviceTypeId));
    return { appointment, service: service! };
  }

  /** Services by id, with price and tax data (the front desk adds them to invoices). */
  async function servicesByIds(ids: number[]) {
    return ids.length ? db.select().from(serviceTypes).where(inArray(serviceTypes.id, ids)) : [];
  }

  // The AI fills the names and descriptions of active services in every language, from the Spanish.
  ml.translation.registerContent({
    contentType: SERVICE,
    fields: ['name', 'description'],
    load: async (afterId, limit) => {
      const rows = await db
        .select({ id: serviceTypes.id, name: serviceTypes.name, description: serviceTypes.description })
        .from(serviceTypes)
        .where(and(eq(serviceTypes.isActive, true), gt(serviceTypes.id, afterId)))
        .orderBy(asc(serviceTypes.id))
        .limit(limit);
      return rows.map(({ id, ...fields }) => ({ id, fields }));
    },
  });

  ml.translation.registerContent({
    contentType: SERVICE_CATEGORY,
    fields: ['name'],
    load: async (afterId, limit) => {
      const rows = await db
        .select({ id: serviceCategories.id, name: serviceCategories.name })
        .from(serviceCategories)
        .where(and(eq(serviceCategories.isActive, true), gt(serviceCategories.id, afterId)))
        .orderBy(asc(serviceCategories.id))
        .limit(limit);
      return rows.map(({ id, ...fields }) => ({ id, fields }));
    },
  });

  return {
    getBillable,
    servicesByIds,
    listServices,
    inLanguage,
    openDays,
    checkAvailability,
    bookAppointment,
    getAppointment,
    cancelAppointment,
    rescheduleAppointment,
    answerFromReminder,
    getUserAppointments,
    upcomingOfPet,
    recordChange,
    refOf,
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
