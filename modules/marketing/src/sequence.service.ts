import { type Actor, clinicToday, type EventPayload, type ModuleContext, NotFoundError, parseInput, requireStaff, rows } from '@petfriendly/core';
import type { CrmPort, customerCreated, RuleGroup } from '@petfriendly/crm';
import { toE164 } from '@petfriendly/omnichannel';
import type { FollowUpsSocket, recommendationDeclined } from '@petfriendly/vet-clinic';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { MANAGERS } from './campaign.service';
import { sequenceUpdateSchema } from './marketing.schemas';
import { type Channel, enrolments, type SequenceKey, sequences } from './marketing.tables';
import { addressOf, type Outbox } from './outbox';
import { DEFAULT_SEQUENCES } from './sequence-defaults';

const DAY_MS = 86_400_000;
/** A trigger that still holds (a pet still lapsed) enrols again only after this long. */
const REENROL_DAYS: Record<SequenceKey, number> = {
  lapsed_winback: 180,
  vaccine_overdue: 60,
  pet_birthday: 300,
  new_owner_welcome: 36_500,
  declined_service: 30,
};
const RULES: Partial<Record<SequenceKey, RuleGroup>> = {
  lapsed_winback: { match: 'all', conditions: [{ field: 'daysSinceLastVisit', min: 365, includeNever: false }] },
  vaccine_overdue: { match: 'all', conditions: [{ field: 'vaccineOverdue', value: true }] },
};

