import { StaffFactory } from '@petfriendly/accounts/testing';
import type { Platform } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
/**
 * `npm run bench:ledger`: the books' trial balance, general ledger and journal over ~2 million journal lines
 * (two years of a busy clinic: 1,000,000 posted entries of two lines each). Entries, lines and the day totals
 * the ledger keeps as it posts are written in a few set-based statements, the chart installed as on start;
 * then each statement is timed as a service call and as its page. Figures only: no budget is asserted.
 * Settings: BENCH_LINES (2000000), BENCH_RUNS (10), BENCH_WARMUP (2), BENCH_DATABASE_URL (PostgreSQL instead of PGlite).
 */
import { pino } from 'pino';
import { bootPlatform } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { buildApp } from '../apps/server/src/http/app';
import type { AccountingServices } from '../modules/accounting/src/services';
import { createBenchStore } from './database';
import { fmtMs, timeRuns } from './measure';

const LINES = Number(process.env.BENCH_LINES ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const log = (line: string) => console.log(line);

/** Debit and credit of the clinic's everyday entries: sales in cash and by bank, costs, expenses, suppliers paid. */
const PAIRS = [
  ['1101', '4109'],
  ['1102.01', '4109'],
  ['5101', '1106'],
  ['6103', '1102.01'],
  ['1106', '2101'],
  ['2101', '1102.01'],
] as const;

/** Two years up to 2026-12-31 of posted entries, their lines, and the day totals, as the ledger would have left them. */
async function fillTwoYears(platform: Platform) {
  const db = platform.ctx.db;
  const entries = Math.floor(LINES / 2);
  const pairs = sql.raw(`(values ${PAIRS.map(([d, c], i) => `(${i}, '${d}', '${c}')`).join(', ')}) as p(i, debit, credit)`);
  await db.execute(sql`create temporary table bench_pairs as
    select p.i, d.id as debit_id, c.id as credit_id from ${pairs}
    join accounting.accounts d on d.code = p.debit join accounting.accounts c on c.code = p.credit`);
  await db.execute(sql`
    insert into accounting.journal_entries (entry_number, date, description, entry_type, status, reference, total, posted_at, created_at)
    select extract(year from day)::int || '-' || lpad((row_number() over (partition by extract(year from day) order by n))::text, 6, '0'),
           day, 'Movimiento ' || n, 'manual', 'posted', 'bench:' || n, amount, day::timestamptz, day::timestamptz
    from (select n, date '2025-01-01' + (n % 730) as day, (50 + (n * 7919) % 5000)::numeric(15,2) as amount
          from generate_series(1, ${entries}) n) x`);
  await db.execute(sql`
    insert into accounting.journal_lines (entry_id, account_id, debit, credit, description, line_order)
    select e.id, case when side = 0 then p.debit_id else p.credit_id end,
           case when side = 0 then e.total else 0 end, case when side = 1 then e.total else 0 end, e.description, side
    from accounting.journal_entries e
    join bench_pairs p on p.i = e.id % ${PAIRS.length}
    cross join (values (0), (1)) s(side)
    where e.reference like 'bench:%'`);
  await db.execute(sql`
    insert into accounting.account_day_totals (account_id, day, debit, credit)
    select l.account_id, e.date, sum(l.debit), sum(l.credit)
    from accounting.journal_lines l join accounting.journal_entries e on e.id = l.entry_id
    group by l.account_id, e.date
    on conflict (account_id, day) do update set debit = accounting.account_day_totals.debit + excluded.debit,
                                                credit = accounting.account_day_totals.credit + excluded.credit`);
  await db.execute(sql`insert into accounting.entry_sequences (year, last)
    select extract(year from date)::int, count(*) from accounting.journal_entries group by 1
    on conflict (year) do update set last = excluded.last`);
  await db.execute(sql`analyze`);
  const result = await db.execute(
    sql`select (select count(*) from accounting.journal_lines)::int as lines, (select count(*) from accounting.journal_entries)::int as entries`,
  );
  return (result as unknown as { rows: { lines: number; entries: number }[] }).rows[0]!;
}

const store = await createBenchStore();
try {
  log(`Ledger bench — ${store.label}, ${RUNS} runs after ${WARMUP} warm-ups`);
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn', PORT: '3999', SEED_DEMO: 'false' });
  const platform = await bootPlatform(config, pino({ level: 'warn' }), await store.open(), { worker: false });
  const books = platform.services.accounting as AccountingServices;
  await books.ledger.installChart();
  const accountant = await StaffFactory(platform, 'accountant');
  const t = performance.now();
  const rows = await fillTwoYears(platform);
  log(`Data: ${rows.entries} posted entries, ${rows.lines} journal lines over 2025–2026 (${fmtMs(performance.now() - t)} ms to write)`);
  const app = await buildApp(platform, config, { logger: false });
  await app.ready();
  const page = (url: string) => async () => {
    const res = await app.inject({ url, headers: accountant.auth });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  };
  const year = { from: '2026-01-01', to: '2026-12-31' };
  const month = { from: '2026-03-01', to: '2026-03-31' };
  const probes: [string, () => Promise<unknown>][] = [
    ['trial balance, a year (service)', () => books.statements.trialBalance(accountant.actor, year)],
    ['/admin/accounting/trial-balance, a year (page)', page('/admin/accounting/trial-balance?from=2026-01-01&to=2026-12-31')],
    ['trial balance, both years (service)', () => books.statements.trialBalance(accountant.actor, { from: '2025-01-01', to: '2026-12-31' })],
    ['general ledger of 1101 Caja, a month (service)', () => books.statements.generalLedger(accountant.actor, '1101', month)],
    ['general ledger of 1101 Caja, a year (service)', () => books.statements.generalLedger(accountant.actor, '1101', year)],
    ['/admin/accounting/journal, first page (page)', page('/admin/accounting/journal?from=2026-03-01&to=2026-03-31')],
  ];
  log('\n| what | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  for (const [label, run] of probes) {
    const r = await timeRuns(RUNS, WARMUP, run);
    log(`| ${label} | ${fmtMs(r.p50)} | ${fmtMs(r.p95)} | ${fmtMs(r.max)} |`);
  }
  const ledger = await books.statements.generalLedger(accountant.actor, '1101', year);
  const trial = await books.statements.trialBalance(accountant.actor, year);
  log(
    `\n1101 Caja in 2026: ${ledger.lines.length} lines, closing ${ledger.closing}; trial balance debits ${trial.totals.debit} = credits ${trial.totals.credit}.`,
  );
  await app.close();
  await platform.close();
} finally {
  await store.cleanup();
}
