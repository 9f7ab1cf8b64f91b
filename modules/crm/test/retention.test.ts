import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { type Actor, addLocalDays } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petVisits } from '../src/crm.tables';
import { crmModule } from '../src/index';
import { RETENTION_OFFSETS } from '../src/insights.service';
import { crmOf } from '../src/testing';

/** The test platform's clock is 2026-03-10. */
const TODAY = '2026-03-10';
const OWNERS = 12;

interface Visit {
  owner: number;
  petId: number;
  visitDate: string;
}
const visitArb = fc.record({
  owner: fc.integer({ min: 0, max: OWNERS - 1 }),
  petId: fc.integer({ min: 1, max: 30 }),
  // Up to 20 months back, and a few days ahead (booked, not yet a visit: not counted).
  visitDate: fc.integer({ min: -610, max: 20 }).map((n) => addLocalDays(TODAY, n)),
});
const visitsArb = fc.uniqueArray(visitArb, { maxLength: 80, selector: (v) => `${v.petId}|${v.visitDate}` });

/** The same figures, by walking the visits in code with calendar arithmetic on dates. */
function expected(visits: Visit[], months: number) {
  const past = visits.filter((v) => v.visitDate <= TODAY);
  const first = new Map<number, string>();
  for (const v of past) {
    const month = v.visitDate.slice(0, 7);
    if (!first.has(v.owner) || month < first.get(v.owner)!) first.set(v.owner, month);
  }
  const plus = (month: string, k: number) => {
    const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + k, 1));
    return d.toISOString().slice(0, 7);
  };
  const oldest = plus(TODAY.slice(0, 7), -(months - 1));
  const cohorts = [...new Set(first.values())].filter((m) => m >= oldest).sort();
  return cohorts.map((month) => {
    const members = [...first].filter(([, m]) => m === month).map(([owner]) => owner);
    return {
      month,
      owners: members.length,
      returned: RETENTION_OFFSETS.map((k) => {
        const target = plus(month, k);
        if (target > TODAY.slice(0, 7)) return null;
        return members.filter((o) => past.some((v) => v.owner === o && v.visitDate.startsWith(target))).length;
      }),
    };
  });
}

let platform: TestPlatform;
let desk: Actor;
let ids: string[];

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, crmModule]);
  desk = (await StaffFactory(platform, 'receptionist')).actor;
  ids = [];
  for (let i = 0; i < OWNERS; i++) ids.push((await OwnerFactory(platform)).user.id);
  await crmOf(platform);
});
afterAll(async () => platform?.close());

describe('retention by first-visit cohort', () => {
  it('counts, per cohort month, the owners back 1, 2, 3, 6 and 12 months later as code does on random visits', async () => {
    const crm = await crmOf(platform);
    await fc.assert(
      fc.asyncProperty(visitsArb, fc.integer({ min: 1, max: 24 }), async (visits, months) => {
        await platform.ctx.db.delete(petVisits);
        if (visits.length)
          await platform.ctx.db.insert(petVisits).values(visits.map((v) => ({ ownerId: ids[v.owner]!, petId: v.petId, visitDate: v.visitDate })));
        const found = await crm.insights.getInsights(desk, { type: 'retention', months });
        expect(found).toEqual({ type: 'retention', offsets: RETENTION_OFFSETS, cohorts: expected(visits, months) });
      }),
      { numRuns: 40, seed: 15 },
    );
  });

  it('puts an owner in the month of their first visit and counts a month with two visits once', async () => {
    const crm = await crmOf(platform);
    await platform.ctx.db.delete(petVisits);
    await platform.ctx.db.insert(petVisits).values([
      { ownerId: ids[0]!, petId: 1, visitDate: '2025-12-03' },
      { ownerId: ids[0]!, petId: 1, visitDate: '2026-01-05' },
      { ownerId: ids[0]!, petId: 2, visitDate: '2026-01-20' },
      { ownerId: ids[1]!, petId: 3, visitDate: '2025-12-31' },
      { ownerId: ids[1]!, petId: 3, visitDate: '2026-03-01' },
    ]);
    const found = await crm.insights.getInsights(desk, { type: 'retention', months: 4 });
    expect(found).toEqual({ type: 'retention', offsets: [1, 2, 3, 6, 12], cohorts: [{ month: '2025-12', owners: 2, returned: [1, 0, 1, null, null] }] });
  });
});
