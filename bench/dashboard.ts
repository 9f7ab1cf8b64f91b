import { StaffFactory } from '@petfriendly/accounts/testing';
import type { Platform } from '@petfriendly/core';
import type { ReportsServices } from '@petfriendly/reports';
import { sql } from 'drizzle-orm';
/**
 * `npm run bench:dashboard`: the manager's dashboard over five years of a busy clinic. The reports'
 * tables are filled as their event handlers would have left them after five years (six vets, ~90
 * invoices and ~70 appointments a working day, 60 services and products sold, 25,000 owners and
 * 40,000 patients), then the dashboard is timed for each period: the service call and the page.
 * Settings: BENCH_RUNS (50), BENCH_WARMUP (5), BENCH_DATABASE_URL (PostgreSQL instead of PGlite).
 * Budget (issue 16): p95 under 300 ms for today, this week and this month (a custom year is printed, not budgeted).
 * A custom year reads its whole months from the monthly sums and only its odd days from the daily ones. On
 * PGlite, 10 runs on a machine shared with other builds (load ~35): before the monthly sums, the year's
 * service call took p50 2,424 ms / p95 5,299 ms; with them p50 974 ms / p95 1,146 ms. Still read row by row
 * (not additive over months, not profiled apart): the distinct patients and owners of the year's invoices,
 * for the year and its two comparisons.
 */
import { pino } from 'pino';
import { bootPlatform } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { buildApp } from '../apps/server/src/http/app';
import { barChart, columnChart } from '../modules/reports/src/pages/svg-charts';
import { createBenchStore } from './database';
import { fmtMs, timeRuns } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const BUDGET_MS = 300;
const log = (line: string) => console.log(line);

/** Five years up to 2026-03-10 of daily sums, facts and standings, written in a few set-based statements. */
async function fillFiveYears(platform: Platform, vetIds: string[]) {
  const db = platform.ctx.db;
  const vets = sql.raw(`array[${vetIds.map((v) => `'${v}'`).join(',')}, '']`);
  const days = sql`(select d::date as day from generate_series(date '2021-03-11', date '2026-03-10', interval '1 day') d where extract(isodow from d) < 7)`;
  await db.execute(sql`
    insert into reports.daily_sales (day, vet_id, kind, category_id, item_id, description, quantity, net, gross)
    select days.day, v.vet, case when i.n <= 30 then 'service' else 'product' end, 1 + i.n % 8, i.n, 'Artículo ' || i.n,
           1 + (i.n + extract(doy from days.day)::int) % 4, (150 + i.n * 7)::numeric(15,2), ((150 + i.n * 7) * 1.16)::numeric(15,2)
    from ${days} days cross join unnest(${vets}) as v(vet) cross join generate_series(1, 60) as i(n)
    where (i.n + extract(doy from days.day)::int + length(v.vet)) % 3 = 0`);
  await db.execute(sql`
    insert into reports.daily_invoices (day, vet_id, invoices, net, gross)
    select days.day, v.vet, 13, 13 * 620, 13 * 719.20 from ${days} days cross join unnest(${vets}) as v(vet)`);
  await db.execute(sql`
    insert into reports.daily_appointments (day, vet_id, booked, completed, cancelled, no_shows, minutes)
    select days.day, v.vet, 12, 10, 1, 1, 11 * 40 from ${days} days cross join unnest(${vets}) as v(vet) where v.vet <> ''`);
  // The months as the projection keeps them beside the days.
  await db.execute(sql`
    insert into reports.monthly_sales (month, vet_id, kind, category_id, item_id, description, quantity, net, gross)
    select date_trunc('month', day)::date, vet_id, kind, category_id, item_id, max(description), sum(quantity), sum(net), sum(gross)
    from reports.daily_sales group by 1, 2, 3, 4, 5`);
  await db.execute(sql`
    insert into reports.monthly_invoices (month, vet_id, invoices, net, gross)
    select date_trunc('month', day)::date, vet_id, sum(invoices), sum(net), sum(gross) from reports.daily_invoices group by 1, 2`);
  await db.execute(sql`
    insert into reports.monthly_appointments (month, vet_id, booked, completed, cancelled, no_shows, minutes)
    select date_trunc('month', day)::date, vet_id, sum(booked), sum(completed), sum(cancelled), sum(no_shows), sum(minutes)
    from reports.daily_appointments group by 1, 2`);
  await db.execute(sql`
    insert into reports.owner_firsts (owner_id, first_day)
    select 'owner-' || n, date '2021-03-11' + (n % 1825) from generate_series(1, 25000) n`);
  await db.execute(sql`
    insert into reports.invoice_facts (invoice_id, day, vet_id, owner_id, pet_id, gross, balance, due_date, state)
    select n, days.day, (${vets})[1 + n % 7], 'owner-' || (1 + (n * 7919) % 25000), case when n % 5 = 0 then null else 1 + (n * 104729) % 40000 end,
           719.20, case when n % 50 = 0 then 719.20 else 0 end, days.day + 15, case when n % 50 = 0 then 'open' else 'paid' end
    from ${days} days cross join generate_series(1, 90) i, lateral (select (extract(epoch from days.day)::bigint / 86400) * 90 + i as n) x`);
  await db.execute(sql`
    insert into reports.patient_activity (pet_id, last_seen) select n, date '2026-03-10' - (n * 37) % 1825 from generate_series(1, 40000) n`);
  await db.execute(sql`
    insert into reports.vaccine_dues (pet_id, protocol, due_date, given_on)
    select n, 'rabia', date '2021-06-01' + (n * 13) % 1740, case when n % 4 = 0 then null else date '2021-06-01' + (n * 13) % 1740 + n % 40 end
    from generate_series(1, 40000) n`);
  await db.execute(sql`
    insert into reports.batch_stock (batch_id, product_id, quantity, unit_cost) select n, 1 + n % 300, n % 40, 35.5 from generate_series(1, 3000) n`);
  await db.execute(sql`analyze`);
  const result = await db.execute(
    sql`select (select count(*) from reports.daily_sales)::int as sales, (select count(*) from reports.invoice_facts)::int as invoices`,
  );
  const row = (result as unknown as { rows: { sales: number; invoices: number }[] }).rows[0];
  return row!;
}

