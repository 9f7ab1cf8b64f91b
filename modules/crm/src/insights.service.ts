import { type Actor, addLocalDays, type ModuleContext, parseInput, requireStaff, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { insightQuerySchema } from './crm.schemas';
import type { CrmSettings } from './crm.settings';

type Figures = { type: 'activity' | 'new_owners' | 'churn'; rows: { label: string; value: number }[] };
type Retention = { type: 'retention'; offsets: number[]; cohorts: { month: string; owners: number; returned: (number | null)[] }[] };

/** Months after the first visit at which retention is shown. */
export const RETENTION_OFFSETS = [1, 2, 3, 6, 12];

/** A month as a number (year × 12 + month − 1), so months after one are plain additions. */
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The spec's `get_insights`: activity (active, lapsing, lapsed), new owners per month, churn-risk distribution,
 * and retention: owners grouped by the month of their first visit, and how many came back N months later.
 */
export function createInsightService(ctx: ModuleContext, settings: CrmSettings, today: () => string) {
  // Retention is a table of cohorts, the others a list of figures: asking for it by name gives its shape.
  async function getInsights(actor: Actor, input: { type: 'retention'; months?: number }): Promise<Retention>;
  async function getInsights(actor: Actor, input: unknown): Promise<Figures>;
  async function getInsights(actor: Actor, input: unknown): Promise<Figures | Retention> {
    requireStaff(actor);
    const q = parseInput(insightQuerySchema, input);
    const day = today();
    if (q.type === 'activity') {
      const lapsing = addLocalDays(day, -settings.LAPSING_DAYS);
      const lapsed = addLocalDays(day, -settings.LAPSED_DAYS);
      const result = await rows<{ label: string; value: number }>(
        ctx.db,
        sql`select label, count(*)::int as value from (
              select case when last_visit_date is null then 'never'
                          when last_visit_date > ${lapsing}::date then 'active'
                          when last_visit_date > ${lapsed}::date then 'lapsing'
                          else 'lapsed' end as label
              from crm.owner_profiles) t group by label`,
      );
      return { type: q.type, rows: order(result, ['active', 'lapsing', 'lapsed', 'never']) };
    }
    if (q.type === 'churn') {
      const result = await rows<{ label: string; value: number }>(
        ctx.db,
        sql`select coalesce(churn_risk, 'unknown') as label, count(*)::int as value from crm.owner_profiles group by 1`,
      );
      return { type: q.type, rows: order(result, ['low', 'medium', 'high', 'unknown']) };
    }
    if (q.type === 'retention') return retention(day, q.months);
    const from = `${addLocalDays(day, -31 * (q.months - 1)).slice(0, 7)}-01`;
    const result = await rows<{ label: string; value: number }>(
      ctx.db,
      sql`select to_char(m, 'YYYY-MM') as label,
                 (select count(*)::int from crm.owner_profiles p
                   where to_char(p.registered_at at time zone ${ctx.clinic.TIME_ZONE}, 'YYYY-MM') = to_char(m, 'YYYY-MM')) as value
          from generate_series(${from}::date, ${day}::date, interval '1 month') m order by m`,
    );
    return { type: q.type, rows: result };
  }
  async function retention(day: string, months: number): Promise<Retention> {
    const current = monthIndex(day);
    const cells = await rows<{ cohort: number; offset: number; owners: number; returned: number }>(
      ctx.db,
      sql`with v as (
            select owner_id, (extract(year from visit_date)::int * 12 + extract(month from visit_date)::int - 1) as m
            from crm.pet_visits where visit_date <= ${day}::date),
          f as (select owner_id, min(m) as c from v group by owner_id)
          select f.c as cohort, o.k as "offset", count(distinct f.owner_id)::int as owners,
                 count(distinct v.owner_id) filter (where v.m = f.c + o.k)::int as returned
          from f cross join unnest(${`{${RETENTION_OFFSETS.join(',')}}`}::int[]) as o(k)
          join v on v.owner_id = f.owner_id
          where f.c > ${current - months}
          group by f.c, o.k order by f.c, o.k`,
    );
    const cohorts = new Map<number, { month: string; owners: number; returned: (number | null)[] }>();
    for (const cell of cells) {
      const cohort = cohorts.get(cell.cohort) ?? { month: monthLabel(cell.cohort), owners: cell.owners, returned: [] };
      cohort.returned.push(cell.cohort + cell.offset > current ? null : cell.returned);
      cohorts.set(cell.cohort, cohort);
    }
    return { type: 'retention', offsets: RETENTION_OFFSETS, cohorts: [...cohorts.values()] };
  }

  return { getInsights };
}

function order(found: { label: string; value: number }[], labels: string[]) {
  return labels.map((label) => ({ label, value: found.find((r) => r.label === label)?.value ?? 0 }));
}

export type InsightService = ReturnType<typeof createInsightService>;
