import { money, ValidationError } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { amountInput } from './accounting.schemas';

/**
 * DIOT (declaración informativa de operaciones con terceros, formato A-29): what the clinic paid each
 * supplier in a month, by IVA rate, as the SAT's batch file — one pipe-delimited line per supplier and
 * kind of operation, amounts in whole pesos.
 */
export const diotPaymentSchema = z
  .object({
    /** 04 proveedor nacional, 05 proveedor extranjero, 15 proveedor global. */
    tipoTercero: z.enum(['04', '05', '15']),
    /** 03 servicios profesionales, 06 arrendamiento de inmuebles, 85 otros. */
    tipoOperacion: z.enum(['03', '06', '85']),
    rfc: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/, 'must be an RFC')
      .nullable(),
    /** A foreign supplier's tax id, name and country (SAT country code), instead of an RFC. */
    foreign: z
      .object({
        taxId: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(43),
        country: z.string().length(2),
        nationality: z.string().trim().min(1).max(40),
      })
      .nullable()
      .default(null),
    /** What was paid (bases before IVA) at 16 %, at the border's 8 %, at 0 % and exempt. */
    base16: amountInput.default('0'),
    base8: amountInput.default('0'),
    base0: amountInput.default('0'),
    exempt: amountInput.default('0'),
    /** IVA paid (creditable) and IVA withheld by the clinic. */
    ivaPaid: amountInput.default('0'),
    ivaWithheld: amountInput.default('0'),
  })
  .refine((p) => (p.tipoTercero === '05' ? p.foreign !== null : p.rfc !== null), {
    message: 'a national or global supplier needs its RFC, a foreign one its tax id',
    path: ['rfc'],
  });
export type DiotPayment = z.input<typeof diotPaymentSchema>;

/** What feeds the DIOT: the supplier payments of a month (wired to the paid bills in the composition). */
export interface DiotSource {
  paymentsIn(year: number, month: number): Promise<DiotPayment[]>;
}

/** The A-29 batch layout, field by field (24 fields); the clinic fills the rates it pays, the rest stay empty. */
const A29_LAYOUT = [
  'tipoTercero',
  'tipoOperacion',
  'rfc',
  'taxId',
  'foreignName',
  'country',
  'nationality',
  'base16',
  'base15',
  'ivaNotCreditable16',
  'base11',
  'base10',
  'base8',
  'ivaNotCreditable11',
  'ivaNotCreditable8',
  'importBase16',
  'importIvaNotCreditable16',
  'importBase11',
  'importIvaNotCreditable11',
  'importExempt',
  'base0',
  'exempt',
  'ivaWithheld',
  'ivaReturns',
] as const;

export interface DiotLine {
  tipoTercero: string;
  tipoOperacion: string;
  rfc: string;
  foreignName: string;
  base16: string;
  base8: string;
  base0: string;
  exempt: string;
  ivaPaid: string;
  ivaWithheld: string;
}

/** Whole pesos, half up, as the DIOT takes them; zero is left empty. */
const pesos = (d: Decimal) => (d.isZero() ? '' : d.toDecimalPlaces(0, 4).toFixed(0));

/** The month's DIOT: payments added up per supplier and operation, and the batch file. */
export function buildDiot(payments: DiotPayment[]): { lines: DiotLine[]; txt: string } {
  const parsed = payments.map((p, i) => {
    const r = diotPaymentSchema.safeParse(p);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw ValidationError.forField('accounting.diot_payment', `payments.${i}.${issue.path.join('.')}`, issue.message);
    }
    return r.data;
  });
  const keyOf = (p: (typeof parsed)[number]) => `${p.tipoTercero}|${p.tipoOperacion}|${p.rfc ?? `${p.foreign!.country}:${p.foreign!.taxId}`}`;
  const groups = new Map<string, typeof parsed>();
  for (const p of parsed) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p]);
  const sum = (list: typeof parsed, k: 'base16' | 'base8' | 'base0' | 'exempt' | 'ivaPaid' | 'ivaWithheld') => list.reduce((s, p) => s.plus(p[k]), money(0));
  const lines: DiotLine[] = [];
  const records: string[] = [];
  for (const list of [...groups.values()].sort((a, b) => keyOf(a[0]!).localeCompare(keyOf(b[0]!)))) {
    const first = list[0]!;
    const foreign = first.tipoTercero === '05' ? first.foreign : null;
    const totals = {
      base16: sum(list, 'base16'),
      base8: sum(list, 'base8'),
      base0: sum(list, 'base0'),
      exempt: sum(list, 'exempt'),
      ivaWithheld: sum(list, 'ivaWithheld'),
    };
    const fields: Record<(typeof A29_LAYOUT)[number], string> = {
      tipoTercero: first.tipoTercero,
      tipoOperacion: first.tipoOperacion,
      rfc: foreign ? '' : first.rfc!,
      taxId: foreign?.taxId ?? '',
      foreignName: foreign?.name ?? '',
      country: foreign?.country ?? '',
      nationality: foreign?.nationality ?? '',
      base16: pesos(totals.base16),
      base15: '',
      ivaNotCreditable16: '',
      base11: '',
      base10: '',
      base8: pesos(totals.base8),
      ivaNotCreditable11: '',
      ivaNotCreditable8: '',
      importBase16: '',
      importIvaNotCreditable16: '',
      importBase11: '',
      importIvaNotCreditable11: '',
      importExempt: '',
      base0: pesos(totals.base0),
      exempt: pesos(totals.exempt),
      ivaWithheld: pesos(totals.ivaWithheld),
      ivaReturns: '',
    };
    records.push(A29_LAYOUT.map((f) => fields[f]).join('|'));
    lines.push({
      tipoTercero: first.tipoTercero,
      tipoOperacion: first.tipoOperacion,
      rfc: fields.rfc,
      foreignName: fields.foreignName,
      ...Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toFixed(2)])),
      ivaPaid: sum(list, 'ivaPaid').toFixed(2),
    } as DiotLine);
  }
  return { lines, txt: records.length ? `${records.join('\r\n')}\r\n` : '' };
}
