import { z } from 'zod';
import type { Condition, RuleGroup } from './rules';

/** The builder's fields, as a query string or form sends them (repeated keys arrive as arrays). */
export const builderFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());
export type BuilderFields = z.output<typeof builderFields>;

const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const int = (v: string | string[] | undefined) => {
  const s = one(v);
  return s === undefined ? undefined : Number(s);
};

/** The segment builder's fields as rules (unchecked here: the rules schema checks them). */
export function rulesFromFields(f: BuilderFields): RuleGroup {
  const conditions: Condition[] = [];
  const species = many(f.species);
  if (species.length) conditions.push({ field: 'species', in: species });
  if (one(f.breed)) conditions.push({ field: 'breed', contains: one(f.breed)! });
  if (one(f.ageMin) || one(f.ageMax)) conditions.push({ field: 'petAgeYears', min: int(f.ageMin), max: int(f.ageMax) });
  if (one(f.sinceMin) || one(f.sinceMax))
    conditions.push({ field: 'daysSinceLastVisit', min: int(f.sinceMin), max: int(f.sinceMax), includeNever: one(f.never) === 'true' });
  if (one(f.vaccine)) conditions.push({ field: 'vaccineOverdue', value: one(f.vaccine) === 'yes' });
  if (one(f.spendMin)) conditions.push({ field: 'spend', periodDays: int(f.spendDays) ?? 365, min: one(f.spendMin) });
  const tiers = many(f.tier);
  if (tiers.length) conditions.push({ field: 'tier', in: tiers as never });
  const risks = many(f.churn);
  if (risks.length) conditions.push({ field: 'churnRisk', in: risks as never });
  if (one(f.tag)) conditions.push({ field: 'tag', has: one(f.tag)!.toLowerCase() });
  if (one(f.language)) conditions.push({ field: 'language', in: [one(f.language)] as never });
  if (one(f.channel)) conditions.push({ field: 'preferredChannel', in: [one(f.channel)] as never });
  if (one(f.consent)) conditions.push({ field: 'marketingConsent', value: one(f.consent) === 'yes' });
  if (one(f.postalCode)) conditions.push({ field: 'postalCode', prefix: one(f.postalCode)! });
  return { match: one(f.match) === 'any' ? 'any' : 'all', conditions };
}
