import { type Actor, type ModuleContext, parseInput } from '@petfriendly/core';
import { and, desc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { daysSchema } from './competitive-intel.schemas';
import type { CompetitiveIntelSettings } from './competitive-intel.settings';
import { competitors, visits } from './competitive-intel.tables';
import { requireWatcher } from './competitor.service';
import { competitorOf, parseRanges, type Range, truncateAddress } from './ip';

const FLUSH_EVERY_MS = 5_000;
const FLUSH_AT = 200;
const RANGES_FRESH_MS = 5 * 60_000;
/** Not the public website: staff pages, the API, webhooks, assets, setup, payment pages. */
const PRIVATE = /^\/(admin|api|webhooks|static|setup|pay|billing|health|my|account)(\/|$)/;
/** Where our prices are shown. */
export const PRICE_PAGES = /^\/(book|store)(\/|$)/;

type VisitRow = typeof visits.$inferInsert;

/**
 * The spec's VisitorIntelligenceService. A visit keeps the page, the time, a short user agent and the
 * visitor's network (/24 or /48), never the full address; a visit from a range a competitor declared
 * keeps that competitor too. Visits wait in memory and are written in batches, so pages wait for nothing;
 * visitors who ask not to be tracked (Do-Not-Track, Global Privacy Control) are not recorded at all.
 */
export function createVisitorService(ctx: ModuleContext, settings: CompetitiveIntelSettings) {
  const { db } = ctx;
  let buffer: VisitRow[] = [];
  let ranges: { loadedAt: number; list: Promise<Range[]> } | null = null;
  let timer: NodeJS.Timeout | null = null;

  function rangesNow(): Promise<Range[]> {
    const now = Date.now();
    if (!ranges || now - ranges.loadedAt > RANGES_FRESH_MS) {
      const list = db.select({ id: competitors.id, ipRanges: competitors.ipRanges }).from(competitors).where(eq(competitors.isActive, true)).then(parseRanges);
      ranges = { loadedAt: now, list };
      list.catch(() => (ranges = null));
    }
    return ranges.list;
  }

  /** Competitors' ranges are read again on the next visit (after staff change them). */
  function rangesChanged() {
    ranges = null;
  }

  /** Records a visit (buffered: `flush` writes it). Nothing when tracking is off. */
  async function logVisit(ipAddress: string, userAgent: string, page: string) {
    if (!settings.TRACK_VISITOR_IPS) return null;
    const visit: VisitRow = {
      at: ctx.clock.now(),
      path: page.split(/[?#]/)[0]!.slice(0, 300),
      network: truncateAddress(ipAddress),
      competitorId: competitorOf(ipAddress, await rangesNow()),
      userAgent: userAgent.slice(0, 200),
    };
    buffer.push(visit);
    if (buffer.length >= FLUSH_AT) await flush();
    else timer ??= setTimeout(() => void flush().catch((error) => ctx.logger.warn({ err: error }, 'visits not written')), FLUSH_EVERY_MS).unref();
    return visit;
  }

  /** Writes the buffered visits in one insert. */
  async function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    if (batch.length) await db.insert(visits).values(batch);
    return batch.length;
  }

  /** Whether the visitor asked not to be tracked: `DNT: 1` or `Sec-GPC: 1`. */
  function optedOut(headers: FastifyRequest['headers']) {
    return headers.dnt === '1' || headers['sec-gpc'] === '1';
  }

  /** The response hook: a public page, seen by someone who is not staff and did not opt out. */
  function observe(request: FastifyRequest, reply: FastifyReply) {
    if (!settings.TRACK_VISITOR_IPS || request.method !== 'GET' || reply.statusCode !== 200) return;
    if (request.actor?.kind === 'staff' || optedOut(request.headers) || PRIVATE.test(request.url)) return;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return;
    void logVisit(request.ip, String(request.headers['user-agent'] ?? ''), request.url).catch((error) => ctx.logger.warn({ err: error }, 'visit not recorded'));
  }

  /** Visits from competitors' ranges in the last `days`: who read which page, when (latest first). */
  async function getCompetitorVisits(actor: Actor, query: unknown = {}) {
    requireWatcher(actor);
    const { days } = parseInput(daysSchema, query);
    const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
    const rows = await db
      .select({ competitorId: visits.competitorId, name: competitors.name, path: visits.path, at: visits.at, network: visits.network })
      .from(visits)
      .innerJoin(competitors, eq(competitors.id, visits.competitorId))
      .where(and(isNotNull(visits.competitorId), gte(visits.at, since)))
      .orderBy(desc(visits.at))
      .limit(1000);
    return rows.map((r) => ({ ...r, competitorId: r.competitorId!, at: r.at.toISOString() }));
  }

  /** Deletes visits older than `VISIT_RETENTION_DAYS` (the daily job). */
  async function purge() {
    const before = new Date(ctx.clock.now().getTime() - settings.VISIT_RETENTION_DAYS * 86_400_000);
    const gone = await db.delete(visits).where(lt(visits.at, before)).returning({ id: visits.id });
    return gone.length;
  }

  return { logVisit, flush, observe, getCompetitorVisits, purge, rangesChanged, settings };
}

export type VisitorIntelligenceService = ReturnType<typeof createVisitorService>;
