import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../src/money';
import { computeTotals, discountValue, type PricedLine, type TaxRates, type Totals, taxTreatment } from '../src/totals';

const RATES: TaxRates = { iva16: '0.16', iva8: '0.08' };
const iva16 = taxTreatment('iva16', RATES);
const iva8 = taxTreatment('iva8', RATES);
const iva0 = taxTreatment('iva0', RATES);
const exempt = taxTreatment('exempt', RATES);
const line = (quantity: string, unitPrice: string, tax = iva16, discountPercent?: string): PricedLine => ({ quantity, unitPrice, tax, discountPercent });

/** The CFDI's own arithmetic (Anexo 20), redone from the line amounts: lines in 6 decimals, SubTotal, Descuento and each rate's IVA in cents. */
function cfdiTotal(t: Totals, input: readonly PricedLine[]): string {
  const cents = (v: ReturnType<typeof money>) => v.toDecimalPlaces(2);
  const add = (values: ReturnType<typeof money>[]) => values.reduce((s, v) => s.plus(v), money(0));
  for (const [i, l] of t.lines.entries()) {
    expect(l.unitValue.decimalPlaces()).toBeLessThanOrEqual(6);
    expect(l.amount.equals(money(input[i]!.quantity).times(l.unitValue).toDecimalPlaces(6))).toBe(true);
    expect(l.base.equals(l.amount.minus(l.discount))).toBe(true);
    expect(l.discount.isNegative()).toBe(false);
    const tax = input[i]!.tax;
    expect(l.tax.equals(tax.kind === 'rate' ? l.base.times(tax.rate).toDecimalPlaces(6) : money(0))).toBe(true);
  }
  const rates = [...new Set(input.map((l) => (l.tax.kind === 'rate' ? l.tax.rate : 'exempt')))];
  const taxes = add(
    rates.map((r) =>
      cents(add(t.lines.filter((_, i) => (input[i]!.tax.kind === 'rate' ? (input[i]!.tax as { rate: string }).rate : 'exempt') === r).map((l) => l.tax))),
    ),
  );
  return cents(add(t.lines.map((l) => l.amount)))
    .minus(cents(add(t.lines.map((l) => l.discount))))
    .plus(taxes)
    .toFixed(2);
}

