import {
  type Actor,
  ConflictError,
  clinicToday,
  eraseFromKernel,
  type ModuleContext,
  NotFoundError,
  type OwnerPrivacyPort,
  PermissionDeniedError,
  parseInput,
  requireAuthenticated,
  requireStaff,
} from '@petfriendly/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { addBusinessDays } from './business-days';
import { requestInput, resolveInput } from './privacy.schemas';
import { requests } from './privacy.tables';

/** Every module that keeps something of an owner, in the order their parts are shown. */
export const CONTRIBUTORS = ['accounts', 'vet-clinic', 'appointments', 'billing', 'store', 'omnichannel', 'marketing', 'crm', 'loyalty', 'consent'] as const;
export type PrivacyNeeds = Record<(typeof CONTRIBUTORS)[number], OwnerPrivacyPort> & {
  accounts: { directory: { namesOf(ids: string[]): Promise<Map<string, string>> } };
};

/** The law gives the clinic 20 business days to answer (LFPDPPP art. 32): weekends and Mexico's rest days are not counted. */
const ANSWER_WITHIN_BUSINESS_DAYS = 20;

/** ARCO rights: the owner's data out, their requests, and the admin's answer (a cancellation anonymises them everywhere). */
export function createPrivacyService(ctx: ModuleContext, deps: PrivacyNeeds) {
  const parts = CONTRIBUTORS.map((name) => deps[name].privacy);
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);

  const owner = (actor: Actor) => {
    const me = requireAuthenticated(actor);
    if (me.kind !== 'owner') throw new PermissionDeniedError('privacy.owners_only', 'Only an owner asks about their own data.');
    return me;
  };

  async function collect(ownerId: string) {
    const found = await Promise.all(parts.map((p) => p.ownerData(ownerId)));
    return { ownerId, generatedAt: ctx.clock.now().toISOString(), ...Object.assign({}, ...found) } as { ownerId: string; generatedAt: string } & Record<
      string,
      Record<string, unknown>[]
    >;
  }

  /** The signed-in owner's data (ARCO access). */
  const myData = (actor: Actor) => collect(owner(actor).userId);

  async function request(actor: Actor, input: unknown) {
    const me = owner(actor);
    const data = parseInput(requestInput, input);
    return ctx.db.transaction(async (tx) => {
      const [open] = await tx
        .select({ id: requests.id })
        .from(requests)
        .where(and(eq(requests.ownerId, me.userId), eq(requests.kind, data.kind), eq(requests.status, 'pending')))
        .for('update');
      if (open) throw new ConflictError('privacy.request_pending', 'You already have a request of this kind being handled.', { id: open.id });
      const now = ctx.clock.now();
      const dueBy = addBusinessDays(today(), ANSWER_WITHIN_BUSINESS_DAYS);
      const [row] = await tx.insert(requests).values({ ownerId: me.userId, kind: data.kind, details: data.details, requestedAt: now, dueBy }).returning();
      return row!;
    });
  }

  async function myRequests(actor: Actor) {
    const me = owner(actor);
    return ctx.db.select().from(requests).where(eq(requests.ownerId, me.userId)).orderBy(desc(requests.id));
  }

  /** Staff: the requests still open (the oldest deadline first), then the last answered, with the owner's name. */
  async function listRequests(actor: Actor) {
    requireStaff(actor);
    const open = await ctx.db.select().from(requests).where(eq(requests.status, 'pending')).orderBy(requests.dueBy, requests.id);
    const answered = await ctx.db
      .select()
      .from(requests)
      .where(inArray(requests.status, ['done', 'rejected']))
      .orderBy(desc(requests.handledAt))
      .limit(30);
    const rows = [...open, ...answered];
    const names = await deps.accounts.directory.namesOf([...new Set(rows.map((r) => r.ownerId))]);
    return rows.map((r) => ({ ...r, ownerName: names.get(r.ownerId) ?? '', overdue: r.status === 'pending' && r.dueBy < today() }));
  }

  /**
   * An admin answers a request. Carrying out a cancellation anonymises the owner in every module and
   * in the kernel's event history, in one transaction with the answer: it happens whole or not at all,
   * and a second admin answering the same request at once gets a conflict.
   */
  async function resolve(actor: Actor, id: number, input: unknown) {
    const admin = requireStaff(actor, ['admin']);
    const data = parseInput(resolveInput, input);
    const [found] = await ctx.db.select().from(requests).where(eq(requests.id, id));
    if (!found) throw new NotFoundError('privacy.request_not_found', 'No privacy request with this number.', { id });
    const anonymise = found.kind === 'cancellation' && data.decision === 'done';
    const former = anonymise ? ((await deps.accounts.privacy.ownerData(found.ownerId)).profile?.[0] as { name: string; email: string } | undefined) : undefined;
    const replacement = { name: `Titular anonimizado ${found.id}`, email: `anonimizado-${found.ownerId}@anonimizado.invalid` };
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(requests)
        .set({ status: data.decision, outcome: data.outcome, handledBy: admin.userId, handledAt: ctx.clock.now() })
        .where(and(eq(requests.id, id), eq(requests.status, 'pending')))
        .returning();
      if (!row) throw new ConflictError('privacy.request_answered', 'This request has already been answered.', { id });
      if (anonymise) {
        for (const part of parts) await part.anonymiseOwner(tx, found.ownerId, replacement);
        if (former) await eraseFromKernel(tx, former, replacement);
      }
      return row;
    });
  }

  return { myData, request, myRequests, listRequests, resolve };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
