import Decimal from 'decimal.js';
import { Dec, money, roundMoney } from './money';

/** How a line is taxed: IVA at a rate ("0.16", "0"), or exempt (no IVA, and none to credit). */
export type TaxTreatment = { kind: 'rate'; rate: string } | { kind: 'exempt' };

export const TAX_CLASSES = ['iva16', 'iva8', 'iva0', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

export function taxTreatment(taxClass: TaxClass): TaxTreatment {
  switch (taxClass) {
    case 'iva16':
      return { kind: 'rate', rate: '0.16' };
    case 'iva8':
      return { kind: 'rate', rate: '0.08' };
    case 'iva0':
      return { kind: 'rate', rate: '0' };
    case 'exempt':
      return { kind: 'exempt' };
  }
}

export interface PricedLine {
  quantity: Decimal.Value;
  unitPrice: Decimal.Value;
  /** The line's own discount, percent of its amount. */
  discountPercent?: Decimal.Value;
  /** A discount in money already given to this line (an order's coupon share), on top of the percent. */
  discountAmount?: Decimal.Value;
  /** False for a line a document discount must not touch (shipping is not discounted by a coupon). */
  discountable?: boolean;
  tax: TaxTreatment;
}

export interface LineAmounts {
  /** quantity × unit price, unrounded (at most six decimals, as the CFDI carries it). */
  amount: Decimal;
  discount: Decimal;
  /** amount − discount: the tax base. */
  base: Decimal;
  tax: Decimal;
  /** base + tax, in cents, for display. */
  total: Decimal;
}

export interface Totals {
  lines: LineAmounts[];
  subtotal: Decimal;
  discount: Decimal;
  tax: Decimal;
  total: Decimal;
  /** Base and tax per rate ("exempt" for exempt lines), as the CFDI summarises them. */
  taxByRate: { rate: string; base: Decimal; tax: Decimal }[];
}

const SIX = 6;
const round6 = (v: Decimal.Value) => new Dec(v).toDecimalPlaces(SIX, Decimal.ROUND_HALF_UP);

/**
 * The one place amounts are computed, for carts, orders and invoices alike, the way the SAT's CFDI 4.0
 * adds them up: lines keep six decimals (amount, discount, base, tax), and only the document totals are
 * rounded to cents. So an invoice's totals are always its CFDI's totals.
 *
 * `extraDiscount` is a document discount in money (a coupon, a cash discount): it is shared among the
 * discountable lines in proportion to their base, in cents, so every line carries its part (the CFDI has no
 * document-level discount).
 */
export function computeTotals(lines: readonly PricedLine[], options: { extraDiscount?: Decimal.Value } = {}): Totals {
  const priced = lines.map((line) => {
    const amount = round6(money(line.quantity).times(line.unitPrice));
    const percent = line.discountPercent ? roundMoney(amount.times(line.discountPercent).dividedBy(100)) : money(0);
    const own = Decimal.min(amount, percent.plus(line.discountAmount ?? 0));
    return { amount, own, tax: line.tax, discountable: line.discountable !== false };
  });
  const shares = shareDiscount(
    priced.map((p) => (p.discountable ? p.amount.minus(p.own) : money(0))),
    money(options.extraDiscount ?? 0),
  );
  const amounts: LineAmounts[] = priced.map((p, i) => {
    const discount = p.own.plus(shares[i]!);
    const base = p.amount.minus(discount);
    const tax = p.tax.kind === 'rate' ? round6(base.times(p.tax.rate)) : money(0);
    return { amount: p.amount, discount, base, tax, total: roundMoney(base.plus(tax)) };
  });
  const byRate = new Map<string, { rate: string; base: Decimal; tax: Decimal }>();
  amounts.forEach((a, i) => {
    const t = lines[i]!.tax;
    const rate = t.kind === 'rate' ? money(t.rate).toFixed(6) : 'exempt';
    const entry = byRate.get(rate) ?? { rate, base: money(0), tax: money(0) };
    byRate.set(rate, { rate, base: entry.base.plus(a.base), tax: entry.tax.plus(a.tax) });
  });
  const subtotal = roundMoney(sum(amounts.map((a) => a.amount)));
  const discount = roundMoney(sum(amounts.map((a) => a.discount)));
  // The CFDI's summary rounds each rate's tax to cents, and its total is the sum of those.
  const taxByRate = [...byRate.values()].map((r) => ({ rate: r.rate, base: roundMoney(r.base), tax: roundMoney(r.tax) }));
  const tax = sum(taxByRate.map((r) => r.tax));
  return { lines: amounts, subtotal, discount, tax, total: subtotal.minus(discount).plus(tax), taxByRate };
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), money(0));
}

/** Splits `discount` (never more than the bases) across lines by base, in cents, largest remainder first. */
function shareDiscount(bases: Decimal[], discount: Decimal): Decimal[] {
  const total = sum(bases);
  if (discount.isZero() || total.isZero()) return bases.map(() => money(0));
  const capped = Decimal.min(discount, roundMoney(total));
  const exact = bases.map((b) => capped.times(b).dividedBy(total));
  const floored = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let leftCents = capped.minus(sum(floored)).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(floored[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (leftCents <= 0) break;
    floored[i] = floored[i]!.plus('0.01');
    leftCents -= 1;
  }
  return floored;
}

/** A coupon's or cash discount's value against an amount: percent of it, or a fixed sum, never more than it. */
export function discountValue(kind: 'percent' | 'fixed', value: Decimal.Value, against: Decimal.Value): Decimal {
  const amount = money(against);
  const raw = kind === 'percent' ? roundMoney(amount.times(value).dividedBy(100)) : roundMoney(value);
  return Decimal.max(0, Decimal.min(raw, amount));
}
