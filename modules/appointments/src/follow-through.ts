import type { AccountsPort } from '@petfriendly/accounts';
import {
  type Actor,
  addLocalDays,
  clinicInstant,
  dateTimeFormat,
  localDate,
  type ModuleContext,
  parseInput,
  requireStaff,
  systemActor,
} from '@petfriendly/core';
import type { Audience, MessagingPort } from '@petfriendly/omnichannel';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { appointmentReminderDue } from './appointments.events';
import { appointments } from './appointments.tables';
import { notFound } from './schedule-data';

const FOLLOW_UP = 'appointment_follow_up';
/** How long before the follow-up day the owner is reminded to book it. */
const FOLLOW_UP_NOTICE_DAYS = 3;

/**
 * What happens after the owner was told (or could not be told): the confirmation and the visit summary
 * reach the owner, a follow-up is reminded until it is booked, and owners the reminders could not reach
 * land on the front desk's list of people to call.
 */
export function createFollowThrough(ctx: ModuleContext, accounts: AccountsPort, messaging: MessagingPort, vet: PetsPort & RecordsPort) {
  const { db, clock, clinic, events } = ctx;
  const tz = clinic.TIME_ZONE;
  const base = ctx.server.BASE_URL ?? '';

  async function context(appointmentId: number) {
    const [a] = await db.select().from(appointments).where(eq(appointments.id, appointmentId));
    if (!a) return null;
    const [contact, pets] = await Promise.all([accounts.directory.contactOf(a.ownerId), vet.pets.petsByIds([a.petId])]);
    const lang = contact?.language ?? clinic.DEFAULT_LANGUAGE;
    return { a, lang, t: ctx.i18n.t(lang), pet: pets.get(a.petId)?.name ?? '' };
  }

  /** `appointment_confirmed`: the owner hears it is confirmed, with where to change it. */
  async function confirmationNotice(appointmentId: number) {
    const c = await context(appointmentId);
    if (c?.a.status !== 'confirmed') return;
    await messaging.messages.sendMessage(systemActor, {
      userId: c.a.ownerId,
      template: 'appointment_confirmed',
      templateVars: {
        pet: c.pet,
        date: dateTimeFormat(c.lang, { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long' }).format(c.a.startsAt),
        time: dateTimeFormat(c.lang, { timeZone: tz, hour: '2-digit', minute: '2-digit' }).format(c.a.startsAt),
        clinic: clinic.NAME,
        link: `${base}/my/appointments`,
      },
    });
  }

  /**
   * `appointment_completed`: the owner gets the visit's reason and plan (what the vet wrote for them, never
   * internal notes) and the next step; with a follow-up, a reminder to book it a few days before it is due.
   */
  async function visitSummary(appointmentId: number, followUpDays: number | null) {
    const c = await context(appointmentId);
    if (c?.a.status !== 'completed') return;
    const owner = { kind: 'owner', userId: c.a.ownerId, language: c.lang } as const;
    const [visit] = (await vet.records.getVisitHistory(c.a.petId, owner, { pageSize: 1 })).items;
    const sameDay = visit && localDate(visit.visitDate, tz) === c.a.date;
    const summary = sameDay ? c.t('appointments:notice.summary', { reason: visit.reason, plan: visit.plan || '—' }) : '';
    const dueDate = followUpDays ? addLocalDays(c.a.date, followUpDays) : null;
    await messaging.messages.sendMessage(systemActor, {
      userId: c.a.ownerId,
      template: 'visit_completed',
      templateVars: {
        pet: c.pet,
        summary,
        next: dueDate ? c.t('appointments:notice.followUp', { date: dueDate, link: `${base}/book` }) : c.t('appointments:notice.noFollowUp'),
        clinic: clinic.NAME,
      },
    });
    if (!dueDate) return;
    await db.update(appointments).set({ followUpDate: dueDate }).where(eq(appointments.id, appointmentId));
    if (await alreadyBooked(c.a.petId, c.a.startsAt)) return;
    const noticeAt = clinicInstant(addLocalDays(dueDate, -FOLLOW_UP_NOTICE_DAYS), '10:00', tz);
    await messaging.reminders.scheduleReminder(systemActor, {
      userId: c.a.ownerId,
      reminderType: 'followup',
      sendAt: new Date(Math.max(noticeAt.getTime(), clock.now().getTime())),
      template: 'follow_up_due',
      templateVars: { pet: c.pet, date: dueDate, clinic: clinic.NAME, link: `${base}/book` },
      relatedObjectType: FOLLOW_UP,
      relatedObjectId: appointmentId,
    });
  }

  async function alreadyBooked(petId: number, after: Date) {
    const [row] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.petId, petId), inArray(appointments.status, ['pending', 'confirmed']), gte(appointments.startsAt, after)))
      .limit(1);
    return Boolean(row);
  }

  /** A pet was booked: the follow-ups of its earlier visits are no longer reminded. */
  async function followUpBooked(booked: { appointmentId: number; petId: number; startsAt: string }) {
    const due = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.petId, booked.petId),
          eq(appointments.status, 'completed'),
          isNotNull(appointments.followUpDate),
          ne(appointments.id, booked.appointmentId),
          lt(appointments.startsAt, new Date(booked.startsAt)),
        ),
      );
    for (const { id } of due) await messaging.reminders.cancelRemindersFor(FOLLOW_UP, id);
  }

  /**
   * A reminder about an appointment went out, or could not (reminders off, no channel): recorded on the
   * appointment, and the spec's `appointment_reminder_due` raised either way so staff can act.
   */
  async function reminderOutcome(appointmentId: number, ownerNotified: boolean) {
    await db.transaction(async (tx) => {
      const [a] = await tx
        .update(appointments)
        .set(ownerNotified ? { reminderSent: true } : { callOwner: true })
        .where(eq(appointments.id, appointmentId))
        .returning();
      if (!a || !['pending', 'confirmed'].includes(a.status)) return;
      await events.emit(tx, appointmentReminderDue, {
        appointmentId: a.id,
        ownerId: a.ownerId,
        petId: a.petId,
        staffId: a.staffId,
        startsAt: a.startsAt.toISOString(),
        serviceTypeId: a.serviceTypeId,
        hoursBefore: Math.round((a.startsAt.getTime() - clock.now().getTime()) / 3_600_000),
        ownerNotified,
      });
    });
  }

  /** The front desk's "call these owners": upcoming appointments still unconfirmed whose reminder could not reach the owner. */
  async function ownersToCall(actor: Actor) {
    requireStaff(actor);
    const now = clock.now();
    const rows = await db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.callOwner, true),
          eq(appointments.status, 'pending'),
          gte(appointments.startsAt, now),
          lte(appointments.startsAt, new Date(now.getTime() + 7 * 86_400_000)),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(100);
    const [contacts, pets] = await Promise.all([
      Promise.all([...new Set(rows.map((r) => r.ownerId))].map((id) => accounts.directory.contactOf(id))),
      vet.pets.petsByIds([...new Set(rows.map((r) => r.petId))]),
    ]);
    const byId = new Map(contacts.filter((c) => c).map((c) => [c!.id, c!]));
    return rows.map((r) => ({
      appointmentId: r.id,
      startsAt: r.startsAt,
      ownerId: r.ownerId,
      ownerName: byId.get(r.ownerId)?.name ?? '',
      phone: byId.get(r.ownerId)?.phone ?? null,
      petName: pets.get(r.petId)?.name ?? '',
    }));
  }

  /** The owner was called: off the list (confirming or cancelling is the usual schedule action). */
  async function markCalled(actor: Actor, appointmentId: number) {
    requireStaff(actor);
    const [row] = await db
      .update(appointments)
      .set({ callOwner: false })
      .where(eq(appointments.id, appointmentId))
      .returning({ id: appointments.id, callOwner: appointments.callOwner });
    if (!row) throw notFound(appointmentId);
    return row;
  }

  /** For a bulk message (a closure): the owners with a live appointment on a day. */
  const bookedOnAudience: Audience = {
    key: 'appointments.booked_on',
    labelKey: 'appointments:audience.bookedOn',
    param: 'date',
    async resolve(_actor, param) {
      const { param: date } = parseInput(z.object({ param: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }) }), { param });
      const rows = await db
        .selectDistinct({ ownerId: appointments.ownerId })
        .from(appointments)
        .where(and(eq(appointments.date, date), inArray(appointments.status, ['pending', 'confirmed'])));
      return rows.map((r) => r.ownerId);
    },
  };

  return { confirmationNotice, visitSummary, followUpBooked, reminderOutcome, ownersToCall, markCalled, bookedOnAudience };
}

export type FollowThrough = ReturnType<typeof createFollowThrough>;
