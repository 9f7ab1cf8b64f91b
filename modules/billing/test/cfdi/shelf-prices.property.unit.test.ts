/**
 * Shelf prices include IVA: for any basket the customer's total (quantity × shelf price less discounts)
 * is the CFDI's Total to the centavo, and the CFDI built from the derived lines still passes the SAT's
 * rules, validates against the XSD and carries a Sello that verifies.
 */

import { computeTotals, money, type PricedLine, taxTreatment } from '@petfriendly/core';
import { storeSettings, taxRatesOf } from '@petfriendly/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIngreso, type CfdiConcept, type CfdiIvaRate, sealCfdi, validateCfdi, verifySello } from '../../src/cfdi';
import { ingreso, testCsd } from './fixtures';

const rates = taxRatesOf(storeSettings.parse({}));
const csd = testCsd();

const basket = fc.record({
  lines: fc.array(
    fc.record({
      cents: fc.integer({ min: 1, max: 2_000_000 }),
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 999 }).map((h) => (h / 100).toFixed(2)),
      ),
      taxClass: fc.constantFrom('iva16', 'iva16', 'iva8', 'iva0', 'exempt'),
      discountPercent: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
      discountable: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  couponCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
});

type Basket = typeof basket extends fc.Arbitrary<infer T> ? T : never;

/** The basket priced, and the CFDI concepts its invoice would carry (as cfdi.service builds them). */
function invoiceOf({ lines, couponCents }: Basket) {
  const shelf: PricedLine[] = lines.map((l) => ({
    quantity: l.quantity,
    unitPrice: money(l.cents).dividedBy(100),
    discountPercent: l.discountPercent,
    discountable: l.discountable,
    tax: taxTreatment(l.taxClass, rates),
  }));
  const totals = computeTotals(shelf, { extraDiscount: money(couponCents).dividedBy(100) });
  const concepts: CfdiConcept[] = totals.lines.map((t, i) => {
    const tax = shelf[i]!.tax;
    return {
      claveProdServ: '10191500',
      cantidad: money(lines[i]!.quantity).toString(),
      claveUnidad: 'H87',
      descripcion: `Producto ${i + 1}`,
      valorUnitario: t.unitValue.toString(),
      descuento: t.discount.gt(0) ? t.discount.toString() : undefined,
      tax: tax.kind === 'exempt' ? { kind: 'exento' } : { kind: 'tasa', rate: money(tax.rate).toFixed(6) as CfdiIvaRate },
    };
  });
  const seen = lines.reduce(
    (sum, l, i) => sum.plus(money(l.cents).times(l.quantity).dividedBy(100).toDecimalPlaces(2)).minus(totals.lines[i]!.grossDiscount),
    money(0),
  );
  return { totals, concepts, seen };
}

/** A line given away whole has no tax base: the CFDI leaves it out (validate-input refuses it). */
const invoiceable = (b: Basket) => invoiceOf(b).totals.lines.every((l) => l.total.gt(0));

describe('shelf prices to CFDI', () => {
  it('any basket comes to the sum the customer saw, and the CFDI passes the SAT’s rules with that Total', () => {
    fc.assert(
      fc.property(basket.filter(invoiceable), (b) => {
        const { totals, concepts, seen } = invoiceOf(b);
        expect(totals.total.toFixed(2)).toBe(seen.toFixed(2));
        const built = buildIngreso(ingreso({ concepts }));
        expect(built.totals.total).toBe(seen.toFixed(2));
        expect(built.totals.subTotal).toBe(totals.subtotal.toFixed(2));
        expect(built.totals.totalImpuestosTrasladados).toBe(totals.tax.toFixed(2));
      }),
      { numRuns: 400 },
    );
  });

  it('and the sealed CFDI validates against the SAT’s XSD and its Sello verifies', async () => {
    await fc.assert(
      fc.asyncProperty(basket.filter(invoiceable), async (b) => {
        const { concepts, seen } = invoiceOf(b);
        const sealed = sealCfdi(buildIngreso(ingreso({ concepts })).xml, csd);
        expect(sealed).toContain(`Total="${seen.toFixed(2)}"`);
        expect(await validateCfdi(sealed)).toEqual({ valid: true, errors: [] });
        expect(verifySello(sealed)).toMatchObject({ valid: true });
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
