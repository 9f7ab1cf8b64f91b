import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Db, rateLimits, rows } from '@petfriendly/core';
import { lt, sql } from 'drizzle-orm';

/** Expired counters are swept once in this many increments. */
const SWEEP_EVERY = 500;

/**
 * A store for @fastify/rate-limit that keeps the counters in `core.rate_limits`, so every process on
 * the database shares them. The window is fixed: it starts with the first hit and lasts `timeWindow`
 * milliseconds by the database's clock.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let increments = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = '') {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      this.hit(this.prefix + key, timeWindow).then((result) => callback(null, result), callback);
    }

    // At run time the options carry the route as `routeInfo` (empty for `app.rateLimit()` limiters).
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0] & { routeInfo?: { method?: string | string[]; url?: string } }) {
      return new DatabaseStore(`${routeOptions.routeInfo?.method ?? ''}${routeOptions.routeInfo?.url ?? ''}|`);
    }

    private async hit(key: string, timeWindow: number) {
      if (++increments % SWEEP_EVERY === 0) await db.delete(rateLimits).where(lt(rateLimits.resetsAt, sql`clock_timestamp()`));
      const [row] = await rows<{ hits: number; ttl: number }>(
        db,
        sql`insert into core.rate_limits as r (key, hits, resets_at)
            values (${key}, 1, clock_timestamp() + ${timeWindow} * interval '1 millisecond')
            on conflict (key) do update set
              hits = case when r.resets_at <= clock_timestamp() then 1 else r.hits + 1 end,
              resets_at = case when r.resets_at <= clock_timestamp() then excluded.resets_at else r.resets_at end
            returning hits, greatest(0, ceil(extract(epoch from r.resets_at - clock_timestamp()) * 1000))::int as ttl`,
      );
      return { current: Number(row!.hits), ttl: Number(row!.ttl) };
    }
  }
  return class extends DatabaseStore {
    constructor() {
      super();
    }
  };
}