/** Sequences: steps with waits, entered by a trigger, stopped when the pet (or owner) books; a daily job moves them on. */
export function createSequenceService(ctx: ModuleContext, crm: CrmPort, outbox: Outbox, isSuppressed: (channel: Channel, address: string) => Promise<boolean>) {
  const { db } = ctx;

  /** The shipped sequences, off, written once (a manager's changes are kept). */
  async function install() {
    await db
      .insert(sequences)
      .values(Object.entries(DEFAULT_SEQUENCES).map(([key, steps]) => ({ key: key as SequenceKey, steps, isActive: false })))
      .onConflictDoNothing();
  }

  async function listSequences(actor: Actor) {
    requireStaff(actor, MANAGERS);
    const found = await db.select().from(sequences).orderBy(asc(sequences.id));
    const counts = await db
      .select({ sequenceId: enrolments.sequenceId, state: enrolments.state, n: sql<number>`count(*)::int` })
      .from(enrolments)
      .groupBy(enrolments.sequenceId, enrolments.state);
    const count = (id: number, state: string) => counts.find((c) => c.sequenceId === id && c.state === state)?.n ?? 0;
    return found.map((s) => ({
      key: s.key,
      isActive: s.isActive,
      stopOnBooking: s.stopOnBooking,
      steps: s.steps,
      active: count(s.id, 'active'),
      completed: count(s.id, 'completed'),
      stopped: count(s.id, 'stopped'),
    }));
  }

  async function setActive(actor: Actor, key: SequenceKey, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { isActive } = parseInput(sequenceUpdateSchema, input);
    const [row] = await db.update(sequences).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(sequences.key, key)).returning();
    if (!row) throw new NotFoundError('marketing.sequence_not_found', `No sequence ${key}.`);
    return (await listSequences(actor)).find((s) => s.key === key)!;
  }

  /** Enrols each (owner, pet) not enrolled in this sequence within its re-entry time. */
  async function enrol(sequence: typeof sequences.$inferSelect, members: { ownerId: string; petId: number; detail?: string }[]) {
    if (members.length === 0) return 0;
    const now = ctx.clock.now();
    const since = new Date(now.getTime() - REENROL_DAYS[sequence.key] * DAY_MS);
    const [added] = await rows<{ n: number }>(
      db,
      sql`with added as (
            insert into marketing.enrolments (sequence_id, owner_id, pet_id, detail, step, next_at, state, enrolled_at)
            select ${sequence.id}, m.owner_id, m.pet_id, m.detail, 0, ${new Date(now.getTime() + (sequence.steps[0]?.waitDays ?? 0) * DAY_MS)}, 'active', ${now}
            from jsonb_to_recordset(${JSON.stringify(members.map((m) => ({ owner_id: m.ownerId, pet_id: m.petId, detail: m.detail ?? null })))}::jsonb)
                 as m(owner_id uuid, pet_id int, detail text)
            where not exists (select 1 from marketing.enrolments e where e.sequence_id = ${sequence.id} and e.owner_id = m.owner_id
                              and e.pet_id = m.pet_id and (e.state = 'active' or e.enrolled_at > ${since}))
            on conflict do nothing
            returning 1)
          select count(*)::int as n from added`,
    );
    return added!.n;
  }

  /** The triggers seen today: lapsed pets, overdue vaccines, birthdays (new owners enrol from the CRM's event). */
  async function enrolDue() {
    const active = await db.select().from(sequences).where(eq(sequences.isActive, true));
    const monthDay = clinicToday(ctx.clock, ctx.clinic.TIME_ZONE).slice(5);
    let n = 0;
    for (const s of active) {
      const rules = RULES[s.key];
      if (rules)
        n += await enrol(
          s,
          (await crm.segments.consentingOwners(rules)).map((ownerId) => ({ ownerId, petId: 0 })),
        );
      if (s.key === 'pet_birthday') n += await enrol(s, await crm.customers.petsBornOn(monthDay));
    }
    return n;
  }

  async function onCustomerCreated(p: EventPayload<typeof customerCreated>) {
    const [welcome] = await db
      .select()
      .from(sequences)
      .where(and(eq(sequences.key, 'new_owner_welcome'), eq(sequences.isActive, true)));
    if (welcome) await enrol(welcome, [{ ownerId: p.ownerId, petId: 0 }]);
  }

  /** A service the owner declined at a visit: followed up for that pet (its first step after the wait), until it is booked. */
  async function onRecommendationDeclined(p: EventPayload<typeof recommendationDeclined>) {
    const [sequence] = await db
      .select()
      .from(sequences)
      .where(and(eq(sequences.key, 'declined_service'), eq(sequences.isActive, true)));
    if (sequence) await enrol(sequence, [{ ownerId: p.ownerId, petId: p.petId, detail: p.service }]);
  }

  /** The chart's view (vet-clinic's socket): this pet's declined-service runs, and whether the sequence is on. */
  const followUps: FollowUpsSocket = {
    async ofPet(actor, petId) {
      requireStaff(actor);
      const [sequence] = await db.select().from(sequences).where(eq(sequences.key, 'declined_service'));
      const runs = sequence
        ? await db
            .select()
            .from(enrolments)
            .where(and(eq(enrolments.sequenceId, sequence.id), eq(enrolments.petId, petId)))
            .orderBy(desc(enrolments.enrolledAt))
        : [];
      return {
        enabled: sequence?.isActive ?? false,
        href: (MANAGERS as readonly string[]).includes(actor.role) ? '/admin/marketing/sequences/declined_service' : null,
        followUps: runs.map((r) => ({
          service: r.detail ?? '',
          state: r.state,
          nextAt: r.state === 'active' ? r.nextAt : null,
          stopReason: r.stopReason,
          startedAt: r.enrolledAt,
        })),
      };
    },
  };

  async function stop(id: number, reason: string) {
    await db
      .update(enrolments)
      .set({ state: 'stopped', stopReason: reason })
      .where(and(eq(enrolments.id, id), eq(enrolments.state, 'active')));
  }

  /**
   * Each due enrolment: stopped if the owner (or that pet) booked since enrolling, or can no longer be
   * written to; otherwise its step is sent and the enrolment moves on in the transaction that queues it.
   */
  async function advance() {
    const now = ctx.clock.now();
    const due = await db
      .select({ e: enrolments, s: sequences })
      .from(enrolments)
      .innerJoin(sequences, eq(sequences.id, enrolments.sequenceId))
      .where(and(eq(enrolments.state, 'active'), lte(enrolments.nextAt, now)))
      .orderBy(asc(enrolments.nextAt))
      .limit(1000);
    let sent = 0;
    for (const { e, s } of due) {
      if (s.stopOnBooking) {
        const [booked] = await rows(
          db,
          sql`select 1 from marketing.bookings b where b.owner_id = ${e.ownerId} and b.at >= ${e.enrolledAt} and (${e.petId}::int = 0 or b.pet_id = ${e.petId}) limit 1`,
        );
        if (booked) {
          await stop(e.id, 'booked');
          continue;
        }
      }
      const step = s.steps[e.step];
      const [owner] = await crm.customers.marketingFacts([e.ownerId]);
      if (!step || !owner?.marketingConsent) {
        await stop(e.id, step ? 'no_consent' : 'no_step');
        continue;
      }
      const channel = owner.preferredChannel as Channel;
      const address = addressOf(owner, channel, toE164);
      if (!address || (await isSuppressed(channel, address))) {
        await stop(e.id, 'unreachable');
        continue;
      }
      const composed = outbox.compose(owner, step.content, { channel, campaignId: 0, petId: e.petId || null, service: e.detail ?? '' });
      const plan = composed ? await outbox.plan(owner.ownerId, composed, channel).catch(() => null) : null;
      if (!plan) {
        await stop(e.id, 'unreachable');
        continue;
      }
      const next = s.steps[e.step + 1];
      const moved = await db.transaction(async (tx) => {
        const [mine] = await tx
          .update(enrolments)
          .set(next ? { step: e.step + 1, nextAt: new Date(now.getTime() + next.waitDays * DAY_MS) } : { step: e.step + 1, state: 'completed' })
          .where(and(eq(enrolments.id, e.id), eq(enrolments.step, e.step), eq(enrolments.state, 'active')))
          .returning({ id: enrolments.id });
        if (mine) await outbox.queue(tx, plan, { senderType: 'system' });
        return Boolean(mine);
      });
      if (moved) sent++;
    }
    return sent;
  }

  return { install, listSequences, setActive, enrolDue, onCustomerCreated, onRecommendationDeclined, advance, followUps };
}

export type SequenceService = ReturnType<typeof createSequenceService>;
