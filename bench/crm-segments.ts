import { fileURLToPath } from 'node:url';
import { migrateDatabase, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { segmentQuery } from '../modules/crm/src/segments/compile';
import { type RuleGroup, ruleGroupSchema } from '../modules/crm/src/segments/rules';
import { createBenchStore } from './database';
import { percentile, table } from './measure';

/**
 * `npx tsx bench/crm-segments.ts`: segment counts over BENCH_CRM_OWNERS (50,000) customers with 1.5 pets
 * and 3 payments each, written straight into the CRM's tables (as its events would leave them), then
 * each segment's count timed BENCH_RUNS (20) times after 3 warm-ups. The house budget is 500 ms.
 * BENCH_DATABASE_URL: a PostgreSQL server instead of PGlite.
 */
const OWNERS = Number(process.env.BENCH_CRM_OWNERS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TODAY = '2026-03-10';
const BUDGET_MS = 500;
const MIGRATIONS = fileURLToPath(new URL('../apps/server/migrations', import.meta.url));

const SEGMENTS: Record<string, RuleGroup> = {
  'dogs, no visit for a year': {
    match: 'all',
    conditions: [
      { field: 'species', in: ['dog'] },
      { field: 'daysSinceLastVisit', min: 365, includeNever: false },
    ],
  },
  'vaccine overdue, marketing consent': {
    match: 'all',
    conditions: [
      { field: 'vaccineOverdue', value: true },
      { field: 'marketingConsent', value: true },
    ],
  },
  'spent 5,000 in a year, WhatsApp': {
    match: 'all',
    conditions: [
      { field: 'spend', periodDays: 365, min: '5000' },
      { field: 'preferredChannel', in: ['whatsapp'] },
    ],
  },
  'senior cats or tagged vip in 06xxx': {
    match: 'any',
    conditions: [
      {
        match: 'all',
        conditions: [
          { field: 'species', in: ['cat'] },
          { field: 'petAgeYears', min: 10 },
        ],
      },
      {
        match: 'all',
        conditions: [
          { field: 'tag', has: 'vip' },
          { field: 'postalCode', prefix: '06' },
        ],
      },
    ],
  },
  everyone: { match: 'all', conditions: [] },
};

const store = await createBenchStore();
try {
  console.log(`CRM segment bench — ${store.label}, ${OWNERS} owners, ${RUNS} runs per segment`);
  const database = await store.open();
  await migrateDatabase(database, MIGRATIONS);
  const db = database.db;
  let t = performance.now();
  await database.exec(`
    insert into accounts.users (name, email, role)
      select 'Cliente ' || i, 'cliente' || i || '@bench.mx', 'owner' from generate_series(1, ${OWNERS}) i;
    insert into crm.owner_profiles (owner_id, name, email, phone, postal_code, preferred_language, preferred_channel, marketing_consent,
                                    tier, lifetime_value, visit_count, last_visit_date, churn_risk, tags, registered_at)
      select u.id, u.name, u.email, '55' || lpad((n * 7919 % 100000000)::text, 8, '0'),
             lpad(((n * 37) % 16000 + 1000)::text, 5, '0'),
             (array['es','es','es','en'])[n % 4 + 1], (array['whatsapp','whatsapp','sms','email'])[n % 4 + 1], n % 5 < 3,
             (array['new','regular','regular','vip','premium'])[n % 5 + 1], (n % 400) * 50, n % 12,
             case when n % 10 = 0 then null else date '${TODAY}' - (n * 7919 % 1400)::int end,
             (array['low','medium','high'])[n % 3 + 1], case when n % 7 = 0 then array['vip'] else '{}'::text[] end,
             timestamptz '2021-01-01' + (n * 7919 % 1900)::int * interval '1 day'
      from (select id, name, email, row_number() over (order by email) as n from accounts.users) u;
    insert into crm.pets (pet_id, owner_id, name, species, breed, date_of_birth, is_active, next_vaccine_name, next_vaccine_due)
      select row_number() over (), p.owner_id, 'Mascota', (array['dog','dog','cat','bird'])[(p.id + g) % 4 + 1], (array['Mestizo','Labrador','Siamés','Poodle'])[(p.id * 3 + g) % 4 + 1],
             date '${TODAY}' - ((p.id * 131 + g * 17) % 6000), (p.id + g) % 20 <> 0, 'Rabia', date '${TODAY}' + ((p.id * 53 + g) % 500 - 250)
      from crm.owner_profiles p, generate_series(1, 2) g where g = 1 or p.id % 2 = 0;
    insert into crm.owner_spend (owner_id, source_ref, amount, occurred_on)
      select p.owner_id, 'payment:' || p.id || ':' || g, ((p.id * 97 + g * 31) % 4000) + 0.50, date '${TODAY}' - ((p.id * 13 + g * 101) % 730)
      from crm.owner_profiles p, generate_series(1, 3) g;
    analyze;
  `);
  const [sizes] = await rows<{ owners: number; pets: number; spend: number }>(
    db,
    sql`select (select count(*) from crm.owner_profiles)::int as owners, (select count(*) from crm.pets)::int as pets, (select count(*) from crm.owner_spend)::int as spend`,
  );
  console.log(`Data: ${sizes!.owners} profiles, ${sizes!.pets} pets, ${sizes!.spend} payments, written in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  const results: string[][] = [];
  let over = 0;
  for (const [label, rules] of Object.entries(SEGMENTS)) {
    const query = segmentQuery(ruleGroupSchema.parse(rules), TODAY);
    const count = sql`select count(*)::int as n from (${query}) m`;
    let members = 0;
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      t = performance.now();
      members = (await rows<{ n: number }>(db, count))[0]!.n;
      if (i >= 3) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    if (p95 > BUDGET_MS) over++;
    results.push([label, String(members), percentile(times, 0.5).toFixed(1), p95.toFixed(1), p95 > BUDGET_MS ? 'over budget' : 'ok']);
  }
  console.log(table(['segment', 'members', 'p50 ms', 'p95 ms', `≤ ${BUDGET_MS} ms`], results, 'lrrrl'));
  await database.close();
  process.exitCode = over ? 1 : 0;
} finally {
  await store.cleanup();
}
