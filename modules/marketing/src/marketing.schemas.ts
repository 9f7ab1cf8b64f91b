import { decimalString, pageSchema } from '@petfriendly/core';
import { z } from 'zod';
import { CAMPAIGN_STATUSES, CHANNELS, LANGUAGES, RECIPIENT_STATES, SEQUENCE_KEYS, SUPPRESSION_REASONS } from './marketing.tables';

const text = (max: number) => z.string().trim().max(max);

/** A campaign's text in one language (mustache: `{{owner}}`, `{{pets}}`, `{{vaccine}}`, `{{link}}`, …). */
export const contentSchema = z.object({
  subject: text(200).default(''),
  html: z.string().max(100_000).default(''),
  text: text(4000).min(1),
  whatsappTemplate: text(100).default(''),
  whatsappParams: z.array(text(500)).max(10).default([]),
});

const rate = z.coerce.number().int().min(1).max(10_000);
export const ratesSchema = z.object({ email: rate, sms: rate, whatsapp: rate });

export const campaignInputSchema = z.object({
  name: text(200).min(1),
  segmentId: z.coerce.number().int().positive().max(2_147_483_647),
  channel: z.enum(['preferred', ...CHANNELS]).default('preferred'),
  content: z.partialRecord(z.enum(LANGUAGES), contentSchema).refine((c) => Object.keys(c).length > 0, 'needs the text in at least one language'),
  rates: ratesSchema.partial().optional(),
  attributionDays: z.coerce.number().int().min(1).max(90).optional(),
});
export const campaignUpdateSchema = campaignInputSchema.partial();

export const scheduleSchema = z.object({ at: z.coerce.date().optional() });
export const previewSchema = z.object({ ownerId: z.string().uuid(), language: z.enum(LANGUAGES).optional() });
export const testSendSchema = z.object({ ownerId: z.string().uuid().optional(), language: z.enum(LANGUAGES).optional() });
export const countSchema = z.object({
  segmentId: z.coerce.number().int().positive().max(2_147_483_647),
  channel: z.enum(['preferred', ...CHANNELS]).default('preferred'),
});
export const consentInputSchema = z.object({ granted: z.boolean() });
export const suppressionInputSchema = z.object({
  channel: z.enum(CHANNELS),
  address: z.string().trim().min(3).max(254),
  reason: z.enum(SUPPRESSION_REASONS),
});
export const sequenceUpdateSchema = z.object({ isActive: z.boolean() });
/** One language's texts of every step of a sequence, with each step's wait (an empty text: that language is taken out). */
export const sequenceTextsSchema = z.object({
  language: z.enum(LANGUAGES),
  steps: z
    .array(z.object({ waitDays: z.coerce.number().int().min(0).max(365), subject: text(200).default(''), text: text(4000).default('') }))
    .min(1)
    .max(10),
});
export const draftSchema = z.object({
  goal: z.enum(['winback', 'vaccine', 'birthday', 'welcome', 'promotion']),
  language: z.enum(LANGUAGES).default('es'),
  offer: text(200).optional(),
});

export const campaignParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const sequenceParams = z.object({ key: z.enum(SEQUENCE_KEYS) });

const contentOut = z.object({ subject: z.string(), html: z.string(), text: z.string(), whatsappTemplate: z.string(), whatsappParams: z.array(z.string()) });
export const campaignOut = z.object({
  id: z.number().int(),
  name: z.string(),
  segmentId: z.number().int().nullable(),
  channel: z.string(),
  content: z.partialRecord(z.enum(LANGUAGES), contentOut),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: z.date().nullable(),
  rates: z.object({ email: z.number().int(), sms: z.number().int(), whatsapp: z.number().int() }),
  attributionDays: z.number().int(),
  queuedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const stateCountsOut = z.partialRecord(z.enum(RECIPIENT_STATES), z.number().int());
export const resultsOut = z.object({
  campaign: campaignOut,
  recipients: z.number().int(),
  states: stateCountsOut,
  byChannel: z.partialRecord(z.enum(CHANNELS), z.number().int()),
  clickers: z.number().int(),
  clicks: z.number().int(),
  bookings: z.number().int(),
  purchases: z.number().int(),
  revenue: decimalString,
});
export const previewOut = z.object({
  ownerId: z.string(),
  channel: z.enum(CHANNELS),
  language: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  whatsappTemplate: z.string(),
  whatsappParams: z.array(z.string()),
});
export const countOut = z.object({ segment: z.number().int(), reachable: z.number().int(), noConsent: z.number().int(), suppressed: z.number().int() });
export const queuedOut = z.object({ queued: z.number().int(), skipped: z.number().int() });
export const consentOut = z.object({ granted: z.boolean(), at: z.date().nullable(), source: z.string().nullable() });
export const sequenceOut = z.object({
  key: z.enum(SEQUENCE_KEYS),
  isActive: z.boolean(),
  stopOnBooking: z.boolean(),
  steps: z.array(z.object({ waitDays: z.number().int(), content: z.partialRecord(z.enum(LANGUAGES), contentOut) })),
  active: z.number().int(),
  completed: z.number().int(),
  stopped: z.number().int(),
});
export const sequenceTextsOut = z.object({
  key: z.enum(SEQUENCE_KEYS),
  steps: z.array(z.object({ waitDays: z.number().int(), content: z.partialRecord(z.enum(LANGUAGES), contentOut) })),
});
export const sequencePreviewOut = z.object({
  language: z.string(),
  steps: z.array(z.object({ waitDays: z.number().int(), language: z.string(), subject: z.string(), text: z.string() })),
});
export const draftOut = z.object({ name: z.string(), content: contentOut, placeholders: z.array(z.string()) });

export const campaignPageOut = pageSchema(campaignOut);
export const recipientOut = z.object({
  id: z.number().int(),
  ownerId: z.string(),
  channel: z.enum(CHANNELS),
  address: z.string(),
  language: z.string(),
  state: z.enum(RECIPIENT_STATES),
  messageId: z.number().int().nullable(),
  error: z.string().nullable(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  openedAt: z.date().nullable(),
  clickedAt: z.date().nullable(),
  clickCount: z.number().int(),
});
export const recipientPageOut = pageSchema(recipientOut);
export const suppressionOut = z.object({
  channel: z.enum(CHANNELS),
  address: z.string(),
  reason: z.enum(SUPPRESSION_REASONS),
  ownerId: z.string().nullable(),
  campaignId: z.number().int().nullable(),
  at: z.date(),
});
export const suppressionPageOut = pageSchema(suppressionOut);
export const testSentOut = z.object({ messageId: z.number().int() });
/** A tracked link's target, covered by its token's signature. */
export const clickQuery = z.object({ u: z.url({ protocol: /^https?$/ }).max(2000) });
export const tokenParams = z.object({ token: z.string().min(10).max(2000) });
