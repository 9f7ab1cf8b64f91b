import { sql } from 'drizzle-orm';
import type { QueueOptions } from 'pg-boss';
import { fromDrizzle, PgBoss } from 'pg-boss';
import { currentTransaction, type Database, type Tx } from './db';

export interface JobContext {
  jobId: string;
  retryCount: number;
}

export interface JobDefinition<D extends object = object> {
  /** Queue name, namespaced by module: `vet-clinic.vaccination-due-scan`. */
  name: string;
  handler: (data: D, ctx: JobContext) => Promise<void>;
  /** Cron expression, run in `timeZone` (the clinic's by default). */
  cron?: string;
  timeZone?: string;
  options?: QueueOptions;
}

const DEFAULT_QUEUE: QueueOptions = { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 900 };

/** pg-boss on the clinic's own database: queues, retries with backoff, cron, dead letters. */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<any>>();
  private started = false;

  constructor(
    database: Database,
    private readonly defaultTimeZone: string,
    /** A worker also supervises queues (expiry, retention) and fires cron schedules; a web process only enqueues. */
    options: { worker?: boolean } = {},
  ) {
    const { db, connectionString, backend } = database.boss;
    this.boss = new PgBoss({
      ...(db ? { db } : { connectionString }),
      ...(backend ? { backend } : {}),
      schema: 'pgboss',
      supervise: options.worker ?? false,
      schedule: options.worker ?? false,
    });
    this.boss.on('error', (error) => console.error('[jobs]', error));
  }

  define<D extends object>(definition: JobDefinition<D>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition);
  }

  get names(): string[] {
    return [...this.definitions.keys()];
  }

  /** Installs pg-boss's schema if needed and creates every queue. No work runs until `work()`. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    const existing = new Set((await this.boss.getQueues()).map((q) => q.name));
    for (const def of this.definitions.values()) {
      if (!existing.has(def.name)) await this.boss.createQueue(def.name, { ...DEFAULT_QUEUE, ...def.options });
    }
    this.started = true;
  }

  /** Runs workers for every queue and registers cron schedules. */
  async work(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.start();
    for (const def of this.definitions.values()) {
      await this.boss.work(def.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs) await def.handler(job.data as object, { jobId: job.id, retryCount: job.retryCount });
      });
      if (def.cron) await this.boss.schedule(def.name, def.cron, null, { tz: def.timeZone ?? this.defaultTimeZone });
    }
  }

  /**
   * Enqueues a job in the given transaction, or the one the caller runs in: the job exists only if that
   * transaction commits.
   */
  async send(name: string, data: object, options: { tx?: Tx; startAfter?: Date; singletonKey?: string; id?: string } = {}): Promise<string | null> {
    const { tx = currentTransaction(), ...rest } = options;
    return this.boss.send(name, data, { ...rest, ...(tx ? { db: fromDrizzle(tx as never, sql as never) } : {}) });
  }

  /**
   * Runs every job that is ready now, one at a time, until none are left (or `maxJobs`).
   * Used by the CLI's one-shot commands and by tests; workers do the same continuously.
   * A job that throws is failed into pg-boss's retry schedule, exactly as a worker would;
   * `includeDelayed` also takes jobs still waiting out a backoff (as if that time had passed).
   */
  async runReady(names: string[] = this.names, options: { maxJobs?: number; includeDelayed?: boolean } = {}): Promise<number> {
    const maxJobs = options.maxJobs ?? 10_000;
    let ran = 0;
    for (let progress = true; progress && ran < maxJobs; ) {
      progress = false;
      for (const name of names) {
        const def = this.definitions.get(name);
        if (!def) throw new Error(`Unknown job ${name}`);
        const [job] = await this.boss.fetch<object>(name, { ignoreStartAfter: options.includeDelayed ?? false });
        if (!job) continue;
        progress = true;
        ran++;
        try {
          await def.handler(job.data, { jobId: job.id, retryCount: job.retryCount });
          await this.boss.complete(name, job.id);
        } catch (error) {
          await this.boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    return ran;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
