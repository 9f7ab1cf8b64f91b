import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { eventConsumers, eventFailures, outbox } from './core.tables';
import { type Db, rows, type Tx } from './db';
import type { JobQueue } from './jobs';
import { pinnedNow } from './time';

/** A typed domain event: its name, version and the schema every payload is checked against when emitted. */
export interface EventDefinition<P> {
  readonly name: string;
  readonly version: number;
  readonly description: string;
  readonly schema: z.ZodType<P>;
}

export function defineEvent<S extends z.ZodType>(name: string, options: { schema: S; description: string; version?: number }): EventDefinition<z.infer<S>> {
  return { name, version: options.version ?? 1, description: options.description, schema: options.schema as z.ZodType<z.infer<S>> };
}

/** An entry of the event catalogue: an event and the module that raises it. */
export interface CatalogueEntry {
  module: string;
  event: EventDefinition<unknown>;
}

export type EventPayload<E> = E extends EventDefinition<infer P> ? P : never;

export interface EventContext {
  eventId: string;
  /** The event's place in commit order, the same for every consumer. */
  position: number;
  occurredAt: Date;
  /**
   * The consumer's own transaction, opened after the event's commit: the handler's effects and the
   * consumer's new position commit together. Services called from the handler join it by themselves.
   */
  tx: Tx;
}

type Handle<P> = (payload: P, ctx: EventContext) => Promise<unknown>;

export interface Subscription<P = unknown> {
  event: EventDefinition<P>;
  handle: Handle<P>;
}

/** One event a consumer handles, for `EventBus.consume`. */
export function on<P>(event: EventDefinition<P>, handle: Handle<P>): Subscription {
  return { event, handle } as Subscription;
}

export interface ConsumerOptions {
  /**
   * Where a consumer seen for the first time starts: `now` (notices: don't message people about the past)
   * or `start` (ledgers, profiles, reports: build state from all history).
   */
  from?: 'start' | 'now';
  /**
   * A handler that keeps failing blocks its consumer (the events after it wait, in order). After this many
   * attempts a non-strict consumer parks the event in `core.event_failures` and goes on; strict consumers
   * (the books) never skip.
   */
  maxAttempts?: number;
  strict?: boolean;
}

interface Consumer extends Required<ConsumerOptions> {
  name: string;
  handlers: Map<string, Handle<unknown>>;
}

export interface ConsumerStatus {
  name: string;
  position: number;
  behind: number;
  attempts: number;
  lastError: string | null;
}

/** The queue that runs consumers after commit. */
export const DISPATCH_QUEUE = 'core.dispatch_events';
const BATCH = 200;
/** Events per INSERT in `emitMany`. */
const EMIT_BATCH = 500;
const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Durable, typed, ordered events (a transactional outbox).
 *
 * `emit` checks the payload against the event's schema and writes it to the outbox in the caller's
 * transaction, with one dispatch job: if the change commits, the event will be delivered; if it rolls
 * back, nothing was raised. Committing gives each event its position, in commit order. The dispatcher
 * runs every consumer over the events past its own position, each batch in the consumer's own
 * transaction that also moves the position: effects apply exactly once, whatever crashes or retries.
 * A consumer added later starts at position 0 and replays all history, if it asks to.
 */
