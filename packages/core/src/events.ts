import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './db';
import { eventDeliveries, outbox } from './core.tables';
import type { JobQueue } from './jobs';

/** A typed domain event. The payload type travels with the definition. */
export interface EventDefinition<P> {
  readonly name: string;
  readonly __payload?: P;
}

export function defineEvent<P>(name: string): EventDefinition<P> {
  return { name };
}

export type EventPayload<E> = E extends EventDefinition<infer P> ? P : never;

export interface EventContext {
  eventId: string;
  occurredAt: Date;
  /**
   * The handler's work commits together with its delivery record: run it in here. Every query of the
   * handler must use this transaction (on PGlite a query outside it would wait for it forever).
   */
  tx: Tx;
}

interface Subscription {
  event: string;
  handler: string;
  handle: (payload: any, ctx: EventContext) => Promise<void>;
}

const queueFor = (handler: string) => `event.${handler}`;

/**
 * Durable, typed events. `emit` writes the event to the outbox and enqueues one pg-boss job per
 * subscribed handler, all inside the caller's transaction: if the change commits, every handler
 * will run; if it rolls back, nothing was raised. Delivery records make handlers run once even
 * when a job is retried after a crash.
 */
export class EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();

  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
  ) {}

  /** `handler` is a stable, unique name (`crm.update_owner_stats`): it names the queue and the delivery record. */
  on<P>(event: EventDefinition<P>, handler: string, handle: (payload: P, ctx: EventContext) => Promise<void>): void {
    const list = this.subscriptions.get(event.name) ?? [];
    if ([...this.subscriptions.values()].flat().some((s) => s.handler === handler)) {
      throw new Error(`Event handler ${handler} is registered twice`);
    }
    list.push({ event: event.name, handler, handle });
    this.subscriptions.set(event.name, list);
    this.jobs.define<{ eventId: string }>({
      name: queueFor(handler),
      handler: async ({ eventId }) => {
        await this.deliver(handler, eventId);
      },
    });
  }

  async emit<P>(tx: Tx, event: EventDefinition<P>, payload: P): Promise<string> {
    const [row] = await tx.insert(outbox).values({ name: event.name, payload: payload as object }).returning({ id: outbox.id });
    const eventId = row!.id;
    for (const sub of this.subscriptions.get(event.name) ?? []) {
      await this.jobs.send(queueFor(sub.handler), { eventId }, { tx });
    }
    return eventId;
  }

  /** Runs one handler for one event, at most once to commit. */
  async deliver(handler: string, eventId: string): Promise<'delivered' | 'already_delivered'> {
    const sub = [...this.subscriptions.values()].flat().find((s) => s.handler === handler);
    if (!sub) throw new Error(`No event handler named ${handler}`);
    return this.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(eventDeliveries)
        .values({ eventId, handler })
        .onConflictDoNothing()
        .returning({ eventId: eventDeliveries.eventId });
      if (claimed.length === 0) return 'already_delivered' as const;
      const [event] = await tx.select().from(outbox).where(eq(outbox.id, eventId));
      if (!event) throw new Error(`Event ${eventId} is not in the outbox`);
      await sub.handle(event.payload, { eventId, occurredAt: event.occurredAt, tx });
      return 'delivered' as const;
    });
  }

  async wasDelivered(handler: string, eventId: string): Promise<boolean> {
    const found = await this.db
      .select({ n: sql<number>`1` })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.handler, handler)));
    return found.length > 0;
  }

  get handlerQueues(): string[] {
    return [...this.subscriptions.values()].flat().map((s) => queueFor(s.handler));
  }
}
