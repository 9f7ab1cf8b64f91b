import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { rows, systemActor } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import { adminQuery, serverReachable, withDatabase } from '@petfriendly/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { sql } from 'drizzle-orm';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootPlatform, MIGRATIONS_DIR } from '../src/boot';
import { loadConfig } from '../src/config';
import type { AppPlatform } from '../src/modules';
import { buildCli, cookiesOf, eventually, type ServerProcess, startProcess, stopProcess, untilReady } from './processes/cluster';

/**
 * Two web processes and a worker, real `cli start` child processes, on one fresh database of the PostgreSQL
 * server. CI runs the database tests twice, on PGlite (TEST_DATABASE_URL set empty) and on the server; this
 * test needs the server either way, so it runs in the server's pass only (and locally, where the variable is unset).
 */
const SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const pglitePass = process.env.TEST_DATABASE_URL === '';
const reachable = !pglitePass && (await serverReachable(SERVER));
if (!reachable && !pglitePass) console.warn(`processes.test.ts skipped: no PostgreSQL server answers at ${SERVER}`);

const SECRET = 'processes-test-secret-0123456789-abcdef';
const METRICS_TOKEN = 'processes-test-metrics-token';
const STARTUP_MS = 300_000;

describe.skipIf(!reachable)('two web processes and a worker on one PostgreSQL database', () => {
  const name = `pf_procs_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  const env = { DATABASE_URL: url, SECRET, METRICS_TOKEN };
  let a: ServerProcess;
  let b: ServerProcess;
  let worker: ServerProcess;
  let platform: AppPlatform;

  beforeAll(async () => {
    await adminQuery(SERVER, `create database ${name}`);
    await buildCli();
    // All three start together on the empty database: they race to migrate.
    [a, b, worker] = await Promise.all([startProcess('web', env), startProcess('web', env), startProcess('worker', env)]);
    await Promise.all([a, b, worker].map((p) => untilReady(p, STARTUP_MS)));
    // This process only prepares data and reads; it runs no jobs.
    platform = await bootPlatform(loadConfig({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'pf-procs-')), LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  }, STARTUP_MS + 120_000);

  afterAll(async () => {
    await platform?.close();
    await Promise.all([a, b, worker].filter(Boolean).map(stopProcess));
    await adminQuery(SERVER, `drop database if exists ${name} with (force)`);
  }, 60_000);

  const on = (i: number) => (i % 2 === 0 ? a : b);

  it('ran every migration once, though all three started on the empty database together', async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const [applied] = await rows<{ n: number; hashes: number }>(
      platform.ctx.db,
      sql`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.migrations`,
    );
    expect(applied).toEqual({ n: journal.entries.length, hashes: journal.entries.length });
  });

  it('holds the sign-in limit across both processes, and a session made on one works on the other', async () => {
    const owners = await Promise.all(Array.from({ length: 12 }, () => OwnerFactory(platform)));
    const form = await fetch(`${a.url}/sign-in`);
    const csrfCookie = cookiesOf(form);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    // Twelve sign-ins at once, six on each process: the limit is ten a minute for one address, whichever process answers.
    const signIns = await Promise.all(
      owners.map((owner, i) =>
        fetch(`${on(i).url}/sign-in`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
          body: new URLSearchParams({ _csrf: csrf, email: owner.user.email, password: 'correcto-caballo-123' }).toString(),
        }).then((res) => ({ i, owner, status: res.status, cookie: cookiesOf(res, csrfCookie) })),
      ),
    );
    const statuses = signIns.map((s) => s.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 302 || s === 303)).toHaveLength(10);

    for (const signIn of signIns.filter((s) => s.status !== 429)) {
      const elsewhere = on(signIn.i + 1);
      const page = await fetch(`${elsewhere.url}/account`, { redirect: 'manual', headers: { cookie: signIn.cookie } });
      expect({ status: page.status, email: (await page.text()).includes(signIn.owner.user.email) }).toEqual({ status: 200, email: true });
    }
    const stranger = await fetch(`${b.url}/account`, { redirect: 'manual', headers: { cookie: csrfCookie } });
    expect(stranger.headers.get('location')).toMatch(/^\/sign-in/);
  }, 180_000);

  it('books and sells under load through both processes: one booking per time, no more units than the stock', async () => {
    const vet = await StaffFactory(platform, 'veterinarian');
    const service = await ServiceFactory(platform, { staffIds: [vet.user.id] });
    const owners = await Promise.all(Array.from({ length: 12 }, () => OwnerFactory(platform)));
    const pets = await Promise.all(owners.map((owner) => PetFactory(platform, owner.actor)));
    const others = await Promise.all(owners.map((owner) => PetFactory(platform, owner.actor, { name: 'Toby' })));
    // A Tuesday to Thursday at least three days ahead: the clinic is open, and no notice rule applies.
    let day = Date.now() + 3 * 86_400_000;
    while (![2, 3, 4].includes(new Date(day).getUTCDay())) day += 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    const book = (i: number, time: string, pet = pets[i]!) =>
      fetch(`${on(i).url}/api/v1/appointments`, {
        method: 'POST',
        headers: { ...owners[i]!.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ petId: pet.id, date, time, serviceType: service.slug, reason: 'Revisión' }),
      }).then(async (res) => (res.status === 201 ? 201 : `${res.status} ${await res.text()}`));
    const product = await ProductFactory(platform, { price: '120.50', stock: 3 });
    for (const [i, owner] of owners.slice(0, 6).entries()) {
      const added = await fetch(`${on(i).url}/api/v1/cart/items`, {
        method: 'POST',
        headers: { ...owner.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ productId: product.id, quantity: 1 }),
      });
      expect(added.status).toBe(201);
    }
    const checkout = (i: number) =>
      fetch(`${on(i + 1).url}/api/v1/checkout`, {
        method: 'POST',
        headers: { ...owners[i]!.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ paymentMethod: 'pay_at_clinic' }),
      }).then((res) => res.status);

    const [own, raced, sold] = await Promise.all([
      Promise.all(owners.map((_, i) => book(i, `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`))),
      Promise.all(owners.map((_, i) => book(i, '17:30', others[i]))),
      Promise.all(owners.slice(0, 6).map((_, i) => checkout(i))),
    ]);
    expect(own).toEqual(owners.map(() => 201));
    // Twelve owners want the same time on the one vet's calendar: one gets it, whichever process each asked.
    const codes = raced.map((r) => (r === 201 ? 201 : Number(r.slice(0, 3))));
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(owners.length - 1);
    expect([...sold].sort()).toEqual([201, 201, 201, 409, 409, 409]);
  }, 180_000);

  it('the worker applies every event once, in order, for every consumer', async () => {
    const lags = await eventually(
      async () => {
        const lag = (await scrape(a)).get('outbox_consumer_lag_events')!.metrics;
        return lag.every((m) => Number(m.value) === 0) && lag;
      },
      90_000,
      'the event consumers to catch up',
    );
    expect(lags.length).toBe(platform.ctx.events.consumerNames.length);
    // The ledger books each invoice and payment event as one journal entry that names it: in the order entries were
    // written, their events' positions only go up, and no event has two.
    const booked = await rows<{ position: number; event: string }>(
      platform.ctx.db,
      sql`select o.position::int as position, o.id::text as event from accounting.journal_entries j join core.outbox o on o.id = j.source_event_id order by j.id`,
    );
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(new Set(booked.map((e) => e.event)).size).toBe(booked.length);
    for (let i = 1; i < booked.length; i++) expect(booked[i]!.position).toBeGreaterThan(booked[i - 1]!.position);
    const [issued] = await rows<{ events: number; entries: number }>(
      platform.ctx.db,
      sql`select count(*)::int as events, count(j.id)::int as entries from core.outbox o left join accounting.journal_entries j on j.source_event_id = o.id where o.name = 'billing.invoice_issued'`,
    );
    expect(issued!.entries).toBe(issued!.events);
  }, 180_000);

  it('runs each job sent by another process once, on the worker', async () => {
    // Messages are queued with a send job in the sending transaction; only the worker runs jobs. Twenty at once
    // from this process (which runs none): each must reach the local outbox exactly once.
    const owners = await Promise.all(Array.from({ length: 20 }, () => OwnerFactory(platform)));
    const tag = randomBytes(4).toString('hex');
    const sent = await Promise.all(
      owners.map((owner, i) =>
        platform.services.omnichannel.messages.sendMessage(systemActor, { userId: owner.user.id, channel: 'email', message: `Aviso ${tag}-${i}` }),
      ),
    );
    const delivered = await eventually(
      async () => {
        const [done] = await rows<{ n: number }>(
          platform.ctx.db,
          sql`select count(*)::int as n from omnichannel.messages where id in ${sql.raw(`(${sent.map((m) => m.id).join(',')})`)} and status = 'sent'`,
        );
        return done!.n === sent.length && done;
      },
      90_000,
      'the worker to send every message',
    );
    expect(delivered.n).toBe(20);
    const outbox = await rows<{ body: string; n: number }>(
      platform.ctx.db,
      sql`select body, count(*)::int as n from core.local_outbox where body like ${`%${tag}%`} group by body order by body`,
    );
    expect(outbox.map((r) => r.n)).toEqual(owners.map(() => 1));
    expect(outbox).toHaveLength(20);
  }, 180_000);

  it('shows each web process’s connection pool in /metrics', async () => {
    for (const web of [a, b]) {
      const families = await scrape(web);
      const value = (name: string) => Number(families.get(name)?.metrics[0]?.value);
      expect(value('db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(value('db_pool_idle_connections')).toBeLessThanOrEqual(value('db_pool_connections'));
      expect(value('db_pool_waiting_queries')).toBe(0);
    }
  });

  it('stops all three cleanly on SIGTERM', async () => {
    expect(await Promise.all([a, b, worker].map(stopProcess))).toEqual([0, 0, 0]);
  });
});

async function scrape(server: ServerProcess) {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return new Map(parsePrometheusTextFormat(await res.text()).map((f) => [f.name, f]));
}
