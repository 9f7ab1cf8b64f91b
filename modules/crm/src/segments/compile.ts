import { money } from '@petfriendly/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Condition, type Group, isGroup } from './rules';

/** Values as a parenthesised list of parameters: `($1, $2)`. */
const list = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

function range(expr: SQL, min?: number, max?: number): SQL {
  const parts = [sql`true`];
  if (min !== undefined) parts.push(sql`${expr} >= ${min}`);
  if (max !== undefined) parts.push(sql`${expr} <= ${max}`);
  return sql.join(parts, sql` and `);
}

/** "Some active pet of the owner such that …". */
const anyPet = (where: SQL) => sql`exists (select 1 from crm.pets x where x.owner_id = p.owner_id and x.is_active and ${where})`;

function condition(c: Condition, today: string): SQL {
  const day = sql`${today}::date`;
  switch (c.field) {
    case 'species':
      return anyPet(sql`x.species in ${list(c.in)}`);
    case 'breed':
      return anyPet(sql`strpos(lower(x.breed), lower(${c.contains})) > 0`);
    case 'petAgeYears': {
      const parts = [sql`x.date_of_birth is not null`];
      if (c.min !== undefined) parts.push(sql`x.date_of_birth <= (${day} - make_interval(years => ${c.min}::int))::date`);
      if (c.max !== undefined) parts.push(sql`x.date_of_birth > (${day} - make_interval(years => ${c.max + 1}::int))::date`);
      return anyPet(sql.join(parts, sql` and `));
    }
    case 'vaccineOverdue': {
      const overdue = anyPet(sql`x.next_vaccine_due < ${day}`);
      return c.value ? overdue : sql`not ${overdue}`;
    }
    case 'daysSinceLastVisit':
      return sql`(case when p.last_visit_date is null then ${c.includeNever}::boolean else ${range(sql`(${day} - p.last_visit_date)`, c.min, c.max)} end)`;
    case 'visitCount':
      return range(sql`p.visit_count`, c.min, c.max);
    case 'spend': {
      // One aggregate over the period's payments, hashed, rather than a sum per owner. Owners without
      // payments in the period spent 0: they match when 0 is within the bounds.
      const bounds = [sql`true`];
      if (c.min !== undefined) bounds.push(sql`sum(s.amount) >= ${c.min}::numeric`);
      if (c.max !== undefined) bounds.push(sql`sum(s.amount) <= ${c.max}::numeric`);
      const within = sql.join(bounds, sql` and `);
      const spenders = (having: SQL) =>
        sql`(select s.owner_id from crm.owner_spend s where s.occurred_on > ${day} - ${c.periodDays}::int and s.occurred_on <= ${day} group by s.owner_id having ${having})`;
      const zeroWithin = (c.min === undefined || money(0).gte(c.min)) && (c.max === undefined || money(0).lte(c.max));
      return zeroWithin ? sql`p.owner_id not in ${spenders(sql`not (${within})`)}` : sql`p.owner_id in ${spenders(within)}`;
    }
    case 'tier':
      return sql`p.tier in ${list(c.in)}`;
    case 'churnRisk':
      return sql`coalesce(p.churn_risk in ${list(c.in)}, false)`;
    case 'tag':
      return sql`p.tags @> array[${c.has}]::text[]`;
    case 'language':
      return sql`p.preferred_language in ${list(c.in)}`;
    case 'preferredChannel':
      return sql`p.preferred_channel in ${list(c.in)}`;
    case 'marketingConsent':
      return sql`p.marketing_consent = ${c.value}`;
    case 'postalCode':
      return sql`coalesce(starts_with(p.postal_code, ${c.prefix}), false)`;
  }
}

/** The rules as one boolean SQL expression over `crm.owner_profiles p`; every value is a parameter. */
export function compileRules(group: Group, today: string): SQL {
  if (group.conditions.length === 0) return sql`true`;
  const parts = group.conditions.map((c) => sql`(${isGroup(c) ? compileRules(c, today) : condition(c, today)})`);
  return sql.join(parts, group.match === 'all' ? sql` and ` : sql` or `);
}

/** The owner ids a segment's rules select, as one query. */
export function segmentQuery(group: Group, today: string): SQL {
  return sql`select p.owner_id from crm.owner_profiles p where ${compileRules(group, today)}`;
}
