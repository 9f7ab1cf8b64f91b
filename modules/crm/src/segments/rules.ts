import { z } from 'zod';
import { CHANNELS, CHURN_RISKS, TIERS } from '../crm.tables';

const count = z.number().int().min(0).max(36_500);
const range = z.object({ min: count.optional(), max: count.optional() });
const amount = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be an amount like 1500.00');
const words = z.array(z.string().trim().min(1).max(100)).min(1).max(50);

/**
 * One condition on an owner. Pet conditions hold when any of the owner's active pets meets them
 * (each condition on its own: "has a dog" and "has a pet over 10" may be two pets).
 */
export const conditionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('species'), in: words }),
  z.object({ field: z.literal('breed'), contains: z.string().trim().min(1).max(100) }),
  z.object({ field: z.literal('petAgeYears'), ...range.shape }),
  z.object({ field: z.literal('vaccineOverdue'), value: z.boolean() }),
  z.object({ field: z.literal('daysSinceLastVisit'), ...range.shape, includeNever: z.boolean().default(false) }),
  z.object({ field: z.literal('visitCount'), ...range.shape }),
  z.object({ field: z.literal('spend'), periodDays: z.number().int().min(1).max(3650), min: amount.optional(), max: amount.optional() }),
  z.object({ field: z.literal('tier'), in: z.array(z.enum(TIERS)).min(1) }),
  z.object({ field: z.literal('churnRisk'), in: z.array(z.enum(CHURN_RISKS)).min(1) }),
  z.object({ field: z.literal('tag'), has: z.string().trim().toLowerCase().min(1).max(50) }),
  z.object({ field: z.literal('language'), in: z.array(z.enum(['es', 'en', 'de', 'fr', 'it'])).min(1) }),
  z.object({ field: z.literal('preferredChannel'), in: z.array(z.enum(CHANNELS)).min(1) }),
  z.object({ field: z.literal('marketingConsent'), value: z.boolean() }),
  z.object({ field: z.literal('postalCode'), prefix: z.string().regex(/^\d{1,5}$/, 'must be 1 to 5 digits') }),
]);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionField = Condition['field'];
export const CONDITION_FIELDS = conditionSchema.options.map((o) => o.shape.field.value);

/** A group of conditions and groups, at any depth (what the compiler and the plain-code filter walk). */
export interface Group {
  match: 'all' | 'any';
  conditions: readonly (Condition | Group)[];
}

const match = z.enum(['all', 'any']);
/** A group inside the rules: conditions only (two levels say "(A and B) or (C and D)"; the API documents them plainly). */
const innerGroupSchema = z.object({ match, conditions: z.array(conditionSchema).max(50) });

/** Rules: a group of conditions and groups of conditions, all or any of which must hold. An empty group matches everyone. */
export const ruleGroupSchema = z.object({ match, conditions: z.array(z.union([conditionSchema, innerGroupSchema])).max(50) });

export type RuleGroup = z.infer<typeof ruleGroupSchema>;

export const isGroup = (c: Condition | Group): c is Group => 'match' in c;
