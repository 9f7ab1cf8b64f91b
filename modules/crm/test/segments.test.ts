import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { type Actor, addLocalDays, daysBetween, money, rows } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, CHURN_RISKS, crmPets, ownerProfiles, ownerSpend, TIERS } from '../src/crm.tables';
import { crmModule } from '../src/index';
import { segmentQuery } from '../src/segments/compile';
import { type Condition, type Group, isGroup, type RuleGroup, ruleGroupSchema } from '../src/segments/rules';
import { crmOf } from '../src/testing';

const TODAY = '2026-03-10';
const OWNERS = 40;
const SPECIES = ['dog', 'cat', 'bird'] as const;
const BREEDS = ['Labrador', 'Mestizo', 'Siamés', 'Poodle'] as const;
const TAGS = ['vip', 'felinos', 'urgente'] as const;
const LANGS = ['es', 'en'] as const;
const POSTAL = ['06700', '06100', '03100', '44100'] as const;

interface PetRow {
  species: string;
  breed: string;
  dateOfBirth: string | null;
  isActive: boolean;
  nextVaccineDue: string | null;
}
interface OwnerRow {
  ownerId: string;
  tier: (typeof TIERS)[number];
  lastVisitDate: string | null;
  visitCount: number;
  churnRisk: (typeof CHURN_RISKS)[number] | null;
  tags: string[];
  preferredLanguage: string;
  preferredChannel: (typeof CHANNELS)[number];
  marketingConsent: boolean;
  postalCode: string | null;
  registeredOn: string;
  pets: PetRow[];
  spend: { amount: string; occurredOn: string }[];
}

const day = (min: number, max: number) => fc.integer({ min, max }).map((n) => addLocalDays(TODAY, n));
const petArb = fc.record({
  species: fc.constantFrom(...SPECIES),
  breed: fc.constantFrom(...BREEDS),
  dateOfBirth: fc.option(day(-16 * 365, 0), { nil: null }),
  isActive: fc.boolean(),
  nextVaccineDue: fc.option(day(-200, 200), { nil: null }),
});
const ownerArb = fc.record({
  tier: fc.constantFrom(...TIERS),
  lastVisitDate: fc.option(day(-1000, 0), { nil: null }),
  visitCount: fc.integer({ min: 0, max: 20 }),
  churnRisk: fc.option(fc.constantFrom(...CHURN_RISKS), { nil: null }),
  tags: fc.subarray([...TAGS]),
  preferredLanguage: fc.constantFrom(...LANGS),
  preferredChannel: fc.constantFrom(...CHANNELS),
  marketingConsent: fc.boolean(),
  postalCode: fc.option(fc.constantFrom(...POSTAL), { nil: null }),
  registeredOn: day(-80, 0),
  pets: fc.array(petArb, { maxLength: 3 }),
  spend: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 500_000 }).map((c) => money(c).div(100).toFixed(2)), occurredOn: day(-800, 0) }), {
    maxLength: 4,
  }),
});

const range = { min: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }), max: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }) };
const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constant('species' as const), in: fc.subarray([...SPECIES], { minLength: 1 }) }),
  fc.record({ field: fc.constant('breed' as const), contains: fc.constantFrom('lab', 'MESTI', 'siam', 'oo', 'x') }),
  fc.record({
    field: fc.constant('petAgeYears' as const),
    min: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
  }),
  fc.record({ field: fc.constant('vaccineOverdue' as const), value: fc.boolean() }),
  fc.record({ field: fc.constant('daysSinceLastVisit' as const), ...range, includeNever: fc.boolean() }),
  fc.record({
    field: fc.constant('visitCount' as const),
    min: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  }),
  fc.record({
    field: fc.constant('spend' as const),
    periodDays: fc.integer({ min: 1, max: 900 }),
    min: fc.option(fc.constantFrom('0', '100.50', '2500', '6000.00'), { nil: undefined }),
    max: fc.option(fc.constantFrom('0', '1000', '4999.99'), { nil: undefined }),
  }),
  fc.record({ field: fc.constant('tier' as const), in: fc.subarray([...TIERS], { minLength: 1 }) }),
  fc.record({ field: fc.constant('churnRisk' as const), in: fc.subarray([...CHURN_RISKS], { minLength: 1 }) }),
  fc.record({ field: fc.constant('tag' as const), has: fc.constantFrom(...TAGS, 'nadie') }),
  fc.record({ field: fc.constant('language' as const), in: fc.subarray(['es', 'en', 'de'] as ('es' | 'en' | 'de')[], { minLength: 1 }) }),
  fc.record({ field: fc.constant('preferredChannel' as const), in: fc.subarray([...CHANNELS], { minLength: 1 }) }),
  fc.record({ field: fc.constant('marketingConsent' as const), value: fc.boolean() }),
  fc.record({ field: fc.constant('postalCode' as const), prefix: fc.constantFrom('0', '06', '067', '44100', '9') }),
);
const matchArb = fc.constantFrom('all' as const, 'any' as const);
const innerArb = fc.record({ match: matchArb, conditions: fc.array(conditionArb, { maxLength: 4 }) });
const groupArb: fc.Arbitrary<RuleGroup> = fc.record({ match: matchArb, conditions: fc.array(fc.oneof(conditionArb, innerArb), { maxLength: 4 }) });

