import type { PriceListPort } from '@petfriendly/appointments';
import {
  type Actor,
  ConflictError,
  clinicToday,
  type ModuleContext,
  NotFoundError,
  parseInput,
  requireStaff,
  type StaffActor,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { archiveSchema, competitorSchema, pricingSchema } from './competitive-intel.schemas';
import type { CompetitiveIntelSettings } from './competitive-intel.settings';
import { competitors, pricingRecords } from './competitive-intel.tables';
import { market, outsideMargin } from './market';

/** Competitors and their prices are for the people who set ours. */
export const MARKET_WATCHERS = ['manager', 'admin'] as const;
export const requireWatcher = (actor: Actor): StaffActor => requireStaff(actor, MARKET_WATCHERS);

/**
 * The spec's CompetitorService: the clinics the managers watch, the prices they logged for them, and how
 * ours (the catalogue's, IVA included, read through appointments' port) compare with the market.
 */
export function createCompetitorService(ctx: ModuleContext, prices: PriceListPort, settings: CompetitiveIntelSettings, onChange: () => void) {
  const { db } = ctx;
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
  const notFound = (id: number) => new NotFoundError('competitive_intel.competitor_not_found', `There is no competitor ${id}.`, { id });

  async function getCompetitors(actor: Actor, options: { includeArchived?: boolean } = {}) {
    requireWatcher(actor);
    return db
      .select()
      .from(competitors)
      .where(options.includeArchived ? undefined : eq(competitors.isActive, true))
      .orderBy(asc(competitors.name));
  }

  async function getCompetitor(actor: Actor, id: number) {
    requireWatcher(actor);
    const [row] = await db.select().from(competitors).where(eq(competitors.id, id));
    if (!row) throw notFound(id);
    const prices = await db
      .select()
      .from(pricingRecords)
      .where(eq(pricingRecords.competitorId, id))
      .orderBy(desc(pricingRecords.observedOn), desc(pricingRecords.id));
    return { ...row, prices };
  }

  async function addCompetitor(actor: Actor, input: unknown) {
    requireWatcher(actor);
    const data = parseInput(competitorSchema, input);
    const [row] = await db.insert(competitors).values(data).returning();
    onChange();
    return row!;
  }

  async function updateCompetitor(actor: Actor, id: number, input: unknown) {
    requireWatcher(actor);
    const data = parseInput(competitorSchema, input);
    const [row] = await db
      .update(competitors)
      .set({ ...data, updatedAt: ctx.clock.now() })
      .where(eq(competitors.id, id))
      .returning();
    if (!row) throw notFound(id);
    onChange();
    return row;
  }

  /** Archived competitors leave the lists and the comparison; their prices and visits stay. */
  async function archiveCompetitor(actor: Actor, id: number, input: unknown = {}) {
    requireWatcher(actor);
    const { archived } = parseInput(archiveSchema, input);
    const [row] = await db.update(competitors).set({ isActive: !archived, updatedAt: ctx.clock.now() }).where(eq(competitors.id, id)).returning();
    if (!row) throw notFound(id);
    onChange();
    return row;
  }

  async function logPricing(actor: Actor, competitorId: number, input: unknown) {
    const staff = requireWatcher(actor);
    const data = parseInput(pricingSchema, input);
    const observedOn = data.observedOn ?? today();
    if (observedOn > today()) throw ValidationError.forField('competitive_intel.future_price', 'observedOn', 'A price cannot be observed in the future.');
    if (data.serviceTypeId !== null && (await prices.appointments.servicesByIds([data.serviceTypeId])).length === 0)
      throw ValidationError.forField('competitive_intel.service_unknown', 'serviceTypeId', `There is no service ${data.serviceTypeId}.`, {
        id: data.serviceTypeId,
      });
    const [competitor] = await db.select().from(competitors).where(eq(competitors.id, competitorId));
    if (!competitor) throw notFound(competitorId);
    if (!competitor.isActive) throw new ConflictError('competitive_intel.competitor_archived', `${competitor.name} is archived.`, { name: competitor.name });
    const [row] = await db
      .insert(pricingRecords)
      .values({ ...data, competitorId, observedOn, loggedBy: staff.userId })
      .returning();
    onChange();
    return row!;
  }

  /** The active competitors' prices for our services, oldest first (one query). */
  async function pricesFor(serviceTypeIds?: number[]) {
    return db
      .select({
        competitorId: pricingRecords.competitorId,
        name: competitors.name,
        serviceTypeId: pricingRecords.serviceTypeId,
        item: pricingRecords.item,
        price: pricingRecords.price,
        source: pricingRecords.source,
        observedOn: pricingRecords.observedOn,
      })
      .from(pricingRecords)
      .innerJoin(competitors, eq(competitors.id, pricingRecords.competitorId))
      .where(
        and(eq(competitors.isActive, true), serviceTypeIds ? inArray(pricingRecords.serviceTypeId, serviceTypeIds) : isNotNull(pricingRecords.serviceTypeId)),
      )
      .orderBy(asc(pricingRecords.observedOn), asc(pricingRecords.id));
  }

  type PriceRow = Awaited<ReturnType<typeof pricesFor>>[number];

  /** Each competitor's latest price among rows sorted oldest first. */
  function latestByCompetitor(rows: PriceRow[]) {
    const latest = new Map<number, PriceRow>();
    for (const row of rows) latest.set(row.competitorId, row);
    return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  function compare(service: { id: number; name: string; price: string }, rows: PriceRow[]) {
    const latest = latestByCompetitor(rows);
    const figures = market(
      service.price,
      latest.map((r) => r.price),
    );
    return {
      serviceTypeId: service.id,
      service: service.name,
      ourPrice: service.price,
      competitors: latest.map(({ serviceTypeId: _, ...r }) => r),
      market: figures,
      verdict: outsideMargin(figures?.positionPercent ?? null, settings.PRICE_MARGIN_PERCENT),
      history: rows.map((r) => ({ competitorId: r.competitorId, name: r.name, observedOn: r.observedOn, price: r.price })),
    };
  }

  /** Our price for a service against each competitor's latest, the market's min / median / max, where we stand, and the history. */
  async function comparePricing(actor: Actor, serviceTypeId: number) {
    requireWatcher(actor);
    const [service] = await prices.appointments.servicesByIds([serviceTypeId]);
    if (!service) throw new NotFoundError('competitive_intel.service_unknown', `There is no service ${serviceTypeId}.`, { id: serviceTypeId });
    return compare(service, await pricesFor([serviceTypeId]));
  }

  /** Every active service that competitors price, compared (the pricing page's overview). */
  async function compareAll(actor: Actor) {
    requireWatcher(actor);
    const [services, rows] = await Promise.all([prices.appointments.listServices(actor), pricesFor()]);
    return services
      .map((service) =>
        compare(
          service,
          rows.filter((r) => r.serviceTypeId === service.id),
        ),
      )
      .filter((c) => c.market !== null);
  }

  /** Our services priced over or under the market's median by more than the margin (`PRICE_MARGIN_PERCENT`), the widest gap first. */
  async function pricingOutliers(actor: Actor) {
    const all = await compareAll(actor);
    return all
      .flatMap((c) =>
        c.verdict && c.market?.positionPercent
          ? [
              {
                serviceTypeId: c.serviceTypeId,
                service: c.service,
                ourPrice: c.ourPrice,
                median: c.market.median,
                positionPercent: c.market.positionPercent,
                verdict: c.verdict,
              },
            ]
          : [],
      )
      .sort((a, b) => Math.abs(Number(b.positionPercent)) - Math.abs(Number(a.positionPercent)));
  }

  /** Our services, for the forms that tie a price to one. */
  async function ourServices(actor: Actor) {
    requireWatcher(actor);
    return (await prices.appointments.listServices(actor)).map((s) => ({ id: s.id, name: s.name, price: s.price }));
  }

  return {
    getCompetitors,
    getCompetitor,
    addCompetitor,
    updateCompetitor,
    archiveCompetitor,
    logPricing,
    comparePricing,
    compareAll,
    pricingOutliers,
    ourServices,
  };
}

export type CompetitorService = ReturnType<typeof createCompetitorService>;
