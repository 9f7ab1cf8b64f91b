import { sql } from 'drizzle-orm';
import { eventConsumers, outbox } from './core.tables';
import { rows } from './db';
import { JOBS_SCHEMA } from './jobs';
import type { ModuleContext } from './module';

export interface Health {
  ok: boolean;
  database: { ok: true; kind: string; latencyMs: number } | { ok: false; kind: string; error: string };
  queue: { ok: true; queues: number; ready: number; active: number } | { ok: false; error: string };
  events: { consumers: number; behind: number; failing: string[] } | { error: string };
}

/**
 * The database, the job queues and the event consumers, in one statement: a load balancer may ask every
 * few seconds. Queue counts are pg-boss's own (refreshed by its monitor), not a count of the jobs.
 */
export async function platformHealth(ctx: Pick<ModuleContext, 'db' | 'database' | 'events'>): Promise<Health> {
  const kind = ctx.database.kind;
  const started = performance.now();
  try {
    const [row] = await rows<{ queue: { queues: number; ready: number; active: number }; head: number | null; consumers: Consumer[] | null }>(
      ctx.db,
      sql`select
        (select json_build_object('queues', count(*), 'ready', coalesce(sum(ready_count), 0), 'active', coalesce(sum(active_count), 0))
           from ${sql.raw(JOBS_SCHEMA)}.queue) as queue,
        (select max(${outbox.position}) from ${outbox}) as head,
        (select json_agg(json_build_object('name', ${eventConsumers.name}, 'position', ${eventConsumers.position}, 'lastError', ${eventConsumers.lastError}))
           from ${eventConsumers}) as consumers`,
    );
    const known = new Set(ctx.events.consumerNames);
    const consumers = (row!.consumers ?? []).filter((c) => known.has(c.name));
    const head = Number(row!.head ?? 0);
    return {
      ok: true,
      database: { ok: true, kind, latencyMs: Math.round(performance.now() - started) },
      queue: { ok: true, queues: Number(row!.queue.queues), ready: Number(row!.queue.ready), active: Number(row!.queue.active) },
      events: {
        consumers: consumers.length,
        behind: Math.max(0, ...consumers.map((c) => head - Number(c.position))),
        failing: consumers.filter((c) => c.lastError).map((c) => c.name),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, database: { ok: false, kind, error: message }, queue: { ok: false, error: message }, events: { error: message } };
  }
}

interface Consumer {
  name: string;
  position: number | string;
  lastError: string | null;
}
