import {
  type Actor,
  ConflictError,
  type ModuleContext,
  NotFoundError,
  pageOf,
  pageQuerySchema,
  parseInput,
  requireStaff,
  rowId,
  systemActor,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, gte, inArray, isNotNull, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { MessageService } from './message.service';
import { reminderConfirmed, reminderSent, reminderSkipped } from './omnichannel.events';
import type { OmnichannelSettings } from './omnichannel.settings';
import { REMINDER_STATUSES, REMINDER_TYPES, reminders } from './omnichannel.tables';
import { classifyReply } from './replies';

export const REMINDER_QUEUE = 'omnichannel.reminder';
export const ESCALATION_QUEUE = 'omnichannel.reminder-escalation';

export const reminderListSchema = pageQuerySchema.extend({
  status: z.enum(REMINDER_STATUSES).optional(),
  reminderType: z.enum(REMINDER_TYPES).optional(),
  userId: z.string().uuid().optional(),
});

const scheduleSchema = z.object({
  userId: z.string().uuid(),
  reminderType: z.enum(REMINDER_TYPES),
  sendAt: z.coerce.date(),
  message: z.string().max(4000).optional(),
  template: z.string().max(100).optional(),
  templateVars: z.record(z.string(), z.string()).default({}),
  relatedObjectType: z.string().max(50).optional(),
  relatedObjectId: rowId.optional(),
});

/**
 * Reminders: stored, then sent by a delayed pg-boss job on the owner's channel; unanswered after
 * ESCALATION_WAIT_HOURS they go out again on the next channel. Each step claims the row first, so a
 * job that runs twice (after a restart) sends once.
 */
export function createReminderService(ctx: ModuleContext, sender: MessageService, settings: OmnichannelSettings) {
  const { db, clock, events, jobs } = ctx;

  async function scheduleReminder(actor: Actor, input: unknown) {
    if (actor.kind !== 'system') requireStaff(actor);
    const data = parseInput(scheduleSchema, input);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reminders)
        .values({
          userId: data.userId,
          reminderType: data.reminderType,
          scheduledFor: data.sendAt,
          message: data.message ?? '',
          template: data.template ?? null,
          templateVars: data.templateVars,
          relatedObjectType: data.relatedObjectType ?? null,
          relatedObjectId: data.relatedObjectId ?? null,
        })
        .returning();
      await jobs.send(REMINDER_QUEUE, { reminderId: row!.id }, { tx, startAfter: data.sendAt, singletonKey: `reminder-${row!.id}` });
      return row!;
    });
  }

  /** Staff withdraw a reminder that has not gone out yet. */
  async function cancelReminder(actor: Actor, reminderId: number) {
    if (actor.kind !== 'system') requireStaff(actor);
    const [row] = await db
      .update(reminders)
      .set({ status: 'cancelled' })
      .where(and(eq(reminders.id, reminderId), eq(reminders.status, 'pending')))
      .returning();
    if (row) return row;
    const [existing] = await db.select({ status: reminders.status }).from(reminders).where(eq(reminders.id, reminderId));
    if (!existing) throw new NotFoundError('omnichannel.reminder_not_found', `Reminder ${reminderId} not found.`);
    throw new ConflictError('omnichannel.reminder_not_pending', `Reminder ${reminderId} is ${existing.status}; only pending reminders can be cancelled.`);
  }

  /** Cancels every pending reminder about something (an appointment that was cancelled or moved). */
  async function cancelRemindersFor(relatedObjectType: string, relatedObjectId: number) {
    return db
      .update(reminders)
      .set({ status: 'cancelled' })
      .where(
        and(eq(reminders.relatedObjectType, relatedObjectType), eq(reminders.relatedObjectId, relatedObjectId), inArray(reminders.status, ['pending', 'sent'])),
      )
      .returning({ id: reminders.id });
  }

  /** Whether something (an appointment) already has reminders that are not cancelled. */
  async function hasRemindersFor(relatedObjectType: string, relatedObjectId: number): Promise<boolean> {
    const [row] = await db
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.relatedObjectType, relatedObjectType), eq(reminders.relatedObjectId, relatedObjectId), ne(reminders.status, 'cancelled')))
      .limit(1);
    return Boolean(row);
  }

  /** Reminders of one type about one kind of thing that went out since a date: what each was about and when it was sent. */
  async function sentReminders(filter: { reminderType: 'appointment' | 'vaccination' | 'followup'; relatedObjectType: string; since: Date }) {
    const rows = await db
      .select({ relatedObjectId: reminders.relatedObjectId, sentAt: reminders.sentAt })
      .from(reminders)
      .where(
        and(
          eq(reminders.reminderType, filter.reminderType),
          eq(reminders.relatedObjectType, filter.relatedObjectType),
          isNotNull(reminders.relatedObjectId),
          gte(reminders.sentAt, filter.since),
        ),
      );
    return rows as { relatedObjectId: number; sentAt: Date }[];
  }

  async function getPendingReminders(actor: Actor, filter: { userId?: string; reminderType?: string } = {}) {
    requireStaff(actor);
    return db
      .select()
      .from(reminders)
      .where(
        and(
          eq(reminders.status, 'pending'),
          filter.userId ? eq(reminders.userId, filter.userId) : undefined,
          filter.reminderType ? eq(reminders.reminderType, filter.reminderType as 'appointment') : undefined,
        ),
      )
      .orderBy(asc(reminders.scheduledFor))
      .limit(200);
  }

  /** Staff: reminders, newest due first, filtered by status, type and person; one page. */
  async function listReminders(actor: Actor, input: unknown = {}) {
    requireStaff(actor);
    const q = parseInput(reminderListSchema, input);
    const rows = await db
      .select()
      .from(reminders)
      .where(
        and(
          q.status ? eq(reminders.status, q.status) : undefined,
          q.reminderType ? eq(reminders.reminderType, q.reminderType) : undefined,
          q.userId ? eq(reminders.userId, q.userId) : undefined,
        ),
      )
      .orderBy(desc(reminders.scheduledFor), desc(reminders.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return pageOf(rows, q);
  }

  /** Marks a due reminder as one that could not go out, and tells who needs to know (staff then call). */
  async function skip(reminderId: number, reason: 'reminders_off' | 'unreachable') {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(reminders)
        .set({ status: 'skipped', response: reason === 'reminders_off' ? 'reminders switched off' : 'no channel to reach them' })
        .where(and(eq(reminders.id, reminderId), eq(reminders.status, 'pending')))
        .returning();
      if (!row) return;
      await events.emit(tx, reminderSkipped, {
        reminderId,
        userId: row.userId,
        reminderType: row.reminderType,
        relatedObjectType: row.relatedObjectType,
        relatedObjectId: row.relatedObjectId,
        reason,
      });
    });
  }

  /** The delayed job: sends the reminder once, on the owner's channel, and schedules the escalation check. */
  async function sendDue(reminderId: number) {
    const [due] = await db.select().from(reminders).where(eq(reminders.id, reminderId));
    if (due?.status !== 'pending') return;
    if ((await sender.preferences(due.userId))?.remindersEnabled === false) return skip(reminderId, 'reminders_off');
    let plan: Awaited<ReturnType<typeof sender.planMessage>>;
    try {
      plan = await sender.planMessage(systemActor, {
        userId: due.userId,
        message: due.message || undefined,
        template: due.template ?? undefined,
        templateVars: due.templateVars,
      });
    } catch (error) {
      if (error instanceof ValidationError && error.code === 'omnichannel.unreachable') return skip(reminderId, 'unreachable');
      throw error;
    }
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(reminders)
        .set({ status: 'sent', sentAt: clock.now() })
        .where(and(eq(reminders.id, reminderId), eq(reminders.status, 'pending')))
        .returning();
      if (!claimed) return;
      const message = await sender.queueMessage(tx, plan);
      const channel = message.channel;
      await tx.update(reminders).set({ messageId: message.id, channel }).where(eq(reminders.id, reminderId));
      await events.emit(tx, reminderSent, {
        reminderId,
        userId: claimed.userId,
        reminderType: claimed.reminderType,
        relatedObjectType: claimed.relatedObjectType,
        relatedObjectId: claimed.relatedObjectId,
        channel,
      });
      await jobs.send(
        ESCALATION_QUEUE,
        { reminderId, step: claimed.escalationStep },
        {
          tx,
          startAfter: new Date(clock.now().getTime() + settings.ESCALATION_WAIT_HOURS * 3_600_000),
          singletonKey: `reminder-${reminderId}-step-${claimed.escalationStep}`,
        },
      );
    });
  }

  /** `escalate_reminder`: still unanswered, so it goes out again on the next channel in ESCALATION_ORDER. */
  async function escalateReminder(actor: Actor, reminderId: number, expectedStep?: number) {
    if (actor.kind !== 'system') requireStaff(actor);
    const [current] = await db.select().from(reminders).where(eq(reminders.id, reminderId));
    if (!current) throw new NotFoundError('omnichannel.reminder_not_found', `Reminder ${reminderId} not found.`);
    if (current.status !== 'sent' || (expectedStep !== undefined && current.escalationStep !== expectedStep) || !current.channel) return current;
    const order = settings.ESCALATION_ORDER;
    const next = order[order.indexOf(current.channel) + 1];
    if (!next) return current;
    const plan = await sender.planMessage(systemActor, {
      userId: current.userId,
      channel: next,
      message: current.message || undefined,
      template: current.template ?? undefined,
      templateVars: current.templateVars,
    });
    return db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(reminders)
        .set({ escalationStep: current.escalationStep + 1, channel: plan.channel, sentAt: clock.now() })
        .where(and(eq(reminders.id, reminderId), eq(reminders.escalationStep, current.escalationStep), eq(reminders.status, 'sent')))
        .returning();
      if (!claimed) return current;
      const message = await sender.queueMessage(tx, plan);
      await tx.update(reminders).set({ messageId: message.id }).where(eq(reminders.id, reminderId));
      await jobs.send(
        ESCALATION_QUEUE,
        { reminderId, step: claimed.escalationStep },
        {
          tx,
          startAfter: new Date(clock.now().getTime() + settings.ESCALATION_WAIT_HOURS * 3_600_000),
          singletonKey: `reminder-${reminderId}-step-${claimed.escalationStep}`,
        },
      );
      return claimed;
    });
  }

  /**
   * An owner's reply: "sí", "1", "confirmo" confirm the latest reminder they were sent; "no puedo", "2"
   * cancel. Runs inside the event handler's transaction when given one.
   */
  async function handleReply(ownerId: string, text: string, tx?: Tx) {
    const answer = classifyReply(text);
    if (!answer) return null;
    const since = new Date(clock.now().getTime() - 7 * 86_400_000);
    const run = async (q: Tx) => {
      const [latest] = await q
        .select()
        .from(reminders)
        .where(and(eq(reminders.userId, ownerId), eq(reminders.status, 'sent'), gte(reminders.sentAt, since)))
        .orderBy(desc(reminders.sentAt))
        .limit(1);
      if (!latest) return null;
      const [row] = await q
        .update(reminders)
        .set({ status: answer === 'confirm' ? 'confirmed' : 'declined', response: text })
        .where(and(eq(reminders.id, latest.id), eq(reminders.status, 'sent')))
        .returning();
      if (!row) return null;
      await events.emit(q, reminderConfirmed, {
        reminderId: row.id,
        userId: ownerId,
        reminderType: row.reminderType,
        relatedObjectType: row.relatedObjectType,
        relatedObjectId: row.relatedObjectId,
        answer,
      });
      return { reminder: row, answer };
    };
    return tx ? run(tx) : db.transaction(run);
  }

  /** Whether this text is an answer to a reminder the owner got this week (then the reminder takes it, not the assistant). */
  async function isReminderReply(ownerId: string, text: string) {
    if (!classifyReply(text)) return false;
    const since = new Date(clock.now().getTime() - 7 * 86_400_000);
    const [row] = await db
      .select({ id: reminders.id })
      .from(reminders)
      .where(
        and(
          eq(reminders.userId, ownerId),
          or(eq(reminders.status, 'sent'), and(inArray(reminders.status, ['confirmed', 'declined']), eq(reminders.response, text))),
          gte(reminders.sentAt, since),
        ),
      )
      .limit(1);
    return !!row;
  }

  return {
    scheduleReminder,
    cancelReminder,
    cancelRemindersFor,
    hasRemindersFor,
    sentReminders,
    getPendingReminders,
    listReminders,
    sendDue,
    escalateReminder,
    handleReply,
    isReminderReply,
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
