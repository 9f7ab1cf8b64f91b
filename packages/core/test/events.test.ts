import {
  clinicSettings,
  createPlatform,
  defineEvent,
  defineModule,
  eventFailures,
  localOutbox,
  type ModuleDefinition,
  outbox,
  type Platform,
  port,
  runAsOf,
  serverSettings,
} from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const happened = defineEvent('probe.happened', { description: 'A probe event.', schema: z.object({ label: z.string() }) });

/** Handler behaviour the tests switch: fail the next N calls, or crash after writing its effect. */
const behaviour = { failNext: 0, crashAfterWrite: false, calls: 0 };

/** Another module whose service opens its own transaction: what a consumer calls. */
const ledgerModule = defineModule({
  name: 'ledger',
  tables: {},
  createServices: (ctx) => ({
    // `subject` keeps the order effects were applied in.
    record: (channel: string, label: string) =>
      ctx.db.transaction(
        async (tx) =>
          void (await tx.insert(localOutbox).values({ channel, recipient: label, body: label, subject: process.hrtime.bigint().toString().padStart(24, '0') })),
      ),
  }),
});
type Ledger = { record(channel: string, label: string): Promise<void> };

const probeModule = defineModule({
  name: 'probe',
  needs: { ledger: port<Ledger>() },
  tables: {},
  events: [happened],
  createServices: () => ({}),
  subscribe(events, _s, deps) {
    const { ledger } = deps;
    events.on(happened, 'probe.record', async ({ label }) => {
      behaviour.calls++;
      if (behaviour.failNext > 0) {
        behaviour.failNext--;
        throw new Error('handler failed');
      }
      await ledger.record('probe', label);
      if (behaviour.crashAfterWrite) {
        behaviour.crashAfterWrite = false;
        throw new Error('process died mid-delivery');
      }
    });
  },
});

/** A consumer added later that builds the same state from all history. */
const replayModule = defineModule({
  name: 'replay',
  needs: { ledger: port<Ledger>() },
  tables: {},
  createServices: () => ({}),
  subscribe(events, _s, deps) {
    events.on(happened, 'replay.record', ({ label }) => deps.ledger.record('replay', label), { from: 'start' });
  },
});

let platform: TestPlatform;
const others: Platform[] = [];
beforeAll(async () => {
  platform = await createTestPlatform([ledgerModule, probeModule]);
});
afterAll(async () => {
  for (const p of others) await p.close();
  await platform?.close();
});

/** Another process on the same database (a restarted worker, a second web process). */
async function processOnSameDatabase(modules: ModuleDefinition<any, any>[] = [ledgerModule, probeModule]): Promise<Platform> {
  const p = await createPlatform({
    modules,
    database: platform.ctx.database,
    server: serverSettings.parse({ SECRET: 'test-secret-test-secret-test-secret-0123', BASE_URL: 'http://localhost:3000' }),
    clinic: clinicSettings.parse({}),
    clock: platform.clock,
    logger: pino({ level: 'silent' }),
    env: {},
  });
  others.push(p);
  return p;
}

async function labels(channel: string, prefix = ''): Promise<string[]> {
  const found = await platform.ctx.db
    .select({ label: localOutbox.recipient })
    .from(localOutbox)
    .where(eq(localOutbox.channel, channel))
    .orderBy(asc(localOutbox.subject));
  return found.map((r) => r.label).filter((l) => l.startsWith(prefix));
}

async function effects(label: string) {
  return (await labels('probe')).filter((l) => l === label).length;
}

async function emit(label: string, on: Platform = platform) {
  return on.ctx.db.transaction((tx) => on.ctx.events.emit(tx, happened, { label }));
}

const runAll = (on: Platform = platform) => on.ctx.jobs.runReady(undefined, { includeDelayed: true });