const store = await createBenchStore();
try {
  log(`Dashboard bench — ${store.label}, ${RUNS} runs after ${WARMUP} warm-ups`);
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn', PORT: '3999', SEED_DEMO: 'false' });
  const platform = await bootPlatform(config, pino({ level: 'warn' }), await store.open(), { worker: false });
  const manager = await StaffFactory(platform, 'manager');
  const vets = await Promise.all(Array.from({ length: 6 }, () => StaffFactory(platform, 'veterinarian')));
  const t = performance.now();
  const rows = await fillFiveYears(
    platform,
    vets.map((v) => v.user.id),
  );
  log(`Data: ${rows.sales} daily sales rows, ${rows.invoices} invoices, 25000 owners, 40000 patients (${fmtMs(performance.now() - t)} to write)`);
  const reports = platform.services.reports as ReportsServices;
  const app = await buildApp(platform, config, { logger: false });
  await app.ready();
  log('\n| what | p50 | p95 | max |\n|---|---|---|---|');
  let worst = 0;
  for (const period of ['today', 'week', 'month'] as const) {
    const service = await timeRuns(RUNS, WARMUP, () => reports.reports.dashboard(manager.actor, { period }));
    const page = await timeRuns(RUNS, WARMUP, async () => {
      const res = await app.inject({ url: `/admin/dashboard?period=${period}`, headers: manager.auth });
      if (res.statusCode !== 200) throw new Error(`/admin/dashboard answered ${res.statusCode}`);
    });
    worst = Math.max(worst, service.p95, page.p95);
    log(`| dashboard (service), ${period} | ${fmtMs(service.p50)} | ${fmtMs(service.p95)} | ${fmtMs(service.max)} |`);
    log(`| /admin/dashboard page, ${period} | ${fmtMs(page.p50)} | ${fmtMs(page.p95)} | ${fmtMs(page.max)} |`);
  }
  const year = await timeRuns(RUNS, WARMUP, () => reports.reports.dashboard(manager.actor, { period: 'custom', from: '2025-03-11', to: '2026-03-10' }));
  log(`| dashboard (service), a whole year (custom; outside the budget) | ${fmtMs(year.p50)} | ${fmtMs(year.p95)} | ${fmtMs(year.max)} |`);
  // The page keeps charts it drew for the same figures; a chart with new figures is drawn afresh.
  let fresh = 0;
  const drawing = await timeRuns(RUNS, WARMUP, async () => {
    fresh += 1;
    const labels = Array.from({ length: 10 }, (_, i) => `${fresh}-${i}`);
    columnChart({ labels, values: labels.map((_, i) => i * fresh) }, 'bench');
    barChart({ labels: labels.slice(0, 6), values: labels.map((_, i) => i + fresh) }, 'bench');
  });
  log(`| two charts with new figures (ECharts SSR) | ${fmtMs(drawing.p50)} | ${fmtMs(drawing.p95)} | ${fmtMs(drawing.max)} |`);
  log(`\nWorst p95 of today, this week and this month ${fmtMs(worst)}: ${worst < BUDGET_MS ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget.`);
  await app.close();
  await platform.close();
} finally {
  await store.cleanup();
}
