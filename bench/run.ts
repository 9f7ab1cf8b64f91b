import { readFileSync } from 'node:fs';
import { localDate } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
/**
 * `npm run bench`: a busy clinic's years of data in a fresh database, then the figures the house
 * budgets name — time and SQL statements per page / API call (with short and long pet histories, to
 * show the count does not grow with history), `npm start` time on the existing data folder, and the
 * server's resident memory. Settings: BENCH_OWNERS (default 8000 ≈ 60k visits), BENCH_RUNS (50),
 * BENCH_WARMUP (5), BENCH_DATABASE_URL (a PostgreSQL server instead of PGlite), BENCH_PORT (3999),
 * BENCH_TRACE=1 (print each request's SQL with its database time), BENCH_ONLY=<regex> (only the
 * requests whose label matches), BENCH_SKIP_SERVE=1 (skip the `npm start` part), BENCH_IDLE_SECONDS
 * (20: how long the idle server's transactions are counted, with its job workers running), BENCH_START_TIMEOUT (180 s).
 * Every request is timed in turn with a bare Fastify route in the same process, and each figure is
 * also given as a multiple of that route's p50 (×bare), so runs on a busy machine compare.
 */
import { pino } from 'pino';
import { bootPlatform } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { seedDemo } from '../apps/server/src/demo/seed';
import { buildApp } from '../apps/server/src/http/app';
import { buildIngreso, loadCsd, sealCfdi, validateCfdi } from '../modules/billing/src/cfdi/index';
import { createBenchStore } from './database';
import { explain } from './explain';
import { addBillingVolume, authFor, commonSurname, countRows, pickPets } from './fixtures';
import { fmtMs, fmtQ, fmtRatio, measure, type Probe, type Result, table } from './measure';
import { installQueryCounter, type Statement } from './query-counter';
import { probeServe } from './serve-probe';

const OWNERS = Number(process.env.BENCH_OWNERS ?? 8000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const TRACE = process.env.BENCH_TRACE === '1';
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const SKIP_SERVE = process.env.BENCH_SKIP_SERVE === '1';
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 20);
/** The statements a search runs that decide its speed (their plans are printed). */
const SEARCHING = /similarity|\blike\b|<>/i;
const SLOW_MS = 50;

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 200);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(line);

const store = await createBenchStore();
let closePlatform: (() => Promise<void>) | null = null;
let cleaned = false;
const cleanup = async () => {
  if (cleaned) return;
  cleaned = true;
  await closePlatform?.().catch(() => undefined);
  await store.cleanup();
};
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