export class EventBus {
  private readonly consumers = new Map<string, Consumer>();
  private readonly catalogue = new Map<string, CatalogueEntry>();
  /** Transactions that already queued a dispatch: one job per emitting transaction, not per event. */
  private readonly dispatchQueued = new WeakSet<object>();

  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
  ) {
    jobs.define({
      name: DISPATCH_QUEUE,
      cron: '* * * * *',
      options: { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 },
      handler: () => this.dispatch(),
    });
  }

  /** Adds a module's events to the catalogue. */
  declare(module: string, events: readonly EventDefinition<unknown>[]): void {
    for (const event of events) {
      if (this.catalogue.has(event.name)) throw new Error(`Event ${event.name} is declared twice`);
      this.catalogue.set(event.name, { module, event });
    }
  }

  /** Every declared event, by module then name. */
  get catalogueEntries(): CatalogueEntry[] {
    return [...this.catalogue.values()].sort((a, b) => a.module.localeCompare(b.module) || a.event.name.localeCompare(b.event.name));
  }

  /**
   * A consumer: a stable, unique name (`accounting.ledger`) that keeps its own position, and the events it
   * handles, applied in commit order.
   */
  consume(name: string, subscriptions: Subscription[], options: ConsumerOptions = {}): void {
    if (this.consumers.has(name)) throw new Error(`Event consumer ${name} is registered twice`);
    const handlers = new Map<string, Handle<unknown>>();
    for (const { event, handle } of subscriptions) {
      if (handlers.has(event.name)) throw new Error(`Event consumer ${name} handles ${event.name} twice`);
      handlers.set(event.name, handle);
    }
    this.consumers.set(name, {
      name,
      handlers,
      from: options.from ?? 'now',
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      strict: options.strict ?? false,
    });
  }

  /** A consumer of one event. */
  on<P>(event: EventDefinition<P>, name: string, handle: Handle<P>, options?: ConsumerOptions): void {
    this.consume(name, [on(event, handle)], options);
  }

  async emit<P>(tx: Tx, event: EventDefinition<P>, payload: P): Promise<string> {
    const [id] = await this.emitMany(tx, event, [{ payload }]);
    return id!;
  }

  /**
   * Several events of one kind in one statement (a bulk import announcing what it wrote). Each is stamped
   * with its own `occurredAt` when given, else the moment `runAsOf` pinned, else the database's now.
   */
  async emitMany<P>(tx: Tx, event: EventDefinition<P>, entries: readonly { payload: P; occurredAt?: Date }[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const known = this.catalogue.get(event.name);
    if (known && known.event !== event) throw new Error(`Event ${event.name} is not the one its module declared`);
    const at = pinnedNow();
    const values = entries.map(({ payload, occurredAt }) => {
      const checked = event.schema.safeParse(payload);
      if (!checked.success) throw new Error(`Event ${event.name} has a bad payload: ${checked.error.message}`);
      const stamp = occurredAt ?? at;
      return { name: event.name, version: event.version, payload: checked.data as object, ...(stamp ? { occurredAt: stamp } : {}) };
    });
    const ids: string[] = [];
    for (let i = 0; i < values.length; i += EMIT_BATCH) {
      const inserted = await tx
        .insert(outbox)
        .values(values.slice(i, i + EMIT_BATCH))
        .returning({ id: outbox.id });
      ids.push(...inserted.map((r) => r.id));
    }
    if (!this.dispatchQueued.has(tx)) {
      this.dispatchQueued.add(tx);
      await this.jobs.send(DISPATCH_QUEUE, {}, { tx });
    }
    return ids;
  }

  /**
   * Moves the consumers that start from `now` (notices) past every event committed so far: what an import
   * just wrote (the demo clinic's past) is history, not news to message anyone about. Ledgers, profiles and
   * reports (`from: 'start'`) still apply it.
   */
  async passHistory(): Promise<void> {
    const names = [...this.consumers.values()].filter((c) => c.from === 'now').map((c) => c.name);
    if (names.length === 0) return;
    await this.db
      .update(eventConsumers)
      .set({ position: sql`greatest(${eventConsumers.position}, (select coalesce(max(${outbox.position}), 0) from ${outbox}))`, updatedAt: new Date() })
      .where(inArray(eventConsumers.name, names));
  }

  /** Creates the position of consumers seen for the first time. Runs at start-up, before any job. */
  async start(): Promise<void> {
    for (const consumer of this.consumers.values()) {
      const head = consumer.from === 'start' ? sql`0` : sql`(select coalesce(max(${outbox.position}), 0) from ${outbox})`;
      await this.db.execute(sql`insert into ${eventConsumers} (name, position) values (${consumer.name}, ${head}) on conflict (name) do nothing`);
    }
  }

  /**
   * Brings every consumer up to date with the outbox. Several dispatchers (processes, retries) may run at
   * once: each consumer is worked by one of them at a time. Throws when a consumer failed, so the job is
   * retried with backoff.
   */
  async dispatch(): Promise<void> {
    const failed = new Set<string>();
    // Handlers may raise events of their own: those are committed by now, so take them in the same run.
    for (let seen = -1, head = await this.head(); head !== seen; seen = head, head = await this.head()) {
      for (const consumer of this.consumers.values()) {
        if (failed.has(consumer.name)) continue;
        for (let result = await this.advance(consumer); ; result = await this.advance(consumer)) {
          if (result === 'failed') failed.add(consumer.name);
          if (result !== 'more') break;
        }
      }
    }
    if (failed.size > 0) throw new Error(`Event consumers failed: ${[...failed].join(', ')}`);
  }

  /** The last position given (positions are given at commit, in commit order: see the outbox table). */
  private async head(): Promise<number> {
    const [row] = await rows<{ p: string | null }>(this.db, sql`select max(position) as p from ${outbox}`);
    return Number(row?.p ?? 0);
  }

  /** One batch of one consumer, in one transaction with its position. */
  private async advance(consumer: Consumer): Promise<'idle' | 'more' | 'failed'> {
    let failure: { position: number; eventId: string; error: unknown } | null = null;
    const outcome = await this.db.transaction(async (tx) => {
      const [state] = await rows<{ position: string; attempts: number }>(
        tx,
        sql`select position, attempts from ${eventConsumers} where name = ${consumer.name} for update skip locked`,
      );
      if (!state) return 'idle' as const;
      const from = Number(state.position);
      const [head] = await rows<{ p: string | null }>(tx, sql`select max(position) as p from ${outbox}`);
      if (!head?.p || Number(head.p) <= from) return 'idle' as const;
      const batch = await tx
        .select()
        .from(outbox)
        .where(and(isNotNull(outbox.position), gt(outbox.position, from), inArray(outbox.name, [...consumer.handlers.keys()])))
        .orderBy(asc(outbox.position))
        .limit(BATCH);
      // With a full batch, stop at its last event; otherwise everything up to the head has been seen.
      let position = batch.length === BATCH ? from : Number(head.p);
      for (const event of batch) {
        try {
          await tx.transaction((handlerTx) =>
            consumer.handlers.get(event.name)!(event.payload, { eventId: event.id, position: event.position!, occurredAt: event.occurredAt, tx: handlerTx }),
          );
        } catch (error) {
          failure = { position: event.position!, eventId: event.id, error };
          position = event.position! - 1;
          break;
        }
        if (batch.length === BATCH) position = event.position!;
      }
      const ahead = position > from;
      await tx
        .update(eventConsumers)
        .set({ position, attempts: failure ? (ahead ? 1 : state.attempts + 1) : 0, lastError: failure ? describe(failure.error) : null, updatedAt: new Date() })
        .where(eq(eventConsumers.name, consumer.name));
      if (failure) return 'failed' as const;
      return batch.length === BATCH ? ('more' as const) : ('idle' as const);
    });
    if (outcome === 'failed' && failure) await this.parkIfExhausted(consumer, failure);
    return outcome;
  }

  private async parkIfExhausted(consumer: Consumer, failure: { position: number; eventId: string; error: unknown }): Promise<void> {
    if (consumer.strict) return;
    await this.db.transaction(async (tx) => {
      const [state] = await tx.select().from(eventConsumers).where(eq(eventConsumers.name, consumer.name)).for('update');
      if (!state || state.attempts < consumer.maxAttempts || state.position !== failure.position - 1) return;
      await tx.insert(eventFailures).values({ consumer: consumer.name, eventId: failure.eventId, position: failure.position, error: describe(failure.error) });
      await tx.update(eventConsumers).set({ position: failure.position, attempts: 0, updatedAt: new Date() }).where(eq(eventConsumers.name, consumer.name));
    });
  }

  /** Each consumer's position and how far behind the outbox's head it is (health, the admin). */
  async status(): Promise<ConsumerStatus[]> {
    const headPosition = await this.head();
    const states = await this.db.select().from(eventConsumers);
    return states
      .filter((s) => this.consumers.has(s.name))
      .map((s) => ({ name: s.name, position: s.position, behind: headPosition - s.position, attempts: s.attempts, lastError: s.lastError }));
  }

  /** Moves a consumer back (to 0: replay all history), for a rebuilt projection. */
  async rewind(name: string, position = 0): Promise<void> {
    if (!this.consumers.has(name)) throw new Error(`No event consumer named ${name}`);
    await this.db.update(eventConsumers).set({ position, attempts: 0, lastError: null, updatedAt: new Date() }).where(eq(eventConsumers.name, name));
  }

  get consumerNames(): string[] {
    return [...this.consumers.keys()];
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
