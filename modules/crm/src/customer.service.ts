import {
  type Actor,
  clinicToday,
  containsPattern,
  daysBetween,
  foldForSearch,
  type ModuleContext,
  NotFoundError,
  pageOf,
  parseInput,
  requireStaff,
} from '@petfriendly/core';
import { and, asc, desc, eq, getTableColumns, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { marketingConsentChanged } from './crm.events';
import { consentSchema, followUpQuerySchema, interactionSchema, noteSchema, profileQuerySchema, searchSchema, tagSchema } from './crm.schemas';
import { crmPets, ownerInteractions, ownerNotes, ownerProfiles, ownerSpend, purchases } from './crm.tables';
import type { CrmNeeds } from './ports';

export const summaryColumns = {
  ownerId: ownerProfiles.ownerId,
  name: ownerProfiles.name,
  email: ownerProfiles.email,
  phone: ownerProfiles.phone,
  tier: ownerProfiles.tier,
  lifetimeValue: ownerProfiles.lifetimeValue,
  visitCount: ownerProfiles.visitCount,
  lastVisitDate: ownerProfiles.lastVisitDate,
  churnRisk: ownerProfiles.churnRisk,
  tags: ownerProfiles.tags,
};

/** Which owners a segment holds, by id or slug (SegmentService gives it to the search). */
export type SegmentFilter = (actor: Actor, segment: string) => Promise<SQL>;

/** The spec's CustomerService: profiles, search, notes, tags, lifetime value; and the calls staff log. */
export function createCustomerService(ctx: ModuleContext, deps: CrmNeeds, segmentFilter: SegmentFilter) {
  const { db } = ctx;
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);

  async function requireProfile(ownerId: string) {
    const [row] = await db.select().from(ownerProfiles).where(eq(ownerProfiles.ownerId, ownerId));
    if (!row) throw new NotFoundError('crm.customer_not_found', 'No customer profile for this owner.');
    return row;
  }

  async function withNames<T extends { handledBy: string | null }>(rows: T[]) {
    const names = await deps.accounts.directory.namesOf([...new Set(rows.flatMap((r) => (r.handledBy ? [r.handledBy] : [])))]);
    return rows.map(({ handledBy, ...r }) => ({ ...r, handledByName: handledBy ? (names.get(handledBy) ?? null) : null }));
  }

  async function getProfile(actor: Actor, ownerId: string, options: unknown = {}) {
    requireStaff(actor);
    const { includePets, includePurchaseHistory } = parseInput(profileQuerySchema, options);
    const profile = await requireProfile(ownerId);
    const notes = await db
      .select()
      .from(ownerNotes)
      .where(eq(ownerNotes.ownerId, ownerId))
      .orderBy(desc(ownerNotes.isPinned), desc(ownerNotes.createdAt), desc(ownerNotes.id))
      .limit(100);
    const authors = await deps.accounts.directory.namesOf([...new Set(notes.flatMap((n) => (n.authorId ? [n.authorId] : [])))]);
    const interactions = await db
      .select()
      .from(ownerInteractions)
      .where(eq(ownerInteractions.ownerId, ownerId))
      .orderBy(desc(ownerInteractions.occurredAt), desc(ownerInteractions.id))
      .limit(50);
    const followUps = await db
      .select()
      .from(ownerInteractions)
      .where(and(eq(ownerInteractions.ownerId, ownerId), eq(ownerInteractions.requiresFollowUp, true), eq(ownerInteractions.followUpCompleted, false)))
      .orderBy(asc(ownerInteractions.followUpDate));
    return {
      ...profile,
      daysSinceLastVisit: profile.lastVisitDate ? daysBetween(profile.lastVisitDate, today()) : null,
      notes: notes.map((n) => ({
        id: n.id,
        content: n.content,
        isPinned: n.isPinned,
        createdAt: n.createdAt,
        authorName: n.authorId ? (authors.get(n.authorId) ?? null) : null,
      })),
      interactions: await withNames(interactions),
      followUps: await withNames(followUps),
      pets: includePets ? await petsOf(actor, ownerId) : null,
      purchases: includePurchaseHistory
        ? await db
            .select({ kind: purchases.kind, reference: purchases.reference, total: purchases.total, paidAt: purchases.paidAt })
            .from(purchases)
            .where(eq(purchases.ownerId, ownerId))
            .orderBy(desc(purchases.paidAt))
            .limit(100)
        : null,
    };
  }

  /** The owner's pets as vet-clinic has them, with the next vaccine the CRM knows of. */
  async function petsOf(actor: Actor, ownerId: string) {
    const pets = (await deps['vet-clinic'].pets.getUserPets(actor, ownerId)).filter((p) => p.isActive && !p.isDeceased);
    const due = pets.length
      ? await db
          .select({ petId: crmPets.petId, name: crmPets.nextVaccineName, due: crmPets.nextVaccineDue })
          .from(crmPets)
          .where(
            inArray(
              crmPets.petId,
              pets.map((p) => p.id),
            ),
          )
      : [];
    const byPet = new Map(due.map((d) => [d.petId, d]));
    return pets.map((p) => ({
      id: p.id,
      name: p.name,
      species: p.species,
      breed: p.breed,
      dateOfBirth: p.dateOfBirth,
      nextVaccineName: byPet.get(p.id)?.name ?? null,
      nextVaccineDue: byPet.get(p.id)?.due ?? null,
    }));
  }

  /** By name, email or phone (trigram index), tags (GIN index) and segment; most valuable first. */
  async function searchCustomers(actor: Actor, input: unknown) {
    requireStaff(actor);
    const q = parseInput(searchSchema, input);
    const filters: SQL[] = [];
    if (q.query) filters.push(sql`${ownerProfiles.searchText} like ${containsPattern(foldForSearch(q.query))}`);
    if (q.tags?.length)
      filters.push(
        sql`${ownerProfiles.tags} @> ${sql`array[${sql.join(
          q.tags.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`}`,
      );
    if (q.segment) filters.push(sql`${ownerProfiles.ownerId} in (${await segmentFilter(actor, q.segment)})`);
    const rows = await db
      .select(summaryColumns)
      .from(ownerProfiles)
      .where(and(...filters))
      .orderBy(desc(ownerProfiles.lifetimeValue), asc(ownerProfiles.name), asc(ownerProfiles.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return pageOf(rows, q);
  }

  async function addNote(actor: Actor, ownerId: string, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(noteSchema, input);
    await requireProfile(ownerId);
    const [note] = await db
      .insert(ownerNotes)
      .values({ ownerId, content: data.content, isPinned: data.isPinned, authorId: staff.userId, createdAt: ctx.clock.now() })
      .returning();
    return { id: note!.id, content: note!.content, isPinned: note!.isPinned, createdAt: note!.createdAt, authorName: staff.name ?? null };
  }

  /** Adds a tag once, whoever adds it at the same time (the update re-checks the row it waited for). */
  async function addTag(actor: Actor, ownerId: string, input: unknown) {
    requireStaff(actor);
    const { tag } = parseInput(tagSchema, input);
    await requireProfile(ownerId);
    await db
      .update(ownerProfiles)
      .set({ tags: sql`array_append(${ownerProfiles.tags}, ${tag}::text)`, updatedAt: ctx.clock.now() })
      .where(and(eq(ownerProfiles.ownerId, ownerId), sql`not (${ownerProfiles.tags} @> array[${tag}]::text[])`));
    return { ownerId, tags: (await requireProfile(ownerId)).tags };
  }

  async function removeTag(actor: Actor, ownerId: string, input: unknown) {
    requireStaff(actor);
    const { tag } = parseInput(tagSchema, input);
    await requireProfile(ownerId);
    await db
      .update(ownerProfiles)
      .set({ tags: sql`array_remove(${ownerProfiles.tags}, ${tag}::text)`, updatedAt: ctx.clock.now() })
      .where(eq(ownerProfiles.ownerId, ownerId));
    return { ownerId, tags: (await requireProfile(ownerId)).tags };
  }

  /** Everything the owner paid, less what was given back, IVA included (never below zero). */
  async function calculateLtv(actor: Actor, ownerId: string) {
    requireStaff(actor);
    await requireProfile(ownerId);
    const [row] = await db
      .select({ total: sql<string>`greatest(coalesce(sum(${ownerSpend.amount}), 0), 0)::numeric(12,2)::text` })
      .from(ownerSpend)
      .where(eq(ownerSpend.ownerId, ownerId));
    return { ownerId, lifetimeValue: row!.total };
  }

  async function setMarketingConsent(actor: Actor, ownerId: string, input: unknown) {
    requireStaff(actor);
    await recordMarketingConsent(ownerId, input);
  }

  /**
   * Consent given or withdrawn, with its source, announced (`marketing_consent_changed`) in the same
   * transaction. Callers check who may change it: staff here, the owner themselves in marketing's portal page.
   */
  async function recordMarketingConsent(ownerId: string, input: unknown) {
    const data = parseInput(consentSchema, input);
    await requireProfile(ownerId);
    const at = ctx.clock.now();
    await db.transaction(async (tx) => {
      await tx
        .update(ownerProfiles)
        .set({ marketingConsent: data.consent, marketingConsentAt: at, marketingConsentSource: data.source, updatedAt: at })
        .where(eq(ownerProfiles.ownerId, ownerId));
      await ctx.events.emit(tx, marketingConsentChanged, { ownerId, granted: data.consent, source: data.source, at: at.toISOString() });
    });
  }

  /** For marketing (the port): what personalises a message (name, contact, consent, active pets and their next vaccine). */
  async function marketingFacts(ownerIds: string[]) {
    if (ownerIds.length === 0) return [];
    const owners = await db
      .select({
        ownerId: ownerProfiles.ownerId,
        name: ownerProfiles.name,
        email: ownerProfiles.email,
        phone: ownerProfiles.phone,
        preferredLanguage: ownerProfiles.preferredLanguage,
        preferredChannel: ownerProfiles.preferredChannel,
        marketingConsent: ownerProfiles.marketingConsent,
        marketingConsentAt: ownerProfiles.marketingConsentAt,
        marketingConsentSource: ownerProfiles.marketingConsentSource,
      })
      .from(ownerProfiles)
      .where(inArray(ownerProfiles.ownerId, ownerIds));
    const pets = await db
      .select({
        petId: crmPets.petId,
        ownerId: crmPets.ownerId,
        name: crmPets.name,
        species: crmPets.species,
        dateOfBirth: crmPets.dateOfBirth,
        nextVaccineName: crmPets.nextVaccineName,
        nextVaccineDue: crmPets.nextVaccineDue,
      })
      .from(crmPets)
      .where(and(inArray(crmPets.ownerId, ownerIds), eq(crmPets.isActive, true)))
      .orderBy(asc(crmPets.name));
    return owners.map((o) => ({ ...o, pets: pets.filter((p) => p.ownerId === o.ownerId) }));
  }

  /** For marketing's birthday sequence (the port): consenting owners' active pets born on this month and day (MM-DD). */
  async function petsBornOn(monthDay: string) {
    return db
      .select({ ownerId: crmPets.ownerId, petId: crmPets.petId })
      .from(crmPets)
      .innerJoin(ownerProfiles, eq(ownerProfiles.ownerId, crmPets.ownerId))
      .where(and(eq(crmPets.isActive, true), eq(ownerProfiles.marketingConsent, true), sql`to_char(${crmPets.dateOfBirth}, 'MM-DD') = ${monthDay}`));
  }

  /** Staff log a call (or a message sent by hand) with its outcome, sentiment and, if needed, a follow-up date. */
  async function logInteraction(actor: Actor, ownerId: string, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(interactionSchema, input);
    await requireProfile(ownerId);
    const [row] = await db
      .insert(ownerInteractions)
      .values({
        ownerId,
        petId: data.petId ?? null,
        interactionType: data.interactionType,
        direction: data.interactionType === 'call_in' ? 'inbound' : 'outbound',
        subject: data.subject,
        summary: data.summary,
        outcome: data.outcome,
        sentiment: data.sentiment ?? null,
        requiresFollowUp: !!data.followUpDate,
        followUpDate: data.followUpDate ?? null,
        handledBy: staff.userId,
        occurredAt: ctx.clock.now(),
      })
      .returning();
    return (await withNames([row!]))[0]!;
  }

  async function completeFollowUp(actor: Actor, interactionId: number) {
    requireStaff(actor);
    const [row] = await db
      .update(ownerInteractions)
      .set({ followUpCompleted: true })
      .where(and(eq(ownerInteractions.id, interactionId), eq(ownerInteractions.requiresFollowUp, true)))
      .returning({ id: ownerInteractions.id });
    if (!row) throw new NotFoundError('crm.follow_up_not_found', 'No open follow-up with this id.');
  }

  /** Follow-ups due on a day (today by default) or earlier and not done yet, oldest first. */
  async function followUpsDue(actor: Actor, input: unknown = {}) {
    requireStaff(actor);
    const on = parseInput(followUpQuerySchema, input).on ?? today();
    const rows = await db
      .select({ ...getTableColumns(ownerInteractions), ownerName: ownerProfiles.name })
      .from(ownerInteractions)
      .innerJoin(ownerProfiles, eq(ownerProfiles.ownerId, ownerInteractions.ownerId))
      .where(and(eq(ownerInteractions.requiresFollowUp, true), eq(ownerInteractions.followUpCompleted, false), lte(ownerInteractions.followUpDate, on)))
      .orderBy(asc(ownerInteractions.followUpDate), asc(ownerInteractions.id))
      .limit(200);
    return withNames(rows);
  }

  return {
    getProfile,
    searchCustomers,
    addNote,
    addTag,
    removeTag,
    calculateLtv,
    setMarketingConsent,
    recordMarketingConsent,
    marketingFacts,
    petsBornOn,
    logInteraction,
    completeFollowUp,
    followUpsDue,
    today,
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