try {
  log(`Pet-Friendly bench — ${store.label}, ${OWNERS} owners, ${RUNS} runs per request after ${WARMUP} warm-ups`);
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn', PORT: '3999' });
  let t = performance.now();
  const database = await store.open();
  // A worker, as `npm start` is: its job queues and schedules run in the idle part.
  const platform = await bootPlatform(config, pino({ level: 'warn' }), database, { worker: true });
  closePlatform = platform.close;
  const migrateMs = performance.now() - t;

  t = performance.now();
  await seedDemo(platform, { owners: OWNERS, progress: false });
  const seedMs = performance.now() - t;
  const counts = await countRows(platform);
  log(
    `\nData: ${counts.owners} owners, ${counts.pets} pets, ${counts.visits} visits, ${counts.vaccinations} vaccinations, ${counts.notes} clinical notes, ${counts.vitals} vital signs`,
  );
  log(`      visits from ${counts.firstVisit} to ${counts.lastVisit}; migrate ${secs(migrateMs)}, seed ${secs(seedMs)}`);

  const invoiceCount = await addBillingVolume(platform);
  log(`      billing: ${invoiceCount} invoices with their lines and payments`);
  const { long, short } = await pickPets(platform);
  const surname = await commonSurname(platform);
  log(
    `      long history: pet ${long.id} "${long.name}" (${long.visits} visits, ${long.vaccinations} vaccinations); short: pet ${short.id} "${short.name}" (${short.visits} visit, ${short.vaccinations} vaccinations)`,
  );
  log(`      common surname: ${surname.surname} (${surname.owners} owners)`);

  const auth = authFor(platform);
  const staffApi = await auth.bearer('vet@petfriendly.mx');
  // The chat allows each person 30 messages a minute: its probes take turns among the demo's logins.
  const staffApis = await Promise.all(['vet', 'admin', 'recepcion', 'gerencia'].map((who) => auth.bearer(`${who}@petfriendly.mx`)));
  const askers = [await auth.bearer('maria@example.mx'), ...staffApis];
  const inTurn = (list: Record<string, string>[]) => (n: number) => list[n % list.length]!;
  const staffPage = await auth.session('vet@petfriendly.mx');
  const maria = await auth.session('maria@example.mx');
  const longOwner = await auth.session(long.ownerEmail);
  const shortOwner = await auth.session(short.ownerEmail);
  const q = encodeURIComponent(surname.surname);
  // A weekday with appointments on it (the demo fills the next days), and María's first pet.
  const tomorrow = nextWeekday(platform.ctx.clock.now(), platform.ctx.clinic.TIME_ZONE);
  const mariaId = (await platform.services.accounts.directory.userByEmail('maria@example.mx'))!.id;
  const [{ id: mariaPet }] = (await platform.ctx.db.select({ id: pets.id }).from(pets).where(eq(pets.ownerId, mariaId)).limit(1)) as [{ id: number }];
  const L = `long ${long.visits}v`;
  const S = `short ${short.visits}v`;
  const csd = loadCsd({
    cer: readFileSync(new URL('../modules/billing/assets/demo-csd/EKU9003173C9.cer', import.meta.url)),
    key: readFileSync(new URL('../modules/billing/assets/demo-csd/EKU9003173C9.key', import.meta.url)),
    password: '12345678a',
  });
  const probes: Probe[] = [
    { label: 'CFDI build + seal + XSD validate', url: '(in process)', headers: {}, run: () => cfdiRoundTrip(csd) },
    { label: 'API  /health', url: '/health', headers: {} },
    { label: `API  search ?query=${surname.surname}`, url: `/api/v1/pets?query=${q}`, headers: staffApi, explain: true },
    { label: `API  owners ?query=${surname.surname}`, url: `/api/v1/owners?query=${q}`, headers: staffApi, explain: true },
    { label: 'API  staff', url: '/api/v1/staff', headers: staffApi, explain: true },
    { label: 'API  search ?query= (first page)', url: '/api/v1/pets?query=', headers: staffApi },
    { label: `API  pet summary [${L}]`, url: `/api/v1/pets/${long.id}`, headers: staffApi },
    { label: `API  pet summary [${S}]`, url: `/api/v1/pets/${short.id}`, headers: staffApi },
    { label: `API  visits [${L}]`, url: `/api/v1/pets/${long.id}/visits`, headers: staffApi },
    { label: `API  visits [${S}]`, url: `/api/v1/pets/${short.id}/visits`, headers: staffApi },
    { label: `API  vaccinations [${L}]`, url: `/api/v1/pets/${long.id}/vaccinations`, headers: staffApi },
    { label: `API  vaccinations [${S}]`, url: `/api/v1/pets/${short.id}/vaccinations`, headers: staffApi },
    { label: 'HTML /admin', url: '/admin', headers: staffPage },
    { label: `HTML /admin/search?q=${surname.surname}`, url: `/admin/search?q=${q}`, headers: staffPage, explain: true },
    { label: `HTML /admin/pets/:id [${L}]`, url: `/admin/pets/${long.id}`, headers: staffPage },
    { label: `HTML /admin/pets/:id [${S}]`, url: `/admin/pets/${short.id}`, headers: staffPage },
    { label: 'HTML /my/pets (María)', url: '/my/pets', headers: maria },
    { label: `HTML /my/pets/:id [${L}]`, url: `/my/pets/${long.id}`, headers: longOwner },
    { label: `HTML /my/pets/:id [${S}]`, url: `/my/pets/${short.id}`, headers: shortOwner },
    { label: 'API  availability (consulta, tomorrow)', url: `/api/v1/availability?date=${tomorrow}&serviceType=consulta-general`, headers: staffApi },
    { label: 'HTML /admin/schedule (tomorrow)', url: `/admin/schedule?date=${tomorrow}`, headers: staffPage },
    { label: 'HTML /book (service, pet, day)', url: `/book?service=consulta-general&pet=${mariaPet}&date=${tomorrow}`, headers: maria },
    { label: 'HTML /admin/inbox', url: '/admin/inbox', headers: staffPage },
    { label: 'API  store search ?query=croqeta', url: '/api/v1/store/products?query=croqeta', headers: staffApi },
    { label: 'API  invoices (staff, first page)', url: '/api/v1/invoices', headers: staffApi },
    { label: 'API  invoices (staff, status=paid page 50)', url: '/api/v1/invoices?status=paid&page=50', headers: staffApi },
    { label: `API  invoices of an owner [${L}]`, url: `/api/v1/invoices?ownerId=${long.ownerId}`, headers: staffApi },
    { label: 'HTML /store?q=croqueta', url: '/store?query=croqueta', headers: {} },
    { label: 'HTML /store/cart (María)', url: '/store/cart', headers: maria },
    { label: 'HTML /my/orders (María)', url: '/my/orders', headers: maria },
    { label: 'HTML /my/invoices (María)', url: '/my/invoices', headers: maria },
    { label: `HTML /my/invoices [${L}]`, url: '/my/invoices', headers: longOwner },
    { label: 'HTML /admin/inventory', url: '/admin/inventory', headers: staffPage },
    { label: 'HTML /admin/orders', url: '/admin/orders', headers: staffPage },
    { label: 'HTML /admin/billing', url: '/admin/billing', headers: staffPage },
    { label: 'HTML /help?q=vacunas', url: '/help?q=vacunas', headers: {} },
    { label: 'HTML /chat (María)', url: '/chat', headers: maria },
    {
      label: 'API  chat message (guided, FAQ)',
      url: '/api/v1/chat/messages',
      headers: inTurn(askers),
      method: 'POST',
      payload: { message: '¿Qué vacunas necesita mi cachorro?' },
    },
    {
      label: 'API  chat message (guided, staff schedule)',
      url: '/api/v1/chat/messages',
      headers: inTurn(staffApis),
      method: 'POST',
      payload: { message: 'Agenda de hoy', action: '#staff:today' },
    },
    { label: 'HTML /admin/assistant/conversations', url: '/admin/assistant/conversations', headers: staffPage },
  ];

  const app = await buildApp(platform, config, { logger: false });
  closePlatform = async () => {
    await app.close();
    await platform.close();
  };
  await app.ready();
  const bareApp = Fastify();
  bareApp.get('/bare', async () => ({ ok: true }));
  await bareApp.ready();
  const bare = () => bareApp.inject({ method: 'GET', url: '/bare' });
  const counter = installQueryCounter(database);
  const results: Result[] = [];
  for (const probe of probes.filter((p) => !ONLY || ONLY.test(p.label)))
    results.push(await measure(app, counter, probe, { warmup: WARMUP, runs: RUNS, trace: TRACE, bare }));
  const plans: string[] = [];
  for (const r of results.filter((r) => probes.find((p) => p.label === r.label)?.explain)) {
    for (const statement of r.statements.filter((s) => SEARCHING.test(s.sql))) {
      plans.push(`-- ${r.label}\n   ${oneLine(statement.sql)}\n${(await explain(database, statement)).map((l) => `   ${l}`).join('\n')}`);
    }
  }

  // Idle: the job workers running as under `npm start`, no requests; every statement outside BEGIN…COMMIT is a transaction of its own.
  await platform.ctx.jobs.work();
  await sleep(3000);
  counter.statements = [];
  await sleep(IDLE_SECONDS * 1000);
  const idleTransactions = transactionsIn(counter.statements);
  counter.statements = null;
  counter.uninstall();
  await bareApp.close();
  await closePlatform();
  closePlatform = null;
  if (results.length === 0) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY} matches no request.`);

  log(`\nRequests (in-process app.inject, sequential; ms; queries = SQL statements per request):\n`);
  const flagsOf = (r: Result) => {
    const flags: string[] = [];
    if (r.p95 > SLOW_MS) flags.push(`p95>${SLOW_MS}ms`);
    const base = r.label.split('[')[0];
    const twin = r.label.includes('[long') ? results.find((o) => o.label.split('[')[0] === base && o.label.includes('[short')) : undefined;
    // Fewest statements seen, so a background pg-boss heartbeat that lands mid-request does not count.
    if (twin && r.queries.min > twin.queries.min) flags.push(`queries grow with history (+${r.queries.min - twin.queries.min})`);
    return flags.join(', ');
  };
  const bareP50 = median(results.map((r) => r.bareP50));
  log(
    table(
      ['request', 'status', 'KB', 'p50', 'p95', 'max', 'p50 ×bare', 'p95 ×bare', 'queries', 'writes', 'flags'],
      results.map((r) => [
        r.label,
        String(r.status),
        (r.bytes / 1024).toFixed(1),
        fmtMs(r.p50),
        fmtMs(r.p95),
        fmtMs(r.max),
        fmtRatio(r.p50, r.bareP50),
        fmtRatio(r.p95, r.bareP50),
        fmtQ(r.queries),
        String(r.writes),
        flagsOf(r),
      ]),
      'lrrrrrrrrrl',
    ),
  );
  log(`\nbare Fastify route (timed before each request above): p50 ${fmtMs(bareP50)} ms (median over the requests)`);
  if (plans.length) log(`\nPlans of the searching statements (EXPLAIN):\n\n${plans.join('\n\n')}`);
  if (TRACE) {
    for (const r of results) {
      const total = (r.trace ?? []).reduce((sum, s) => sum + s.ms, 0);
      log(`\n-- ${r.label}: ${r.trace?.length ?? 0} statements, ${fmtMs(total)} ms in the database`);
      for (const s of r.trace ?? []) log(`   ${fmtMs(s.ms).padStart(5)} ms  ${oneLine(s.sql)}`);
      if (r.variant) {
        log(`   another run ran ${r.variant.count}: extra ${r.variant.extra.length}, missing ${r.variant.missing.length}`);
        for (const s of r.variant.extra) log(`      + ${oneLine(s)}`);
        for (const s of r.variant.missing) log(`      - ${oneLine(s)}`);
      }
    }
  }

  if (!SKIP_SERVE) log(`\nStarting the server on the existing data (npm start)…`);
  const pages = [`/admin`, `/admin/search?q=${q}`, `/admin/pets/${long.id}`].map((url) => ({ url, headers: staffPage }));
  pages.push({ url: '/my/pets', headers: maria }, { url: `/my/pets/${long.id}`, headers: longOwner });
  // A start that fails (or is too slow on a busy machine) is reported; the figures above still are.
  const serve = SKIP_SERVE
    ? null
    : await probeServe({ env: { DATA_DIR: store.dataDir, ...(store.url ? { DATABASE_URL: store.url } : {}) }, pages, requests: 50 }).catch((error: Error) => {
        process.exitCode = 1;
        log(`npm start: ${error.message}`);
        return null;
      });

  const slow = results.filter((r) => r.p95 > SLOW_MS).length;
  const cfdi = results.find((r) => r.label.startsWith('CFDI'));
  const growing = results.filter((r) => flagsOf(r).includes('grow')).length;
  log(`\nSummary (${store.kind}):\n`);
  log(
    table(
      ['figure', 'value', 'budget'],
      [
        [
          'data',
          `${counts.owners} owners, ${counts.pets} pets, ${counts.visits} visits, ${counts.vaccinations} vaccinations, ${counts.notes} notes`,
          '≥ 60k visits',
        ],
        ['seed time', secs(seedMs), ''],
        [
          'slowest request p95',
          `${fmtMs(Math.max(...results.map((r) => r.p95)))} ms (${results.reduce((a, b) => (b.p95 > a.p95 ? b : a)).label})`,
          `< ${SLOW_MS} ms`,
        ],
        ['most queries per request', `${Math.max(...results.map((r) => r.queries.max))}`, 'bounded'],
        ['requests over budget / growing with history', `${slow} / ${growing}`, '0 / 0'],
        ['reads that write', `${results.filter((r) => r.writes > 0 && !r.label.includes('POST') && !r.label.includes('chat message')).length}`, '0'],
        ...(cfdi ? [['CFDI build + seal + validate p50', `${fmtMs(cfdi.p50)} ms (${fmtRatio(cfdi.p50, cfdi.bareP50)} bare)`, '< 10 ms']] : []),
        [
          'idle database transactions',
          `${(idleTransactions / IDLE_SECONDS).toFixed(2)}/s (${idleTransactions} in ${IDLE_SECONDS} s, workers running)`,
          '< 1/s',
        ],
        ...(serve
          ? [
              ['start → "is running" banner', serve.bannerMs === null ? 'n/a' : secs(serve.bannerMs), ''],
              ['start → /health 200', secs(serve.healthMs), 'a few seconds'],
              [
                `server pages over HTTP (${serve.pages.count})`,
                `first ${fmtMs(serve.pages.firstMs)} ms, p50 ${fmtMs(serve.pages.p50)} ms, p95 ${fmtMs(serve.pages.p95)} ms, max ${fmtMs(serve.pages.max)} ms`,
                '',
              ],
              ['server RSS idle after boot', `${serve.rssAfterBootMb.toFixed(0)} MB (pid ${serve.pid})`, ''],
              [`server RSS after ${serve.pages.count} pages (peak)`, `${serve.rssAfterPagesMb.toFixed(0)} MB (${serve.peakRssMb.toFixed(0)} MB)`, '< 300 MB'],
            ]
          : []),
      ],
      'lll',
    ),
  );
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  await cleanup();
}

/** Transactions among statements: BEGIN…COMMIT counts once, any other statement on its own once. */
function transactionsIn(statements: Statement[]): number {
  let count = 0;
  let open = false;
  for (const { sql: text } of statements) {
    if (/^\s*begin\b/i.test(text)) {
      count++;
      open = true;
    } else if (/^\s*(commit|rollback)\b/i.test(text)) open = false;
    else if (!open) count++;
  }
  return count;
}

/** A CFDI as the front desk makes one: built from an invoice's lines, sealed with the CSD, checked against the SAT schemas. */
async function cfdiRoundTrip(csd: ReturnType<typeof loadCsd>) {
  const built = buildIngreso({
    serie: 'A',
    folio: '101',
    fecha: '2025-03-14T10:30:00',
    formaPago: '01',
    metodoPago: 'PUE',
    issuer: { rfc: 'EKU9003173C9', name: 'ESCUELA KEMPER URGATE', regimenFiscal: '601', lugarExpedicion: '86000' },
    receiver: { rfc: 'CACX7605101P8', name: 'XÓCHITL CASAS CHÁVEZ', regimenFiscal: '612', domicilioFiscal: '10740', usoCfdi: 'G03' },
    concepts: [
      {
        claveProdServ: '85121800',
        cantidad: '1',
        claveUnidad: 'E48',
        descripcion: 'Consulta general',
        valorUnitario: '387.93',
        tax: { kind: 'tasa', rate: '0.160000' },
      },
      {
        claveProdServ: '10121800',
        cantidad: '2',
        claveUnidad: 'H87',
        descripcion: 'Croquetas cachorro 2 kg',
        valorUnitario: '310.34',
        tax: { kind: 'tasa', rate: '0.160000' },
      },
    ],
  });
  const check = await validateCfdi(sealCfdi(built.xml, csd));
  if (!check.valid) throw new Error(`the bench's CFDI does not validate: ${check.errors.join('; ')}`);
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function median(values: number[]) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** The next clinic day after today that is not a Sunday. */
function nextWeekday(now: Date, timeZone: string): string {
  for (let days = 1; ; days++) {
    const date = localDate(new Date(now.getTime() + days * 86_400_000), timeZone);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) return date;
  }
}
