import { type Actor, foldForSearch, formatMoney, type ModuleContext } from '@petfriendly/core';
import { asc, eq } from 'drizzle-orm';
import type { CompetitiveIntelSettings } from './competitive-intel.settings';
import { pricingRecords } from './competitive-intel.tables';
import { type CompetitorService, requireWatcher } from './competitor.service';
import type { InsightSummaries } from './insight-summary';
import { PRICE_PAGES, type VisitorIntelligenceService } from './visitor.service';

const WATCH_DAYS = 30;

export interface Insight {
  kind: 'price_gap' | 'watched_prices' | 'service_gap';
  competitorId: number | null;
  serviceTypeId: number | null;
  text: string;
}

/**
 * The spec's `get_insights`, from rules: our prices far from the market's, competitors reading our price
 * pages (and changing theirs after), services they offer that we don't. The rules' answer is kept for
 * `INSIGHTS_REFRESH_HOURS` per language and dropped when a competitor or a price changes; with a model
 * configured, a short written summary of it comes along once written.
 */
export function createInsightsService(
  ctx: ModuleContext,
  market: CompetitorService,
  visitors: VisitorIntelligenceService,
  summaries: InsightSummaries,
  settings: CompetitiveIntelSettings,
) {
  const cache = new Map<string, { at: Date; insights: Insight[] }>();

  function invalidate() {
    cache.clear();
  }

  async function getInsights(actor: Actor) {
    const staff = requireWatcher(actor);
    const now = ctx.clock.now();
    let cached = cache.get(staff.language);
    if (!cached || now.getTime() - cached.at.getTime() >= settings.INSIGHTS_REFRESH_HOURS * 3_600_000) {
      cached = { at: now, insights: await fromRules(staff) };
      cache.set(staff.language, cached);
    }
    const summary = await summaries.current(
      staff.language,
      cached.insights.map((i) => i.text),
    );
    return { generatedAt: cached.at.toISOString(), source: summary ? ('model' as const) : ('rules' as const), summary, insights: cached.insights };
  }

  async function fromRules(actor: Actor & { language: string }): Promise<Insight[]> {
    const t = ctx.i18n.t(actor.language);
    const price = (v: string) => formatMoney(v, 'MXN', actor.language === 'es' ? 'es-MX' : actor.language);
    const [outliers, watched, offered] = await Promise.all([market.pricingOutliers(actor), watchedPrices(actor), serviceGaps(actor)]);
    const gaps: Insight[] = outliers.map((o) => ({
      kind: 'price_gap',
      competitorId: null,
      serviceTypeId: o.serviceTypeId,
      text: t(`competitive-intel:insights.${o.verdict}`, {
        service: o.service,
        percent: o.positionPercent.replace(/^[+-]/, ''),
        ours: price(o.ourPrice),
        median: price(o.median),
      }),
    }));
    const reads: Insight[] = watched.map((w) => ({
      kind: 'watched_prices',
      competitorId: w.competitorId,
      serviceTypeId: null,
      text: w.changed
        ? t('competitive-intel:insights.watchedThenChanged', {
            name: w.name,
            count: w.count,
            item: w.changed.item,
            price: price(w.changed.price),
            date: w.changed.observedOn,
          })
        : t('competitive-intel:insights.watched', { name: w.name, count: w.count, days: WATCH_DAYS }),
    }));
    const missing: Insight[] = offered.map((o) => ({
      kind: 'service_gap',
      competitorId: o.competitorId,
      serviceTypeId: null,
      text: t('competitive-intel:insights.serviceGap', { name: o.name, service: o.service }),
    }));
    return [...gaps, ...reads, ...missing];
  }

  /** Competitors who read our price pages lately, and the first price of theirs that changed after their first read. */
  async function watchedPrices(actor: Actor) {
    const seen = (await visitors.getCompetitorVisits(actor, { days: WATCH_DAYS })).filter((v) => PRICE_PAGES.test(v.path));
    const byCompetitor = new Map<number, { competitorId: number; name: string; count: number; first: string }>();
    for (const v of seen) {
      const entry = byCompetitor.get(v.competitorId) ?? { competitorId: v.competitorId, name: v.name, count: 0, first: v.at };
      entry.count += 1;
      if (v.at < entry.first) entry.first = v.at;
      byCompetitor.set(v.competitorId, entry);
    }
    return Promise.all([...byCompetitor.values()].map(async (w) => ({ ...w, changed: await changedSince(w.competitorId, w.first.slice(0, 10)) })));
  }

  /** A price the competitor logged on or after `day` that differs from its previous one for the same item. */
  async function changedSince(competitorId: number, day: string) {
    const rows = await ctx.db
      .select()
      .from(pricingRecords)
      .where(eq(pricingRecords.competitorId, competitorId))
      .orderBy(asc(pricingRecords.observedOn), asc(pricingRecords.id));
    const last = new Map<string, string>();
    for (const r of rows) {
      const key = r.serviceTypeId ? `s${r.serviceTypeId}` : foldForSearch(r.item);
      const before = last.get(key);
      last.set(key, r.price);
      if (r.observedOn >= day && before !== undefined && before !== r.price) return r;
    }
    return null;
  }

  /** What competitors list among their services that no service of ours is called like. */
  async function serviceGaps(actor: Actor) {
    const [rivals, ours] = await Promise.all([market.getCompetitors(actor), market.ourServices(actor)]);
    const names = ours.map((s) => foldForSearch(s.name));
    const covered = (service: string) => {
      const wanted = foldForSearch(service);
      return names.some((n) => n.includes(wanted) || wanted.includes(n));
    };
    return rivals.flatMap((c) => c.servicesOffered.filter((s) => !covered(s)).map((service) => ({ competitorId: c.id, name: c.name, service })));
  }

  return { getInsights, invalidate };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
