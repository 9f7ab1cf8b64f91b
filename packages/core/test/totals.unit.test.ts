import { describe, expect, it } from 'vitest';
import { type PricedLine, computeTotals, discountValue, taxTreatment } from '../src/totals';

const iva16 = taxTreatment('iva16');
const iva0 = taxTreatment('iva0');
const exempt = taxTreatment('exempt');
const line = (quantity: string, unitPrice: string, tax = iva16, discountPercent?: string): PricedLine => ({ quantity, unitPrice, tax, discountPercent });

describe('computeTotals', () => {
  it.each([
    { name: 'one taxed line', lines: [line('1', '100.00')], extra: '0', subtotal: '100', discount: '0', tax: '16', total: '116' },
    { name: 'quantity × price', lines: [line('3', '33.33')], extra: '0', subtotal: '99.99', discount: '0', tax: '16', total: '115.99' },
    { name: 'fractional quantity keeps six decimals until the total', lines: [line('1.25', '10.99')], extra: '0', subtotal: '13.74', discount: '0', tax: '2.2', total: '15.94' },
    { name: 'mixed 16 %, 0 % and exempt', lines: [line('1', '450.00'), line('2', '85.50', iva0), line('1', '200.00', exempt)], extra: '0', subtotal: '821', discount: '0', tax: '72', total: '893' },
    { name: 'line discount percent', lines: [line('2', '250.00', iva16, '10')], extra: '0', subtotal: '500', discount: '50', tax: '72', total: '522' },
    { name: 'document discount shared by base', lines: [line('1', '300.00'), line('1', '100.00', iva0)], extra: '40', subtotal: '400', discount: '40', tax: '43.2', total: '403.2' },
    { name: 'discount never exceeds the amount', lines: [line('1', '50.00')], extra: '80', subtotal: '50', discount: '50', tax: '0', total: '0' },
    { name: 'many small lines round once at the end', lines: Array.from({ length: 7 }, () => line('1', '0.07')), extra: '0', subtotal: '0.49', discount: '0', tax: '0.08', total: '0.57' },
  ])('$name', ({ lines, extra, subtotal, discount, tax, total }) => {
    const t = computeTotals(lines, { extraDiscount: extra });
    expect([t.subtotal.toString(), t.discount.toString(), t.tax.toString(), t.total.toString()]).toEqual([subtotal, discount, tax, total]);
    expect(t.total.equals(t.subtotal.minus(t.discount).plus(t.tax))).toBe(true);
  });

  it('shares a document discount in cents that add up exactly', () => {
    const t = computeTotals([line('1', '10.00'), line('1', '10.00'), line('1', '10.00')], { extraDiscount: '10' });
    expect(t.lines.map((l) => l.discount.toFixed(2))).toEqual(['3.34', '3.33', '3.33']);
    expect(t.discount.toFixed(2)).toBe('10.00');
  });

  it('leaves a line marked not discountable out of the document discount', () => {
    const t = computeTotals([line('1', '200.00'), { ...line('1', '99.00'), discountable: false }], { extraDiscount: '20' });
    expect(t.lines.map((l) => l.discount.toFixed(2))).toEqual(['20.00', '0.00']);
    expect(t.total.toFixed(2)).toBe('323.64');
  });

  it('groups base and tax per rate, exempt apart', () => {
    const t = computeTotals([line('1', '100'), line('1', '50', iva0), line('1', '20', exempt), line('1', '10')]);
    expect(t.taxByRate.map((r) => [r.rate, r.base.toFixed(2), r.tax.toFixed(2)])).toEqual([
      ['0.160000', '110.00', '17.60'],
      ['0.000000', '50.00', '0.00'],
      ['exempt', '20.00', '0.00'],
    ]);
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
