import { rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
/**
 * `npm run bench:search`: do searches stay flat as the clinic grows? The demo clinic (BENCH_OWNERS,
 * default 200 owners, as `npm start` seeds it) is grown to each of BENCH_SCALES (default 1,10,100) times
 * its owners, pets and phone numbers by copying them (same names, so a common surname matches ten
 * times the owners at 10×), and at each size the searches are timed in turn with a bare Fastify route
 * (p50 as ×bare, and as a multiple of the same search at the first size). The plans of the searching
 * statements are printed at the largest size. BENCH_DATABASE_URL: on a PostgreSQL server instead of PGlite.
 */
import { pino } from 'pino';
import { bootPlatform } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { seedDemo } from '../apps/server/src/demo/seed';
import { buildApp } from '../apps/server/src/http/app';
import { createBenchStore } from './database';
import { explain } from './explain';
import { authFor, commonSurname } from './fixtures';
import { fmtMs, fmtRatio, measure, type Result, table } from './measure';
import { installQueryCounter } from './query-counter';

const OWNERS = Number(process.env.BENCH_OWNERS ?? 200);
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
/** The statements whose plans decide a search's speed. */
const SEARCHING = /similarity|<->|\blike\b|<>/i;

const log = (line: string) => console.log(line);
const store = await createBenchStore();
try {
  log(`Search bench — ${store.label}, ${OWNERS} owners at 1×, scales ${SCALES.join(', ')}, ${RUNS} runs after ${WARMUP} warm-ups`);
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn', PORT: '3999' });
  const database = await store.open();
  const platform = await bootPlatform(config, pino({ level: 'warn' }), database, { worker: false });
  await seedDemo(platform, { owners: OWNERS, progress: false });
  const surname = (await commonSurname(platform)).surname;
  const [{ name: petName }] = await rows<{ name: string }>(
    platform.ctx.db,
    sql`select name from vet_clinic.pets group by name order by count(*) desc, name limit 1`,
  );
  const auth = authFor(platform);
  const api = await auth.bearer('vet@petfriendly.mx');
  const page = await auth.session('vet@petfriendly.mx');
  const q = encodeURIComponent(surname);
  const probes = [
    { label: `API  pets ?query=${surname}`, url: `/api/v1/pets?query=${q}`, headers: api },
    { label: `API  pets ?query=${petName}`, url: `/api/v1/pets?query=${encodeURIComponent(petName!)}`, headers: api },
    { label: `API  owners ?query=${surname}`, url: `/api/v1/owners?query=${q}`, headers: api },
    { label: 'API  owners ?query=5512 (phone)', url: '/api/v1/owners?query=5512', headers: api },
    { label: 'API  staff', url: '/api/v1/staff', headers: api },
    { label: 'API  store ?query=croqeta', url: '/api/v1/store/products?query=croqeta', headers: api },
    { label: `HTML /admin/search?q=${surname}`, url: `/admin/search?q=${q}`, headers: page },
  ];

  const app = await buildApp(platform, config, { logger: false });
  await app.ready();
  const bareApp = Fastify();
  bareApp.get('/bare', async () => ({ ok: true }));
  await bareApp.ready();
  const bare = () => bareApp.inject({ method: 'GET', url: '/bare' });
  const counter = installQueryCounter(database);

  const byScale = new Map<number, Result[]>();
  for (const scale of SCALES) {
    const sizes = await growTo(platform.ctx.db, scale);
    log(`\n${scale}×: ${sizes.owners} owners, ${sizes.pets} pets`);
    const results: Result[] = [];
    for (const probe of probes) results.push(await measure(app, counter, probe, { warmup: WARMUP, runs: RUNS, trace: false, bare }));
    byScale.set(scale, results);
    log(
      table(
        ['request', 'p50 ms', 'p50 ×bare'],
        results.map((r) => [r.label, fmtMs(r.p50), fmtRatio(r.p50, r.bareP50)]),
      ),
    );
  }

  const first = byScale.get(SCALES[0]!)!;
  log(`\np50 as a multiple of the bare route, and of the same search at ${SCALES[0]}× (flat = about 1):\n`);
  log(
    table(
      ['request', ...SCALES.map((s) => `${s}× ×bare`), ...SCALES.slice(1).map((s) => `${s}×/${SCALES[0]}×`)],
      probes.map((p, i) => [
        p.label,
        ...SCALES.map((s) => fmtRatio(byScale.get(s)![i]!.p50, byScale.get(s)![i]!.bareP50)),
        ...SCALES.slice(1).map((s) => {
          const r = byScale.get(s)![i]!;
          // Each as ×bare of its own run, so a machine busier in one round does not count.
          return `${(r.p50 / r.bareP50 / (first[i]!.p50 / first[i]!.bareP50)).toFixed(2)}`;
        }),
      ]),
    ),
  );

  log(`\nPlans of the searching statements at ${SCALES.at(-1)}× (EXPLAIN):\n`);
  for (const r of byScale.get(SCALES.at(-1)!)!) {
    for (const statement of r.statements.filter((s) => SEARCHING.test(s.sql))) {
      log(`-- ${r.label}\n   ${statement.sql.replace(/\s+/g, ' ').slice(0, 240)}`);
      log(`${(await explain(database, statement)).map((l) => `   ${l}`).join('\n')}\n`);
    }
  }
  counter.uninstall();
  await bareApp.close();
  await app.close();
  await platform.close();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  await store.cleanup();
}

/**
 * Copies the demo's owners (with their phone numbers) and their pets until there are `scale` times as
 * many: copy k of an owner has the same name and the email `<email>.<k>.copy`; copied pets have no microchip.
 */
async function growTo(db: Parameters<typeof rows>[0], scale: number) {
  const [{ copies }] = await rows<{ copies: number }>(
    db,
    sql`select count(*) filter (where email like '%.copy')::int / greatest(count(*) filter (where email not like '%.copy'), 1) + 1 as copies from accounts.users where role = 'owner'`,
  );
  if (scale > copies!) {
    const from = copies!;
    const to = scale - 1;
    await db.execute(sql`
      insert into accounts.users (name, email, role, email_verified)
      select u.name, u.email || '.' || k || '.copy', 'owner', true
      from accounts.users u, generate_series(${from}::int, ${to}::int) k
      where u.role = 'owner' and u.email not like '%.copy'`);
    await db.execute(sql`
      insert into accounts.owner_profiles (user_id, phone, address)
      select c.id, p.phone, p.address
      from accounts.owner_profiles p join accounts.users o on o.id = p.user_id
      cross join generate_series(${from}::int, ${to}::int) k
      join accounts.users c on c.email = o.email || '.' || k || '.copy'`);
    await db.execute(sql`
      insert into vet_clinic.pets (owner_id, name, species, breed, color, date_of_birth, gender, is_neutered, weight_kg, is_active, is_deceased)
      select c.id, p.name, p.species, p.breed, p.color, p.date_of_birth, p.gender, p.is_neutered, p.weight_kg, p.is_active, p.is_deceased
      from vet_clinic.pets p join accounts.users o on o.id = p.owner_id
      cross join generate_series(${from}::int, ${to}::int) k
      join accounts.users c on c.email = o.email || '.' || k || '.copy'
      where o.email not like '%.copy'`);
    for (const table of ['accounts.users', 'accounts.owner_profiles', 'vet_clinic.pets']) await db.execute(sql.raw(`analyze ${table}`));
  }
  const [sizes] = await rows<{ owners: number; pets: number }>(
    db,
    sql`select (select count(*) from accounts.users where role = 'owner')::int as owners, (select count(*) from vet_clinic.pets)::int as pets`,
  );
  return sizes!;
}
