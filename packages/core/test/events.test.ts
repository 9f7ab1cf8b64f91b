import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { defineEvent, defineModule, eventDeliveries, localOutbox, outbox } from '@petfriendly/core';

const happened = defineEvent<{ label: string }>('probe.happened');

/** Handler behaviour the tests switch: fail the next N calls, or crash after writing its effect. */
const behaviour = { failNext: 0, crashAfterWrite: false, calls: 0 };

const probeModule = defineModule({
  name: 'probe',
  tables: {},
  createServices: () => ({}),
  subscribe(events) {
    events.on(happened, 'probe.record', async ({ label }, { tx }) => {
      behaviour.calls++;
      if (behaviour.failNext > 0) {
        behaviour.failNext--;
        throw new Error('handler failed');
      }
      await tx.insert(localOutbox).values({ channel: 'probe', recipient: label, body: label });
      if (behaviour.crashAfterWrite) {
        behaviour.crashAfterWrite = false;
        throw new Error('process died mid-delivery');
      }
    });
  },
});

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform([probeModule]);
});
afterAll(async () => platform?.close());

async function effects(label: string) {
  const [row] = await platform.ctx.db.select({ n: count() }).from(localOutbox).where(eq(localOutbox.recipient, label));
  return row!.n;
}

async function emit(label: string) {
  return platform.ctx.db.transaction((tx) => platform.ctx.events.emit(tx, happened, { label }));
}

describe('durable events', () => {
  it('writes the event with the change, and nothing when the change rolls back', async () => {
    await expect(
      platform.ctx.db.transaction(async (tx) => {
        await platform.ctx.events.emit(tx, happened, { label: 'rolled-back' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const rows = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'probe.happened'));
    expect(rows.filter((r) => (r.payload as { label: string }).label === 'rolled-back')).toHaveLength(0);
    expect(await platform.ctx.jobs.runReady(undefined, { includeDelayed: true })).toBe(0);
  });

  it('delivers after commit to the named handler', async () => {
    behaviour.calls = 0;
    const eventId = await emit('plain');
    expect(await effects('plain')).toBe(0);
    expect(await platform.ctx.jobs.runReady()).toBe(1);
    expect(await effects('plain')).toBe(1);
    expect(await platform.ctx.events.wasDelivered('probe.record', eventId)).toBe(true);
  });

  it('retries a handler that throws, and the event is not lost', async () => {
    behaviour.calls = 0;
    behaviour.failNext = 2;
    await emit('flaky');
    await platform.ctx.jobs.runReady();
    expect(await effects('flaky')).toBe(0);
    // The retry waits out its backoff; run it as if that time had passed.
    await platform.ctx.jobs.runReady(undefined, { includeDelayed: true });
    expect(behaviour.calls).toBe(3);
    expect(await effects('flaky')).toBe(1);
  });

  it('a crash mid-delivery rolls the handler back, and the redelivery applies it once', async () => {
    behaviour.crashAfterWrite = true;
    await emit('crash');
    await platform.ctx.jobs.runReady();
    expect(await effects('crash')).toBe(0);
    await platform.ctx.jobs.runReady(undefined, { includeDelayed: true });
    expect(await effects('crash')).toBe(1);
  });

  it('a job delivered again after a restart (handler committed, job not marked done) does not run twice', async () => {
    const eventId = await emit('restart');
    // The worker took the job and committed the handler, then died before telling pg-boss.
    const [job] = await platform.ctx.jobs.boss.fetch<{ eventId: string }>('event.probe.record');
    expect(job!.data.eventId).toBe(eventId);
    expect(await platform.ctx.events.deliver('probe.record', eventId)).toBe('delivered');
    // After the restart pg-boss hands the job out again; the delivery record stops a second run.
    expect(await platform.ctx.events.deliver('probe.record', eventId)).toBe('already_delivered');
    await platform.ctx.jobs.boss.complete('event.probe.record', job!.id);
    expect(await effects('restart')).toBe(1);
    const deliveries = await platform.ctx.db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, eventId));
    expect(deliveries).toHaveLength(1);
  });

  it('concurrent deliveries of one event apply it exactly once', async () => {
    const eventId = await emit('race');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => platform.ctx.events.deliver('probe.record', eventId)));
    const delivered = results.filter((r) => r.status === 'fulfilled' && r.value === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(await effects('race')).toBe(1);
    await platform.ctx.jobs.runReady();
    expect(await effects('race')).toBe(1);
  });
});
