import { decimalString, pageQuerySchema, pageSchema, rowId } from '@petfriendly/core';
import { z } from 'zod';
import { CHANNELS, CHURN_RISKS, INTERACTION_TYPES, SENTIMENTS, TIERS } from './crm.tables';
import { ruleGroupSchema } from './segments/rules';

const localDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** "vip, perro grande" or ["vip"]: tags, lower case. */
const tagList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z.array(z.string().trim().toLowerCase().max(50)).transform((tags) => [...new Set(tags.filter(Boolean))]),
);

export const ownerParams = z.object({ ownerId: z.uuid() });
export const tagSchema = z.object({ tag: z.string().trim().toLowerCase().min(1, 'is required').max(50) });
export const tagParams = ownerParams.extend({ tag: z.string().trim().toLowerCase().min(1).max(50) });

/** "true"/"false" in a query string, or a boolean when a service is called with the parsed query. */
const flag = (fallback: boolean) => z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.stringbool()).default(fallback);
export const profileQuerySchema = z.object({ includePets: flag(true), includePurchaseHistory: flag(false) });

export const searchSchema = pageQuerySchema.extend({
  query: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  tags: z.preprocess(blankToUndefined, tagList.optional()),
  segment: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});

export const noteSchema = z.object({
  content: z.string().trim().min(1, 'is required').max(5000),
  isPinned: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});

export const consentSchema = z.object({
  consent: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  source: z.string().trim().min(1).max(40).default('front_desk'),
});

export const CALL_TYPES = ['call_in', 'call_out', 'email', 'sms', 'whatsapp'] as const;
export const interactionSchema = z.object({
  interactionType: z.enum(CALL_TYPES),
  subject: z.string().trim().max(500).default(''),
  summary: z.string().trim().max(5000).default(''),
  outcome: z.string().trim().max(100).default(''),
  sentiment: z.preprocess(blankToUndefined, z.enum(SENTIMENTS).optional()),
  followUpDate: z.preprocess(blankToUndefined, localDate.optional()),
  petId: z.preprocess(blankToUndefined, rowId.optional()),
});

export const followUpQuerySchema = z.object({ on: z.preprocess(blankToUndefined, localDate.optional()) });

export const segmentInputSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(200),
  description: z.string().trim().max(2000).default(''),
  rules: ruleGroupSchema,
  isDynamic: z.boolean().default(true),
});
export const previewSchema = z.object({ rules: ruleGroupSchema });
export const segmentRefSchema = z.object({ segmentId: rowId.optional(), segmentName: z.string().trim().min(1).max(200).optional() });
export const INSIGHT_TYPES = ['activity', 'new_owners', 'churn', 'retention'] as const;
export const insightQuerySchema = z.object({
  type: z.enum(INSIGHT_TYPES),
  /** Months back for new owners per month, or first-visit cohorts for retention (12 by default). */
  months: z.coerce.number().int().min(1).max(60).default(12),
});

export const summaryOut = z.object({
  ownerId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  tier: z.enum(TIERS),
  lifetimeValue: decimalString,
  visitCount: z.number().int(),
  lastVisitDate: z.string().nullable(),
  churnRisk: z.enum(CHURN_RISKS).nullable(),
  tags: z.array(z.string()),
});
export type CustomerSummary = z.infer<typeof summaryOut>;
export const summaryPageOut = pageSchema(summaryOut);

const churnReasonOut = z.object({
  petName: z.string().nullable(),
  daysSinceVisit: z.number().int().nullable(),
  expectedDays: z.number().int().nullable(),
  vaccineName: z.string().nullable(),
  vaccineOverdueDays: z.number().int().nullable(),
});
export const noteOut = z.object({ id: z.number().int(), content: z.string(), isPinned: z.boolean(), authorName: z.string().nullable(), createdAt: z.date() });
export const interactionOut = z.object({
  id: z.number().int(),
  ownerId: z.string(),
  petId: z.number().int().nullable(),
  interactionType: z.enum(INTERACTION_TYPES),
  direction: z.enum(['inbound', 'outbound']),
  subject: z.string(),
  summary: z.string(),
  outcome: z.string(),
  sentiment: z.enum(SENTIMENTS).nullable(),
  requiresFollowUp: z.boolean(),
  followUpDate: z.string().nullable(),
  followUpCompleted: z.boolean(),
  handledByName: z.string().nullable(),
  occurredAt: z.date(),
});
export const followUpOut = interactionOut.extend({ ownerName: z.string() });
export const petOut = z.object({
  id: z.number().int(),
  name: z.string(),
  species: z.string(),
  breed: z.string(),
  dateOfBirth: z.string().nullable(),
  nextVaccineName: z.string().nullable(),
  nextVaccineDue: z.string().nullable(),
});
export const purchaseOut = z.object({ kind: z.enum(['invoice', 'order']), reference: z.string(), total: decimalString, paidAt: z.date() });
export const profileOut = summaryOut.extend({
  alternatePhone: z.string(),
  address: z.string(),
  postalCode: z.string().nullable(),
  preferredLanguage: z.string(),
  preferredChannel: z.enum(CHANNELS),
  marketingConsent: z.boolean(),
  marketingConsentAt: z.date().nullable(),
  daysSinceLastVisit: z.number().int().nullable(),
  churnReason: churnReasonOut.nullable(),
  registeredAt: z.date(),
  notes: z.array(noteOut),
  interactions: z.array(interactionOut),
  followUps: z.array(interactionOut),
  pets: z.array(petOut).nullable(),
  purchases: z.array(purchaseOut).nullable(),
});
export const ltvOut = z.object({ ownerId: z.string(), lifetimeValue: decimalString });
export const tagsOut = z.object({ ownerId: z.string(), tags: z.array(z.string()) });

export const segmentOut = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  rules: ruleGroupSchema,
  memberCount: z.number().int(),
  lastCalculated: z.date().nullable(),
  lastDurationMs: z.number().int().nullable(),
  isDynamic: z.boolean(),
  isActive: z.boolean(),
  frozenAt: z.date().nullable(),
});
export const previewOut = z.object({ count: z.number().int(), durationMs: z.number().int(), sample: z.array(summaryOut) });
export const segmentMembersOut = z.object({ segment: segmentOut, members: summaryPageOut });
export const insightOut = z.union([
  z.object({
    type: z.enum(['activity', 'new_owners', 'churn']),
    rows: z.array(z.object({ label: z.string(), value: z.number().int() })),
  }),
  z.object({
    type: z.literal('retention'),
    /** Months after the cohort's month, one column each. */
    offsets: z.array(z.number().int()),
    /** `returned[i]`: owners of the cohort who came back in month `offsets[i]` after it; null while that month has not come. */
    cohorts: z.array(z.object({ month: z.string(), owners: z.number().int(), returned: z.array(z.number().int().nullable()) })),
  }),
]);