describe('ordered, exactly-once events', () => {
  it('writes the event with the change, and nothing when the change rolls back', async () => {
    await expect(
      platform.ctx.db.transaction(async (tx) => {
        await platform.ctx.events.emit(tx, happened, { label: 'rolled-back' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const rows = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'probe.happened'));
    expect(rows.filter((r) => (r.payload as { label: string }).label === 'rolled-back')).toHaveLength(0);
    expect(await runAll()).toBe(0);
  });

  it('refuses a payload its schema does not accept, and writes nothing', async () => {
    const before = await platform.ctx.db.select().from(outbox);
    await expect(platform.ctx.db.transaction((tx) => platform.ctx.events.emit(tx, happened, { label: 42 } as never))).rejects.toThrow(
      /probe.happened has a bad payload/,
    );
    expect(await platform.ctx.db.select().from(outbox)).toHaveLength(before.length);
  });

  it('delivers after commit, in one job, to a handler that calls another module’s service', async () => {
    await platform.ctx.db.transaction(async (tx) => {
      await platform.ctx.events.emit(tx, happened, { label: 'plain' });
      await platform.ctx.events.emit(tx, happened, { label: 'plain-2' });
      expect(await effects('plain')).toBe(0);
    });
    expect(await effects('plain')).toBe(0);
    expect(await platform.ctx.jobs.runReady()).toBe(1);
    expect(await labels('probe', 'plain')).toEqual(['plain', 'plain-2']);
  });

  it('numbers events at commit, in commit order', async () => {
    await emit('first');
    await emit('second');
    const rows = await platform.ctx.db
      .select()
      .from(outbox)
      .where(inArray(outbox.name, ['probe.happened']));
    const position = (label: string) => rows.find((r) => (r.payload as { label: string }).label === label)!.position!;
    expect(position('second')).toBe(position('first') + 1);
    await runAll();
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('a transaction that began earlier but commits later comes after', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = platform.ctx.db.transaction(async (tx) => {
      await platform.ctx.events.emit(tx, happened, { label: 'began-first' });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await emit('committed-first');
    release();
    await slow;
    await runAll();
    const all = await labels('probe');
    expect(all.indexOf('committed-first')).toBeLessThan(all.indexOf('began-first'));
  });

  it('retries a failing handler, and the events after it wait their turn', async () => {
    behaviour.calls = 0;
    behaviour.failNext = 2;
    await emit('flaky');
    await emit('after-flaky');
    await platform.ctx.jobs.runReady();
    expect(await effects('flaky')).toBe(0);
    expect(await effects('after-flaky')).toBe(0);
    const [state] = (await platform.ctx.events.status()).filter((s) => s.name === 'probe.record');
    expect(state).toMatchObject({ behind: 2, lastError: 'handler failed' });
    // The retries wait out their backoff; run them as if that time had passed.
    await runAll();
    expect(behaviour.calls).toBe(4);
    expect(await labels('probe', 'flaky')).toEqual(['flaky']);
    expect(await labels('probe', 'after-flaky')).toEqual(['after-flaky']);
    expect((await platform.ctx.events.status()).find((s) => s.name === 'probe.record')).toMatchObject({ behind: 0, attempts: 0, lastError: null });
  });

  it('a crash mid-handler rolls its effect back, and the retry applies it once', async () => {
    behaviour.crashAfterWrite = true;
    await emit('crash');
    await platform.ctx.jobs.runReady();
    expect(await effects('crash')).toBe(0);
    await runAll();
    expect(await effects('crash')).toBe(1);
  });

  it('a worker stopped between the commit and the handler: after the restart the effect applies once', async () => {
    const web = await processOnSameDatabase();
    await emit('stopped', web);
    await web.close();
    expect(await effects('stopped')).toBe(0);
    // The restarted worker finds the dispatch job, and runs it; running it again changes nothing.
    const restarted = await processOnSameDatabase();
    expect(await restarted.ctx.jobs.runReady()).toBe(1);
    await restarted.ctx.events.dispatch();
    await runAll();
    expect(await effects('stopped')).toBe(1);
  });

  it('dispatchers racing in several processes apply each event once', async () => {
    const second = await processOnSameDatabase();
    for (let i = 0; i < 5; i++) await emit(`race-${i}`);
    await Promise.all([platform.ctx.events.dispatch(), second.ctx.events.dispatch(), platform.ctx.events.dispatch(), second.ctx.events.dispatch()]);
    await runAll();
    expect(await labels('probe', 'race-')).toEqual(['race-0', 'race-1', 'race-2', 'race-3', 'race-4']);
  });

  it('a consumer added later replays all history from position 0 and reaches the live state', async () => {
    const withReplay = await processOnSameDatabase([ledgerModule, probeModule, replayModule]);
    expect((await withReplay.ctx.events.status()).find((s) => s.name === 'replay.record')).toMatchObject({ position: 0 });
    await withReplay.ctx.events.dispatch();
    expect(await labels('replay')).toEqual(await labels('probe'));
    expect((await labels('replay')).length).toBeGreaterThan(10);
    // Rewound, it is rebuilt the same way.
    await platform.ctx.db.delete(localOutbox).where(eq(localOutbox.channel, 'replay'));
    await withReplay.ctx.events.rewind('replay.record');
    await withReplay.ctx.events.dispatch();
    expect(await labels('replay')).toEqual(await labels('probe'));
  });

  it('stamps events raised as of a past moment with it, one by one or many in one statement', async () => {
    const at = new Date('2025-02-03T18:00:00Z');
    const ids = await runAsOf(at, () =>
      platform.ctx.db.transaction(async (tx) => [
        await platform.ctx.events.emit(tx, happened, { label: 'past-one' }),
        ...(await platform.ctx.events.emitMany(tx, happened, [
          { payload: { label: 'past-many-1' } },
          { payload: { label: 'past-many-2' }, occurredAt: new Date('2024-12-24T20:00:00Z') },
        ])),
      ]),
    );
    const [now] = await platform.ctx.db.transaction(async (tx) => platform.ctx.events.emitMany(tx, happened, [{ payload: { label: 'present' } }]));
    const rows = await platform.ctx.db
      .select()
      .from(outbox)
      .where(inArray(outbox.id, [...ids, now!]));
    const stamp = (label: string) => rows.find((r) => (r.payload as { label: string }).label === label)!.occurredAt.toISOString();
    expect([stamp('past-one'), stamp('past-many-1'), stamp('past-many-2')]).toEqual([at.toISOString(), at.toISOString(), '2024-12-24T20:00:00.000Z']);
    expect(Math.abs(Date.parse(stamp('present')) - Date.now())).toBeLessThan(60_000);
    await runAll();
    expect(await labels('probe', 'past-many')).toEqual(['past-many-1', 'past-many-2']);
  });

  it('passes history: notice consumers skip what was written so far, consumers from the start still apply it', async () => {
    const withReplay = await processOnSameDatabase([ledgerModule, probeModule, replayModule]);
    await withReplay.ctx.events.dispatch();
    await emit('imported-history', withReplay);
    await withReplay.ctx.events.passHistory();
    await emit('news-after-import', withReplay);
    await withReplay.ctx.events.dispatch();
    expect(await effects('imported-history')).toBe(0);
    expect(await effects('news-after-import')).toBe(1);
    expect((await labels('replay')).filter((l) => l === 'imported-history' || l === 'news-after-import')).toEqual(['imported-history', 'news-after-import']);
  });

  it('a consumer that keeps failing parks the event after its attempts and goes on; the failure is kept', async () => {
    behaviour.failNext = 1_000;
    await emit('poison');
    await emit('after-poison');
    for (let attempt = 0; attempt < 8; attempt++) await platform.ctx.events.dispatch().catch(() => undefined);
    behaviour.failNext = 0;
    await platform.ctx.events.dispatch();
    expect(await effects('poison')).toBe(0);
    expect(await effects('after-poison')).toBe(1);
    const parked = await platform.ctx.db
      .select()
      .from(eventFailures)
      .where(and(eq(eventFailures.consumer, 'probe.record')));
    expect(parked.map((p) => p.error)).toEqual(['handler failed']);
    await runAll();
  });
});