describe('computeTotals: shelf prices include IVA', () => {
  it.each([
    {
      name: 'a consultation at $450.00',
      lines: [line('1', '450.00')],
      extra: '0',
      subtotal: '387.93',
      discount: '0.00',
      tax: '62.07',
      total: '450.00',
      unit: '387.931034',
    },
    {
      name: '$800.00 is $800.00 (no stray centavo)',
      lines: [line('1', '800.00')],
      extra: '0',
      subtotal: '689.66',
      discount: '0.00',
      tax: '110.34',
      total: '800.00',
      unit: '689.655172',
    },
    {
      name: '2 × $250.00 is $500.00',
      lines: [line('2', '250.00')],
      extra: '0',
      subtotal: '431.03',
      discount: '0.00',
      tax: '68.97',
      total: '500.00',
      unit: '215.517241',
    },
    {
      name: 'the border-zone rate',
      lines: [line('3', '99.90', iva8)],
      extra: '0',
      subtotal: '277.50',
      discount: '0.00',
      tax: '22.20',
      total: '299.70',
      unit: '92.500000',
    },
    {
      name: 'mixed 16 %, 0 % and exempt',
      lines: [line('1', '450.00'), line('2', '85.50', iva0), line('1', '200.00', exempt)],
      extra: '0',
      subtotal: '758.93',
      discount: '0.00',
      tax: '62.07',
      total: '821.00',
      unit: '387.931034',
    },
    {
      name: 'a 10 % line discount on 2 × $250.00',
      lines: [line('2', '250.00', iva16, '10')],
      extra: '0',
      subtotal: '431.03',
      discount: '43.10',
      tax: '62.07',
      total: '450.00',
      unit: '215.517241',
    },
    {
      name: 'a $40.00 coupon shared by amount',
      lines: [line('1', '300.00'), line('1', '100.00', iva0)],
      extra: '40',
      subtotal: '358.62',
      discount: '35.86',
      tax: '37.24',
      total: '360.00',
      unit: '258.620690',
    },
    {
      name: 'a discount never exceeds the amount',
      lines: [line('1', '50.00')],
      extra: '80',
      subtotal: '43.10',
      discount: '43.10',
      tax: '0.00',
      total: '0.00',
      unit: '43.103448',
    },
    {
      name: 'seven lines of $0.07',
      lines: Array.from({ length: 7 }, () => line('1', '0.07')),
      extra: '0',
      subtotal: '0.42',
      discount: '0.00',
      tax: '0.07',
      total: '0.49',
      unit: '0.060345',
    },
  ])('$name', ({ lines, extra, subtotal, discount, tax, total, unit }) => {
    const t = computeTotals(lines, { extraDiscount: extra });
    expect([t.subtotal.toFixed(2), t.discount.toFixed(2), t.tax.toFixed(2), t.total.toFixed(2)]).toEqual([subtotal, discount, tax, total]);
    expect(t.lines[0]!.unitValue.toFixed(6)).toBe(unit);
    expect(t.total.equals(t.subtotal.minus(t.discount).plus(t.tax))).toBe(true);
    expect(cfdiTotal(t, lines)).toBe(total);
  });

  it('shows the customer the shelf figures: lines, discounts and what each line costs', () => {
    const t = computeTotals([line('1', '10.00'), line('1', '10.00'), line('1', '10.00')], { extraDiscount: '10' });
    expect(t.lines.map((l) => l.grossDiscount.toFixed(2))).toEqual(['3.34', '3.33', '3.33']);
    expect(t.lines.map((l) => l.total.toFixed(2))).toEqual(['6.66', '6.67', '6.67']);
    expect([t.grossSubtotal.toFixed(2), t.grossDiscount.toFixed(2), t.total.toFixed(2)]).toEqual(['30.00', '10.00', '20.00']);
  });

  it('leaves a line marked not discountable out of the document discount', () => {
    const t = computeTotals([line('1', '200.00'), { ...line('1', '99.00'), discountable: false }], { extraDiscount: '20' });
    expect(t.lines.map((l) => l.grossDiscount.toFixed(2))).toEqual(['20.00', '0.00']);
    expect(t.total.toFixed(2)).toBe('279.00');
  });

  it('groups base and tax per rate, exempt apart', () => {
    const t = computeTotals([line('1', '116'), line('1', '50', iva0), line('1', '20', exempt), line('1', '11.60')]);
    expect(t.taxByRate.map((r) => [r.rate, r.base.toFixed(2), r.tax.toFixed(2)])).toEqual([
      ['0.160000', '110.00', '17.60'],
      ['0.000000', '50.00', '0.00'],
      ['exempt', '20.00', '0.00'],
    ]);
  });

  it('takes each rate from the clinic’s settings', () => {
    const t = computeTotals([{ quantity: 1, unitPrice: '108.00', tax: taxTreatment('iva16', { iva16: '0.08', iva8: '0.08' }) }]);
    expect([t.subtotal.toFixed(2), t.tax.toFixed(2)]).toEqual(['100.00', '8.00']);
  });
});

/** Prices in centavos as shelves carry them, quantities as shops and the desk sell them, any tax class. */
const basket = fc.record({
  lines: fc.array(
    fc.record({
      cents: fc.integer({ min: 1, max: 5_000_000 }),
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 999 }).map((h) => h / 100),
      ),
      taxClass: fc.constantFrom('iva16', 'iva16', 'iva8', 'iva0', 'exempt'),
      discountPercent: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
      discountCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
      discountable: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  extraCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
});

describe('computeTotals: property', () => {
  it('any basket invoices to exactly the sum the customer saw, and the CFDI adds up to it', () => {
    fc.assert(
      fc.property(basket, ({ lines, extraCents }) => {
        const priced: PricedLine[] = lines.map((l) => ({
          quantity: String(l.quantity),
          unitPrice: money(l.cents).dividedBy(100),
          discountPercent: l.discountPercent,
          discountAmount: money(l.discountCents).dividedBy(100),
          discountable: l.discountable,
          tax: taxTreatment(l.taxClass, RATES),
        }));
        const t = computeTotals(priced, { extraDiscount: money(extraCents).dividedBy(100) });
        const seen = t.lines.reduce((s, l) => s.plus(l.total), money(0));
        const shelf = lines.reduce((s, l) => s.plus(money(l.cents).times(l.quantity).dividedBy(100).toDecimalPlaces(2)), money(0));
        expect(t.grossSubtotal.equals(shelf)).toBe(true);
        expect(t.total.equals(shelf.minus(t.grossDiscount))).toBe(true);
        expect(t.total.equals(seen)).toBe(true);
        expect(cfdiTotal(t, priced)).toBe(t.total.toFixed(2));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('discountValue', () => {
  it.each([
    ['percent', '10', '250.00', '25'],
    ['percent', '15', '99.99', '15'],
    ['fixed', '50', '30.00', '30'],
    ['fixed', '50', '300.00', '50'],
  ] as const)('%s %s of %s is %s', (kind, value, against, expected) => {
    expect(discountValue(kind, value, against).toString()).toBe(expected);
  });
});
