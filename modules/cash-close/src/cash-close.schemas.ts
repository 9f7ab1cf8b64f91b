import { decimalString } from '@petfriendly/core';
import { z } from 'zod';
import { MOVEMENT_KINDS } from './cash-close.tables';
import { DENOMINATIONS } from './denominations';

export const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const text = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));
const pesos = z
  .preprocess((v) => (typeof v === 'string' ? v.trim().replace(/^\$/, '').replace(/,/g, '') : v), decimalString)
  .refine((v) => !v.startsWith('-'), 'must be zero or more')
  .refine((v) => !/\.\d{3,}$/.test(v), 'must be in centavos (two decimals)')
  .refine((v) => Number(v) < 10_000_000, 'is too large');
const pieces = z.preprocess(
  (v) => (v === '' || v == null ? 0 : v),
  z.coerce.number().int('must be a whole number').min(0, 'must be zero or more').max(100_000),
);

export const movementSchema = z.object({
  day: isoDate.optional(),
  kind: z.enum(MOVEMENT_KINDS),
  amount: pesos.refine((v) => Number(v) > 0, 'must be more than zero'),
  note: text(500),
});

export const countSchema = z.object({
  day: isoDate.optional(),
  denominations: z.object(
    Object.fromEntries(DENOMINATIONS.map((d) => [d, pieces.optional()])) as Record<(typeof DENOMINATIONS)[number], z.ZodOptional<typeof pieces>>,
  ),
  cardTerminalTotal: pesos,
  reason: text(1000),
});
export type CountData = z.infer<typeof countSchema>;

export const dayParams = z.object({ day: isoDate });
export const dayQuery = z.object({ day: isoDate.optional() });

const methodOut = z.object({ method: z.string(), received: decimalString, refunded: decimalString, net: decimalString, payments: z.number().int() });
export const closeOut = z.object({
  id: z.number().int(),
  day: z.string(),
  status: z.enum(['counted', 'approved']),
  denominations: z.record(z.string(), z.number()),
  countedCash: decimalString,
  expectedCash: decimalString,
  cardTerminalTotal: decimalString,
  expectedCard: decimalString,
  reason: z.string(),
  countedBy: z.string().nullable(),
  countedAt: z.date(),
  approvedBy: z.string().nullable(),
  approvedAt: z.date().nullable(),
});
export const dayOut = z.object({
  day: z.string(),
  methods: z.array(methodOut),
  float: decimalString,
  withdrawals: decimalString,
  deposits: decimalString,
  expectedCash: decimalString,
  expectedCard: decimalString,
  movements: z.array(z.object({ id: z.number().int(), kind: z.string(), amount: decimalString, note: z.string(), createdAt: z.date() })),
  close: closeOut.nullable(),
});
export const movementOut = z.object({ id: z.number().int(), day: z.string(), kind: z.string(), amount: decimalString, note: z.string() });
