import { decimalString } from '@petfriendly/core';
import { z } from 'zod';
import { PERIODS } from './period';

/** An empty field of the filter form means no filter. */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-03-10');

/** What a report is about: a period (custom with its days), one vet or everyone, one category or all. */
export const reportQuerySchema = z
  .object({
    period: z.enum(PERIODS).default('month'),
    from: z.preprocess(emptyToUndefined, localDate.optional()),
    to: z.preprocess(emptyToUndefined, localDate.optional()),
    vet: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
    category: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(service|product|shipping|other|sales):\d+$/, 'a kind and category such as service:3')
        .optional(),
    ),
  })
  .refine((q) => q.period !== 'custom' || (q.from && q.to && q.from <= q.to), {
    message: 'a custom period needs from and to, from not after to',
    path: ['from'],
  });
export type ReportQuery = z.input<typeof reportQuerySchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const exportParams = z.object({ format: z.enum(EXPORT_FORMATS) });

const period = z.object({ from: localDate, to: localDate });
/** A figure now, in the period before, and in the same days a year before. */
const compared = <T extends z.ZodType>(value: T) => z.object({ current: value, previous: value, lastYear: value });
const named = z.object({ key: z.string(), name: z.string(), net: decimalString });
const item = z.object({ itemId: z.number().int(), description: z.string(), quantity: decimalString, net: decimalString });

export const dashboardOut = z.object({
  period: period.extend({ kind: z.enum(PERIODS) }),
  previous: period,
  lastYear: period,
  filters: z.object({ vet: z.string().nullable(), category: z.string().nullable() }),
  revenue: compared(decimalString),
  revenueByKind: z.object({ service: decimalString, product: decimalString, other: decimalString }),
  revenueByVet: z.array(named),
  revenueByCategory: z.array(named),
  /** Day by day for a period up to 62 days; empty for a longer one, which is shown month by month. */
  revenueByDay: z.array(z.object({ day: localDate, net: decimalString })),
  /** Month by month (`month`: its first day, the period's ends cut to its days) for a period over 62 days; else empty. */
  revenueByMonth: z.array(z.object({ month: localDate, net: decimalString })),
  invoices: compared(z.number().int()),
  averageTransaction: compared(decimalString),
  invoicesPerPatient: compared(z.string()),
  newOwners: compared(z.number().int()),
  returningOwners: compared(z.number().int()),
  appointments: z.object({
    booked: compared(z.number().int()),
    completed: compared(z.number().int()),
    cancelled: compared(z.number().int()),
    noShows: compared(z.number().int()),
  }),
  utilisation: z.array(
    z.object({ vetId: z.string(), name: z.string(), bookedMinutes: z.number().int(), workingMinutes: z.number().int(), percent: z.number().nullable() }),
  ),
  vaccineCompliance: z.object({ due: z.number().int(), onTime: z.number().int(), rate: z.number().nullable() }),
  patients: z.object({ active: z.number().int(), lapsing: z.number().int(), lapsed: z.number().int() }),
  topServices: z.array(item),
  topProducts: z.array(item),
  receivables: z.object({ open: decimalString, openInvoices: z.number().int(), overdue: decimalString, overdueInvoices: z.number().int() }),
  inventory: z.object({
    value: decimalString,
    units: z.number().int(),
    expiringSoon: z.array(z.object({ name: z.string(), batchNumber: z.string(), expiryDate: localDate, quantity: z.number().int() })),
  }),
  options: z.object({
    vets: z.array(z.object({ id: z.string(), name: z.string() })),
    categories: z.array(z.object({ key: z.string(), name: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof dashboardOut>;