// ---- The same rules, written in plain code over the rows -------------------------------------------

/** `date - n years` as PostgreSQL computes it (29 February becomes 28 February). */
function minusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
const within = (n: number, c: { min?: number; max?: number }) => (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);

function holds(c: Condition, o: OwnerRow): boolean {
  const pets = o.pets.filter((p) => p.isActive);
  switch (c.field) {
    case 'species':
      return pets.some((p) => c.in.includes(p.species));
    case 'breed':
      return pets.some((p) => p.breed.toLowerCase().includes(c.contains.toLowerCase()));
    case 'petAgeYears':
      return pets.some(
        (p) =>
          p.dateOfBirth !== null &&
          (c.min === undefined || p.dateOfBirth <= minusYears(TODAY, c.min)) &&
          (c.max === undefined || p.dateOfBirth > minusYears(TODAY, c.max + 1)),
      );
    case 'vaccineOverdue':
      return pets.some((p) => p.nextVaccineDue !== null && p.nextVaccineDue < TODAY) === c.value;
    case 'daysSinceLastVisit':
      return o.lastVisitDate === null ? c.includeNever : within(daysBetween(o.lastVisitDate, TODAY), c);
    case 'visitCount':
      return within(o.visitCount, c);
    case 'spend': {
      const from = addLocalDays(TODAY, -c.periodDays);
      const spent = o.spend.filter((s) => s.occurredOn > from && s.occurredOn <= TODAY).reduce((sum, s) => sum.plus(s.amount), money(0));
      return (c.min === undefined || spent.gte(c.min)) && (c.max === undefined || spent.lte(c.max));
    }
    case 'tier':
      return c.in.includes(o.tier);
    case 'churnRisk':
      return o.churnRisk !== null && c.in.includes(o.churnRisk);
    case 'tag':
      return o.tags.includes(c.has);
    case 'language':
      return (c.in as string[]).includes(o.preferredLanguage);
    case 'preferredChannel':
      return c.in.includes(o.preferredChannel);
    case 'marketingConsent':
      return o.marketingConsent === c.value;
    case 'postalCode':
      return o.postalCode?.startsWith(c.prefix) ?? false;
  }
}
function matches(g: Group, o: OwnerRow): boolean {
  if (g.conditions.length === 0) return true;
  const results = g.conditions.map((c) => (isGroup(c) ? matches(c, o) : holds(c, o)));
  return g.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

// -----------------------------------------------------------------------------------------------------

let platform: TestPlatform;
let desk: Actor;
let owners: OwnerRow[];

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, crmModule]);
  desk = (await StaffFactory(platform, 'receptionist')).actor;
  const ids: string[] = [];
  for (let i = 0; i < OWNERS; i++) ids.push((await OwnerFactory(platform)).user.id);
  await crmOf(platform);
  const data = fc.sample(ownerArb, { numRuns: OWNERS, seed: 20260310 });
  owners = data.map((d, i) => ({ ...d, ownerId: ids[i]! }));
  let petId = 1;
  for (const o of owners) {
    const { pets, spend, ownerId, registeredOn, ...profile } = o;
    await platform.ctx.db
      .update(ownerProfiles)
      .set({ ...profile, registeredAt: new Date(`${registeredOn}T17:00:00Z`) })
      .where(eq(ownerProfiles.ownerId, ownerId));
    for (const p of pets) await platform.ctx.db.insert(crmPets).values({ ...p, petId: petId++, ownerId, name: `Pet ${petId}` });
    for (const [n, s] of spend.entries()) await platform.ctx.db.insert(ownerSpend).values({ ...s, ownerId, sourceRef: `test:${ownerId.slice(0, 8)}:${n}` });
  }
});
afterAll(async () => platform?.close());

