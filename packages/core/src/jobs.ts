import { sql } from 'drizzle-orm';
import type { JobResult, Queue, QueueOptions } from 'pg-boss';
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
  /**
   * How often the worker looks for jobs that no NOTIFY announces: ones sent with `startAfter` (and
   * retries after their backoff) become due silently. Default {@link BACKSTOP_POLL_SECONDS}; a queue of
   * jobs due at a set time (reminders) polls more often.
   */
  backstopPollSeconds?: number;
}

/** Where pg-boss keeps its tables. */
export const JOBS_SCHEMA = 'pgboss';
/** Every queue NOTIFYs its worker when a job is sent, so workers sleep instead of polling. */
const DEFAULT_QUEUE: Omit<Queue, 'name'> = { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 900, notify: true };
/** A worker's poll while LISTEN/NOTIFY wakes it: only a backstop for delayed jobs and missed notifications. */
export const BACKSTOP_POLL_SECONDS = 120;
/** Jobs a worker claims at once per queue, then runs one after another. */
const BATCH_SIZE = 5;
/** A worker's poll when LISTEN/NOTIFY cannot be had (a pooler in transaction mode). */
const FALLBACK_POLL_SECONDS = 5;

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
      schema: JOBS_SCHEMA,
      supervise: options.worker ?? false,
      schedule: options.worker ?? false,
      // Only a worker listens (one connection on a server; in-process on PGlite). Web processes NOTIFY when they send.
      useListenNotify: options.worker ?? false,
      // Schedules are daily or hourly: their jobs may start up to a minute or so late, so the cron
      // machinery need not wake every few seconds (pg-boss's defaults: 5 s and 30 s; its longest: 45 s).
      cronWorkerIntervalSeconds: 45,
      cronMonitorIntervalSeconds: 45,
      // Job flows (dependencies between jobs) are not used here.
      flowIntervalSeconds: 60,
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
    const existing = new Map((await this.boss.getQueues()).map((q) => [q.name, q]));
    for (const def of this.definitions.values()) {
      const queue = existing.get(def.name);
      if (!queue) await this.boss.createQueue(def.name, { ...DEFAULT_QUEUE, ...def.options });
      else if (!queue.notify) await this.boss.updateQueue(def.name, { notify: true });
    }
    this.started = true;
  }

  /**
   * Runs workers for every queue and registers cron schedules. Workers are woken by LISTEN/NOTIFY when a
   * job is sent and otherwise poll only as a backstop, so an idle worker hardly touches the database.
   */
  async work(): Promise<void> {
    await this.start();
    for (const def of this.definitions.values()) {
      const options = {
        pollingIntervalSeconds: FALLBACK_POLL_SECONDS,
        notifyPollingIntervalSeconds: def.backstopPollSeconds ?? BACKSTOP_POLL_SECONDS,
        // A NOTIFY wakes the worker for one fetch, however many jobs were sent meanwhile: fetch a batch, and
        // go on fetching while batches come back full, so a burst of jobs never waits for the backstop poll.
        batchSize: BATCH_SIZE,
        burstWhenBatchFull: true,
        // Each job of a batch succeeds or fails (into its own retries) alone: one failure never repeats the others.
        perJobResults: true as const,
      };
      await this.boss.work(def.name, options, async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          try {
            await def.handler(job.data as object, { jobId: job.id, retryCount: job.retryCount });
            results.push({ id: job.id, status: 'completed' });
          } catch (error) {
            results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
          }
        }
        return results;
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
