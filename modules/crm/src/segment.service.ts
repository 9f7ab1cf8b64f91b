import {
  type Actor,
  ConflictError,
  foldForSearch,
  INT4_MAX,
  type ModuleContext,
  NotFoundError,
  pageOf,
  pageQuerySchema,
  parseInput,
  requireStaff,
  rows,
} from '@petfriendly/core';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { previewSchema, segmentInputSchema, segmentRefSchema } from './crm.schemas';
import { customerSegments, ownerProfiles } from './crm.tables';
import { summaryColumns } from './customer.service';
import { segmentQuery } from './segments/compile';
import { type RuleGroup, ruleGroupSchema } from './segments/rules';

type Segment = typeof customerSegments.$inferSelect;
const SAMPLE = 10;

export const slugOf = (name: string) =>
  foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200) || 'segmento';

/** The spec's SegmentService: segments from rules (one SQL query each), their members, counts and samples. */
export function createSegmentService(ctx: ModuleContext, today: () => string) {
  const { db } = ctx;

  /** The owner ids a segment holds: its rules now when dynamic, its frozen members when static. */
  function membersQuery(segment: Segment): SQL {
    return segment.isDynamic ? segmentQuery(segment.rules, today()) : sql`select owner_id from crm.segment_members where segment_id = ${segment.id}`;
  }

  async function find(input: { segmentId?: number; segmentName?: string }): Promise<Segment> {
    const where = input.segmentId
      ? eq(customerSegments.id, input.segmentId)
      : sql`${customerSegments.slug} = ${slugOf(input.segmentName ?? '')} or lower(${customerSegments.name}) = lower(${input.segmentName ?? ''})`;
    const [segment] = await db.select().from(customerSegments).where(where).limit(1);
    if (!segment) throw new NotFoundError('crm.segment_not_found', 'No segment with this id or name.');
    return segment;
  }

  async function timedCount(query: SQL) {
    const started = performance.now();
    const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (${query}) m`);
    return { count: row!.n, durationMs: Math.round(performance.now() - started) };
  }

  async function sampleOf(query: SQL, limit = SAMPLE) {
    return db
      .select(summaryColumns)
      .from(ownerProfiles)
      .where(sql`${ownerProfiles.ownerId} in (${query})`)
      .orderBy(desc(ownerProfiles.lifetimeValue), asc(ownerProfiles.name))
      .limit(limit);
  }

  /** What rules would select now: how many owners, how long the count took, and a sample. */
  async function previewSegment(actor: Actor, input: unknown) {
    requireStaff(actor);
    const { rules } = parseInput(previewSchema, input);
    const query = segmentQuery(rules, today());
    return { ...(await timedCount(query)), sample: await sampleOf(query) };
  }

  /** A new segment; a static one keeps the members its rules select today. */
  async function createSegment(actor: Actor, input: unknown) {
    requireStaff(actor);
    const data = parseInput(segmentInputSchema, input);
    const slug = slugOf(data.name);
    return db.transaction(async (tx) => {
      const [segment] = await tx
        .insert(customerSegments)
        .values({ name: data.name, slug, description: data.description, rules: data.rules, isDynamic: data.isDynamic })
        .onConflictDoNothing({ target: customerSegments.slug })
        .returning();
      if (!segment) throw new ConflictError('crm.segment_exists', `There is already a segment called ${data.name}.`);
      const query = segmentQuery(data.rules, today());
      if (!segment.isDynamic) await tx.execute(sql`insert into crm.segment_members (segment_id, owner_id) select ${segment.id}, m.owner_id from (${query}) m`);
      const counted = await timedCount(segment.isDynamic ? query : sql`select owner_id from crm.segment_members where segment_id = ${segment.id}`);
      const [saved] = await tx
        .update(customerSegments)
        .set({
          memberCount: counted.count,
          lastDurationMs: counted.durationMs,
          lastCalculated: ctx.clock.now(),
          frozenAt: segment.isDynamic ? null : ctx.clock.now(),
        })
        .where(eq(customerSegments.id, segment.id))
        .returning();
      return saved!;
    });
  }

  async function listSegments(actor: Actor) {
    requireStaff(actor);
    return db.select().from(customerSegments).where(eq(customerSegments.isActive, true)).orderBy(asc(customerSegments.name));
  }

  /** A segment and one page of its members. */
  async function getSegment(actor: Actor, ref: unknown, page: unknown = {}) {
    requireStaff(actor);
    const segment = await find(parseInput(segmentRefSchema, ref));
    const q = parseInput(pageQuerySchema, page);
    const members = await db
      .select(summaryColumns)
      .from(ownerProfiles)
      .where(sql`${ownerProfiles.ownerId} in (${membersQuery(segment)})`)
      .orderBy(asc(ownerProfiles.name), asc(ownerProfiles.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return { segment, members: pageOf(members, q) };
  }

  /** For the customer search: the owners of a segment named by id or slug. */
  async function segmentFilter(actor: Actor, segment: string): Promise<SQL> {
    requireStaff(actor);
    const asId = /^\d{1,10}$/.test(segment) ? Number(segment) : 0;
    const found = asId > 0 && asId <= INT4_MAX ? await find({ segmentId: asId }) : await find({ segmentName: segment });
    return membersQuery(found);
  }

  /** The job: every active dynamic segment counted again, with the time the count took. */
  async function recountDynamic() {
    const segments = await db
      .select()
      .from(customerSegments)
      .where(and(eq(customerSegments.isDynamic, true), eq(customerSegments.isActive, true)));
    for (const segment of segments) {
      const counted = await timedCount(membersQuery(segment));
      await db
        .update(customerSegments)
        .set({ memberCount: counted.count, lastDurationMs: counted.durationMs, lastCalculated: ctx.clock.now() })
        .where(eq(customerSegments.id, segment.id));
    }
    return segments.length;
  }

  /** For marketing (the port): who a segment reaches, on which channel, and whether they agreed to marketing. */
  async function segmentAudience(segmentId: number) {
    const segment = await find({ segmentId });
    return db
      .select({
        ownerId: ownerProfiles.ownerId,
        name: ownerProfiles.name,
        preferredChannel: ownerProfiles.preferredChannel,
        preferredLanguage: ownerProfiles.preferredLanguage,
        marketingConsent: ownerProfiles.marketingConsent,
        email: ownerProfiles.email,
        phone: ownerProfiles.phone,
      })
      .from(ownerProfiles)
      .where(sql`${ownerProfiles.ownerId} in (${membersQuery(segment)})`)
      .orderBy(asc(ownerProfiles.ownerId));
  }

  /** For marketing's sequences (the port): the consenting owners that rules select now. */
  async function consentingOwners(rules: RuleGroup): Promise<string[]> {
    const query = segmentQuery(parseInput(ruleGroupSchema, rules), today());
    const found = await db
      .select({ ownerId: ownerProfiles.ownerId })
      .from(ownerProfiles)
      .where(and(eq(ownerProfiles.marketingConsent, true), sql`${ownerProfiles.ownerId} in (${query})`));
    return found.map((r) => r.ownerId);
  }

  /** Counts rules select, for tools and reports that have rules but no saved segment. */
  async function countRules(actor: Actor, rules: RuleGroup) {
    requireStaff(actor);
    return timedCount(segmentQuery(parseInput(ruleGroupSchema, rules), today()));
  }

  return { previewSegment, createSegment, listSegments, getSegment, segmentFilter, recountDynamic, segmentAudience, consentingOwners, countRules };
}

export type SegmentService = ReturnType<typeof createSegmentService>;