describe('segment rules compiled to SQL', () => {
  it('select exactly the owners the same rules select in plain code, on random data and random rules', async () => {
    await fc.assert(
      fc.asyncProperty(groupArb, async (rules) => {
        const parsed = ruleGroupSchema.parse(rules);
        const found = await rows<{ owner_id: string }>(platform.ctx.db, segmentQuery(parsed, TODAY));
        const expected = owners.filter((o) => matches(parsed, o)).map((o) => o.ownerId);
        expect(found.map((r) => r.owner_id).sort()).toEqual(expected.sort());
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('keeps every value a parameter: a hostile value is data, not SQL', async () => {
    const query = segmentQuery({ match: 'all', conditions: [{ field: 'breed', contains: "x') or true --" }] }, TODAY);
    expect(await rows(platform.ctx.db, query)).toEqual([]);
  });
});

describe('SegmentService', () => {
  it('creates a dynamic segment with its count and the time it took, a static one frozen, and finds either by name', async () => {
    const crm = await crmOf(platform);
    const rules: RuleGroup = { match: 'all', conditions: [{ field: 'marketingConsent', value: true }] };
    const consenting = owners.filter((o) => o.marketingConsent).length;
    const dynamic = await crm.segments.createSegment(desk, { name: 'Aceptan publicidad', rules });
    expect(dynamic).toMatchObject({ memberCount: consenting, isDynamic: true, slug: 'aceptan-publicidad' });
    expect(dynamic.lastDurationMs).toBeGreaterThanOrEqual(0);
    const frozen = await crm.segments.createSegment(desk, { name: 'Publicidad (marzo)', rules, isDynamic: false });
    expect(frozen.frozenAt).not.toBeNull();

    // One more owner consents: the dynamic segment follows on its next count, the static one stays as it was.
    const other = owners.find((o) => !o.marketingConsent)!;
    await platform.ctx.db.update(ownerProfiles).set({ marketingConsent: true }).where(eq(ownerProfiles.ownerId, other.ownerId));
    await crm.segments.recountDynamic();
    const again = await crm.segments.getSegment(desk, { segmentName: 'Aceptan publicidad' }, { pageSize: 100 });
    expect(again.segment.memberCount).toBe(consenting + 1);
    expect(again.members.items.map((m) => m.ownerId)).toContain(other.ownerId);
    const still = await crm.segments.getSegment(desk, { segmentId: frozen.id }, { pageSize: 100 });
    expect(still.members.items.map((m) => m.ownerId)).not.toContain(other.ownerId);
    expect((await crm.segments.segmentAudience(frozen.id)).every((a) => a.marketingConsent)).toBe(true);

    const bySegment = await crm.customers.searchCustomers(desk, { segment: String(frozen.id), pageSize: 100 });
    expect(bySegment.items).toHaveLength(consenting);
    await expect(crm.segments.createSegment(desk, { name: 'Aceptan  publicidad', rules })).rejects.toMatchObject({ code: 'crm.segment_exists' });
    await expect(crm.segments.previewSegment(desk, { rules: { match: 'all', conditions: [{ field: 'postalCode', prefix: 'abc' }] } })).rejects.toMatchObject({
      statusCode: 422,
    });
  });

  it('gives insights: activity, churn distribution and new owners per month', async () => {
    const crm = await crmOf(platform);
    const activity = await crm.insights.getInsights(desk, { type: 'activity' });
    expect(activity.rows.map((r) => r.label)).toEqual(['active', 'lapsing', 'lapsed', 'never']);
    expect(activity.rows.reduce((n, r) => n + r.value, 0)).toBe(OWNERS);
    const churn = await crm.insights.getInsights(desk, { type: 'churn' });
    expect(churn.rows.find((r) => r.label === 'high')!.value).toBe(owners.filter((o) => o.churnRisk === 'high').length);
    const months = await crm.insights.getInsights(desk, { type: 'new_owners', months: 3 });
    const count = (month: string) => owners.filter((o) => o.registeredOn.startsWith(month)).length;
    expect(months.rows).toEqual(['2026-01', '2026-02', '2026-03'].map((label) => ({ label, value: count(label) })));
    expect(months.rows.reduce((n, r) => n + r.value, 0)).toBe(OWNERS - count('2025-12'));
  });

  it('AI tools: staff find customers and count rules or a saved segment; an owner may not', async () => {
    const tools = platform.ctx.tools;
    expect(tools.getToolsForUser(desk).map((t) => t.function.name)).toEqual(expect.arrayContaining(['crm_find_customers', 'crm_count_segment']));
    const vip = { match: 'all', conditions: [{ field: 'tier', in: ['vip'] }] };
    const counted = await tools.executeTool('crm_count_segment', { rules: vip }, desk);
    expect(counted).toMatchObject({ ok: true, data: { count: owners.filter((o) => o.tier === 'vip').length } });
    const saved = await tools.executeTool('crm_count_segment', { segmentName: 'Publicidad (marzo)' }, desk);
    expect(saved).toMatchObject({ ok: true, data: { segment: 'Publicidad (marzo)', count: owners.filter((o) => o.marketingConsent).length } });
    const found = await tools.executeTool('crm_find_customers', { tags: ['vip'] }, desk);
    expect(found.ok).toBe(true);
    const customers = (found as { data: { customers: { tags: string[] }[] } }).data.customers;
    expect(customers.length).toBe(Math.min(10, owners.filter((o) => o.tags.includes('vip')).length));
    expect(customers.every((c) => c.tags.includes('vip'))).toBe(true);
    const owner = (await OwnerFactory(platform)).actor;
    expect(await tools.executeTool('crm_find_customers', { query: 'a' }, owner)).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
  });
});
