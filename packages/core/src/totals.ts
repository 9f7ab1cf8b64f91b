import Decimal from 'decimal.js';
import { Dec, money, roundMoney } from './money';

/** How a line is taxed: IVA at a rate ("0.16", "0"), or exempt (no IVA, and none to credit). */
export type TaxTreatment = { kind: 'rate'; rate: string } | { kind: 'exempt' };

export const TAX_CLASSES = ['iva16', 'iva8', 'iva0', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** The rates a clinic sets, as fractions ("0.16"): the general IVA (`iva16`) and the border-zone IVA (`iva8`). */
export interface TaxRates {
  iva16: string;
  iva8: string;
}

export function taxTreatment(taxClass: TaxClass, rates: TaxRates): TaxTreatment {
  switch (taxClass) {
    case 'iva16':
      return { kind: 'rate', rate: rates.iva16 };
    case 'iva8':
      return { kind: 'rate', rate: rates.iva8 };
    case 'iva0':
      return { kind: 'rate', rate: '0' };
    case 'exempt':
      return { kind: 'exempt' };
  }
}

/** A line at shelf prices: what the customer pays, IVA included. */
export interface PricedLine {
  quantity: Decimal.Value;
  /** The price of one unit, IVA included. */
  unitPrice: Decimal.Value;
  /** The line's own discount, percent of its amount. */
  discountPercent?: Decimal.Value;
  /** A discount in money (IVA included) already given to this line (an order's coupon share), on top of the percent. */
  discountAmount?: Decimal.Value;
  /** False for a line a document discount must not touch (shipping is not discounted by a coupon). */
  discountable?: boolean;
  tax: TaxTreatment;
}

export interface LineAmounts {
  /** quantity × shelf price, in cents: the line as the customer sees it. */
  gross: Decimal;
  /** The line's whole discount as the customer sees it (IVA included), in cents. */
  grossDiscount: Decimal;
  /** What the customer pays for the line: gross − grossDiscount. */
  total: Decimal;
  /** The CFDI's ValorUnitario: one unit before IVA, six decimals. */
  unitValue: Decimal;
  /** The CFDI's Importe: quantity × unitValue (six decimals). */
  amount: Decimal;
  /** The CFDI's Descuento, before IVA (six decimals). */
  discount: Decimal;
  /** amount − discount: the tax base. */
  base: Decimal;
  tax: Decimal;
}

export interface Totals {
  lines: LineAmounts[];
  /** The lines at shelf prices, before discounts (what the customer sees). */
  grossSubtotal: Decimal;
  /** The discounts as the customer sees them (IVA included). */
  grossDiscount: Decimal;
  /** What the customer pays: grossSubtotal − grossDiscount, and also the CFDI's Total. */
  total: Decimal;
  /** The CFDI's SubTotal: the lines before IVA. */
  subtotal: Decimal;
  /** The CFDI's Descuento: the discounts before IVA. */
  discount: Decimal;
  /** The IVA the total includes, as the CFDI states it. */
  tax: Decimal;
  /** Base and tax per rate ("exempt" for exempt lines), as the CFDI summarises them. */
  taxByRate: { rate: string; base: Decimal; tax: Decimal }[];
}

const round6 = (v: Decimal.Value) => new Dec(v).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
const rateOf = (tax: TaxTreatment) => money(tax.kind === 'rate' ? tax.rate : 0);
const rateKey = (tax: TaxTreatment) => (tax.kind === 'rate' ? money(tax.rate).toFixed(6) : 'exempt');

/** A line as the CFDI carries it: quantity, ValorUnitario and (for a discounted line) the base. */
interface NetLine {
  quantity: Decimal;
  unitValue: Decimal;
  /** Null: no discount, the base is the whole amount. */
  base: Decimal | null;
  tax: TaxTreatment;
}

/**
 * The one place amounts are computed, for carts, orders and invoices alike. Prices include IVA: the
 * customer's figures (lines, discounts, total) are in cents, and the total is exactly the sum of the
 * shelf prices times quantities less discounts. The CFDI's figures are derived from them the way the
 * SAT adds a CFDI 4.0 up (lines in six decimals: Importe = Cantidad × ValorUnitario, IVA = Base × rate;
 * SubTotal, Descuento and each rate's IVA rounded to cents; Total = SubTotal − Descuento + IVA), so
 * that the CFDI's Total is the customer's total, to the centavo, for any basket.
 *
 * `extraDiscount` is a document discount in money, IVA included (a coupon, a cash discount): it is
 * shared among the discountable lines in proportion to their amount, in cents, so every line carries
 * its part (the CFDI has no document-level discount).
 */
export function computeTotals(lines: readonly PricedLine[], options: { extraDiscount?: Decimal.Value } = {}): Totals {
  const shelf = shelfAmounts(lines, money(options.extraDiscount ?? 0));
  const target = sum(shelf.map((s) => s.total));
  const natural: NetLine[] = lines.map((line, i) => {
    const s = shelf[i]!;
    const quantity = money(line.quantity);
    const grossUp = rateOf(line.tax).plus(1);
    return {
      quantity,
      unitValue: quantity.isZero() ? money(0) : round6(s.gross.dividedBy(quantity).dividedBy(grossUp)),
      base: s.grossDiscount.isZero() ? null : round6(s.total.dividedBy(grossUp)),
      tax: line.tax,
    };
  });
  for (const net of adjusted(natural, shelf)) {
    const cfdi = cfdiAmounts(net);
    if (!cfdi.total.equals(target)) continue;
    return {
      ...cfdi,
      lines: cfdi.lines.map((l, i) => ({ ...l, ...shelf[i]! })),
      grossSubtotal: sum(shelf.map((s) => s.gross)),
      grossDiscount: sum(shelf.map((s) => s.grossDiscount)),
      total: target,
    };
  }
  throw new Error(`No CFDI breakdown adds up to ${target.toFixed(2)}.`);
}

/** The customer's figures per line, in cents: quantity × price, the line's discounts and a share of the document's. */
function shelfAmounts(lines: readonly PricedLine[], extraDiscount: Decimal) {
  const own = lines.map((line) => {
    const gross = roundMoney(money(line.quantity).times(line.unitPrice));
    const percent = line.discountPercent ? roundMoney(gross.times(line.discountPercent).dividedBy(100)) : money(0);
    return { gross, discount: Decimal.min(gross, percent.plus(roundMoney(line.discountAmount ?? 0))) };
  });
  const shares = shareDiscount(
    own.map((o, i) => (lines[i]!.discountable !== false ? o.gross.minus(o.discount) : money(0))),
    extraDiscount,
  );
  return own.map((o, i) => {
    const grossDiscount = o.discount.plus(shares[i]!);
    return { gross: o.gross, grossDiscount, total: o.gross.minus(grossDiscount) };
  });
}

/** A CFDI's amounts from its lines, computed as the SAT does (see computeTotals). */
function cfdiAmounts(net: readonly NetLine[]) {
  const lines = net.map((l) => {
    const amount = round6(l.quantity.times(l.unitValue));
    const base = l.base ?? amount;
    const tax = l.tax.kind === 'rate' ? round6(base.times(l.tax.rate)) : money(0);
    return { unitValue: l.unitValue, amount, discount: amount.minus(base), base, tax };
  });
  const byRate = new Map<string, { rate: string; base: Decimal; tax: Decimal }>();
  lines.forEach((a, i) => {
    const rate = rateKey(net[i]!.tax);
    const entry = byRate.get(rate) ?? { rate, base: money(0), tax: money(0) };
    byRate.set(rate, { rate, base: entry.base.plus(a.base), tax: entry.tax.plus(a.tax) });
  });
  const subtotal = roundMoney(sum(lines.map((a) => a.amount)));
  const discount = roundMoney(sum(lines.map((a) => a.discount)));
  // The CFDI's summary rounds each rate's tax to cents, and its total is the sum of those.
  const taxByRate = [...byRate.values()].map((r) => ({ rate: r.rate, base: roundMoney(r.base), tax: roundMoney(r.tax) }));
  const tax = sum(taxByRate.map((r) => r.tax));
  return { lines, subtotal, discount, tax, total: subtotal.minus(discount).plus(tax), taxByRate };
}

/** How far inside a cent's rounding window a rate's IVA is aimed, so six-decimal line rounding cannot tip it. */
const MARGIN = money('0.0001');
const HALF_CENT = money('0.005');
const CENT = money('0.01');

/**
 * The natural breakdown first (each unit price divided by 1 + rate), then, if the CFDI's roundings
 * would leave it a centavo off, nearby ones: for each taxed rate, a base whose IVA rounds to a chosen
 * cent (the IVA the rate's gross contains, or the cent either side) and whose base plus IVA is the
 * rate's gross; and, when a line has a discount, a slightly higher ValorUnitario on it (with the same
 * base), which moves where SubTotal and Descuento round. There is always one within a centavo of the
 * natural base; computeTotals takes the first whose total is right.
 */
function* adjusted(natural: NetLine[], shelf: { total: Decimal; grossDiscount: Decimal }[]): Generator<NetLine[]> {
  yield natural;
  const groups = [...new Set(natural.filter((l) => rateOf(l.tax).gt(0)).map((l) => rateKey(l.tax)))].map((key) => {
    const members = natural.flatMap((l, i) => (rateKey(l.tax) === key ? [i] : []));
    const rate = rateOf(natural[members[0]!]!.tax);
    // The adjustment goes to the rate's largest line (where a centavo's fraction matters least).
    const gross = sum(members.map((i) => shelf[i]!.total));
    const pivot = [...members].sort((a, b) => shelf[b]!.total.comparedTo(shelf[a]!.total) || a - b)[0]!;
    return { members, rate, pivot, bases: candidateBases(gross, rate) };
  });
  const discounted = natural.reduce((best, l, i) => (l.base !== null && (best < 0 || shelf[i]!.grossDiscount.gt(shelf[best]!.grossDiscount)) ? i : best), -1);
  const shifts = discounted < 0 ? ['0'] : ['0', '0.002', '0.004', '0.006', '0.008'];
  for (const shift of shifts) {
    for (const choice of combinations(groups.map((g) => g.bases))) {
      const net = natural.map((l) => ({ ...l }));
      if (discounted >= 0 && shift !== '0') {
        const line = net[discounted]!;
        line.unitValue = round6(line.unitValue.plus(money(shift).dividedBy(line.quantity)));
      }
      const ok = groups.every((g, k) => realise(net, g.members, g.pivot, choice[k]!));
      if (ok) yield net;
    }
  }
}

/**
 * Bases for a rate's lines whose gross is `gross`: for the IVA t it contains and t ± 1 cent, the base
 * gross − t moved just enough that base × rate rounds to t (and a little either side of it).
 */
function candidateBases(gross: Decimal, rate: Decimal): Decimal[] {
  const contained = roundMoney(gross.times(rate).dividedBy(rate.plus(1)));
  const found: Decimal[] = [];
  for (const tax of [contained, contained.minus(CENT), contained.plus(CENT)]) {
    if (tax.isNegative()) continue;
    const low = tax.minus(HALF_CENT).plus(MARGIN).dividedBy(rate);
    const high = tax.plus(HALF_CENT).minus(MARGIN).dividedBy(rate);
    const net = gross.minus(tax);
    for (const aim of [net, net.minus('0.003'), net.plus('0.003')]) {
      const base = round6(Decimal.max(low, Decimal.min(high, aim)));
      if (!base.isNegative() && !found.some((f) => f.equals(base))) found.push(base);
    }
  }
  return found.sort((a, b) =>
    a
      .minus(gross.dividedBy(rate.plus(1)))
      .abs()
      .comparedTo(b.minus(gross.dividedBy(rate.plus(1))).abs()),
  );
}

/**
 * Gives the rate's lines the base `base` in total by changing its pivot line: a discounted line's base
 * (its ValorUnitario rises if the base would pass its Importe), another line's ValorUnitario. False if it cannot.
 */
function realise(net: NetLine[], members: number[], pivot: number, base: Decimal): boolean {
  const others = sum(members.filter((i) => i !== pivot).map((i) => net[i]!.base ?? round6(net[i]!.quantity.times(net[i]!.unitValue))));
  const wanted = base.minus(others);
  const line = net[pivot]!;
  if (wanted.isNegative() || line.quantity.isZero()) return false;
  const unitValue = wanted.dividedBy(line.quantity).toDecimalPlaces(6, Decimal.ROUND_UP);
  if (line.base === null) {
    line.unitValue = round6(wanted.dividedBy(line.quantity));
    return true;
  }
  line.base = wanted;
  if (round6(line.quantity.times(line.unitValue)).lt(wanted)) line.unitValue = unitValue;
  return true;
}

function* combinations<T>(lists: T[][]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  for (const head of lists[0]!) for (const rest of combinations(lists.slice(1))) yield [head, ...rest];
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), money(0));
}

/** Splits `discount` (never more than the amounts) across lines by amount, in cents, largest remainder first. */
function shareDiscount(amounts: Decimal[], discount: Decimal): Decimal[] {
  const total = sum(amounts);
  if (discount.isZero() || total.isZero()) return amounts.map(() => money(0));
  const capped = Decimal.min(discount, roundMoney(total));
  const exact = amounts.map((b) => capped.times(b).dividedBy(total));
  const floored = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let leftCents = capped.minus(sum(floored)).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const order = exact.map((e, i) => ({ i, rest: e.minus(floored[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (leftCents.lte(0)) break;
    floored[i] = floored[i]!.plus(CENT);
    leftCents = leftCents.minus(1);
  }
  return floored;
}

/** A coupon's or cash discount's value against an amount: percent of it, or a fixed sum, never more than it. */
export function discountValue(kind: 'percent' | 'fixed', value: Decimal.Value, against: Decimal.Value): Decimal {
  const amount = money(against);
  const raw = kind === 'percent' ? roundMoney(amount.times(value).dividedBy(100)) : roundMoney(value);
  return Decimal.max(0, Decimal.min(raw, amount));
}
