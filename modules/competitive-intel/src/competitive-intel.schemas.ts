import { decimalString, rowId, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { competitors, PRICE_SOURCES, pricingRecords } from './competitive-intel.tables';
import { normalizeCidr } from './ip';

/** Shown with the ranges as typed, so the one that is wrong can be found. */
export const CIDR_MESSAGE = 'must be CIDR ranges like 201.141.0.0/16 or 2806:10a0::/32, one a line';
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const text = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));
/** A list from the API, or one item a line from a form's text area. */
const lines = (max: number) =>
  z.preprocess(
    (v) => (v == null || v === '' ? [] : typeof v === 'string' ? v.split(/\r?\n|,/) : v),
    z.array(z.string().trim().max(max)).transform((xs) => [...new Set(xs.filter(Boolean))]),
  );
const coordinate = (limit: number) =>
  z
    .preprocess(
      (v) => (v === '' || v == null ? null : String(v).trim()),
      z
        .string()
        .regex(/^-?\d{1,3}(\.\d{1,6})?$/, 'must be a coordinate like 20.6736')
        .nullable(),
    )
    .refine((v) => v === null || Math.abs(Number(v)) <= limit, 'is out of range');

export const competitorSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  address: text(500),
  latitude: coordinate(90),
  longitude: coordinate(180),
  website: z.preprocess((v) => (v == null ? '' : v), z.union([z.literal(''), z.string().trim().url('must be a web address like https://…').max(300)])),
  phone: text(30),
  servicesOffered: lines(200).pipe(z.array(z.string()).max(100)),
  openingHours: text(500),
  notes: text(4000),
  ipRanges: lines(50)
    .pipe(z.array(z.string()).max(50))
    .refine((ranges) => ranges.every((r) => normalizeCidr(r)), CIDR_MESSAGE)
    .transform((ranges) => ranges.map((r) => normalizeCidr(r)!)),
});
export type CompetitorData = z.infer<typeof competitorSchema>;

export const pricingSchema = z.object({
  serviceTypeId: z.preprocess((v) => (v === '' ? null : v), rowId.nullable().default(null)),
  item: z.string().trim().min(1, 'is required').max(200),
  price: z
    .preprocess((v) => (typeof v === 'string' ? v.trim().replace(/^\$/, '').replace(/,/g, '') : v), decimalString)
    .refine((v) => !v.startsWith('-'), 'must be zero or more')
    .refine((v) => !/\.\d{3,}$/.test(v), 'must be in centavos (two decimals)')
    .refine((v) => Number(v) < 100_000_000, 'is too large'),
  source: z.enum(PRICE_SOURCES),
  observedOn: isoDate.optional(),
  notes: text(1000),
});
export type PricingData = z.infer<typeof pricingSchema>;

export const archiveSchema = z.object({ archived: z.boolean().default(true) });
export const daysSchema = z.object({ days: z.coerce.number().int().min(1).max(730).default(30) });
export const serviceParams = z.object({ serviceTypeId: rowId });

export const competitorOut = rowSchema(competitors);
export const pricingOut = rowSchema(pricingRecords);
export const competitorDetailOut = competitorOut.extend({ prices: z.array(pricingOut) });

const marketOut = z.object({ min: decimalString, median: decimalString, max: decimalString, positionPercent: z.string().nullable() });

export const comparisonOut = z.object({
  serviceTypeId: z.number().int(),
  service: z.string(),
  ourPrice: decimalString.nullable(),
  competitors: z.array(
    z.object({
      competitorId: z.number().int(),
      name: z.string(),
      price: decimalString,
      observedOn: z.string(),
      source: z.enum(PRICE_SOURCES),
      item: z.string(),
    }),
  ),
  market: marketOut.nullable(),
  verdict: z.enum(['over', 'under']).nullable(),
  history: z.array(z.object({ competitorId: z.number().int(), name: z.string(), observedOn: z.string(), price: decimalString })),
});

export const outlierOut = z.object({
  serviceTypeId: z.number().int(),
  service: z.string(),
  ourPrice: decimalString,
  median: decimalString,
  positionPercent: z.string(),
  verdict: z.enum(['over', 'under']),
});

export const competitorVisitOut = z.object({
  competitorId: z.number().int(),
  name: z.string(),
  path: z.string(),
  at: z.string(),
  network: z.string(),
});

export const insightOut = z.object({
  kind: z.enum(['price_gap', 'watched_prices', 'service_gap']),
  competitorId: z.number().int().nullable(),
  serviceTypeId: z.number().int().nullable(),
  text: z.string(),
});
export const insightsOut = z.object({
  generatedAt: z.string(),
  /** `model` when a written summary of these insights is ready, `rules` while there is none (or no model). */
  source: z.enum(['rules', 'model']),
  summary: z.string().nullable(),
  insights: z.array(insightOut),
});
