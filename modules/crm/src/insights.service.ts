import { type Actor, addLocalDays, type ModuleContext, parseInput, requireStaff, rows } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { insightQuerySchema } from './crm.schemas';
import type { CrmSettings } from './crm.settings';

/** The spec's `get_insights`: activity (active, lapsing, lapsed), new owners per month, churn-risk distribution. */
export function createInsightService(ctx: ModuleContext, settings: CrmSettings, today: () => string) {
  async function getInsights(actor: Actor, input: unknown) {
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
  return { getInsights };
}

function order(found: { label: string; value: number }[], labels: string[]) {
  return labels.map((label) => ({ label, value: found.find((r) => r.label === label)?.value ?? 0 }));
}

export type InsightService = ReturnType<typeof createInsightService>;
