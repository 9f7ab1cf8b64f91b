import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { buildIngreso, type CfdiConcept, computeIngresoTotals, readCfdi } from '../../src/cfdi';

const line = (cantidad: string, valorUnitario: string, tax: CfdiConcept['tax'], descuento?: string): CfdiConcept => ({
  claveProdServ: '70122000',
  cantidad,
  claveUnidad: 'E48',
  descripcion: 'Servicio',
  valorUnitario,
  descuento,
  tax,
});
const iva16 = { kind: 'tasa', rate: '0.160000' } as const;
const iva8 = { kind: 'tasa', rate: '0.080000' } as const;
const iva0 = { kind: 'tasa', rate: '0.000000' } as const;
const exento = { kind: 'exento' } as const;
const noObjeto = { kind: 'no_objeto' } as const;

const decimals = (v: string) => (v.split('.')[1] ?? '').length;
const half = (v: string) => new Decimal(10).pow(-decimals(v)).dividedBy(2);
const TINY = new Decimal('1e-12');

/** Anexo 20's tolerance for Importe = Cantidad × ValorUnitario, in the currency's 2 decimals. */
function importeLimits(cantidad: string, valor: string) {
  const lower = new Decimal(cantidad).minus(half(cantidad)).times(new Decimal(valor).minus(half(valor)));
  const upper = new Decimal(cantidad)
    .plus(half(cantidad))
    .minus(TINY)
    .times(new Decimal(valor).plus(half(valor)).minus(TINY));
  return [lower.toDecimalPlaces(2, Decimal.ROUND_DOWN), upper.toDecimalPlaces(2, Decimal.ROUND_UP)] as const;
}

/** Anexo 20's tolerance for a Traslado's Importe = Base × TasaOCuota. */
function trasladoLimits(base: string, tasa: string) {
  const lower = new Decimal(base).minus(half(base)).times(tasa);
  const upper = new Decimal(base).plus(half(base)).minus(TINY).times(tasa);
  return [lower.toDecimalPlaces(2, Decimal.ROUND_DOWN), upper.toDecimalPlaces(2, Decimal.ROUND_UP)] as const;
}

const tables = [
  {
    name: '3 × 33.333333 at 16 %: six decimals per line, cents only at the end',
    lines: [line('3', '33.333333', iva16)],
    concept: { importe: '99.999999', base: '99.999999', iva: '16.000000' },
    subTotal: '100.00',
    descuento: '0.00',
    tax: '16.00',
    total: '116.00',
  },
  {
    name: 'quantity 1.5 with a half-cent importe rounds half up',
    lines: [line('1.5', '199.99', iva16)],
    concept: { importe: '299.985000', base: '299.985000', iva: '47.997600' },
    subTotal: '299.99',
    descuento: '0.00',
    tax: '48.00',
    total: '347.99',
  },
  {
    name: 'a line discount lowers the base, not the importe',
    lines: [line('2', '100', iva16, '20')],
    concept: { importe: '200.000000', descuento: '20.000000', base: '180.000000', iva: '28.800000' },
    subTotal: '200.00',
    descuento: '20.00',
    tax: '28.80',
    total: '208.80',
  },
  {
    name: 'exempt and not-subject lines add no tax',
    lines: [line('1', '300', exento), line('1', '50', noObjeto)],
    concept: { importe: '300.000000', base: '300.000000' },
    subTotal: '350.00',
    descuento: '0.00',
    tax: '0.00',
    total: '350.00',
  },
  {
    name: 'the tax total is the sum of the per-rate rounded importes (1.605 → 1.61, 0.805 → 0.81)',
    lines: [line('1', '10.03125', iva16), line('1', '10.0625', iva8)],
    concept: { importe: '10.031250', base: '10.031250', iva: '1.605000' },
    subTotal: '20.09',
    descuento: '0.00',
    tax: '2.42',
    total: '22.51',
  },
  {
    name: 'seven lines of 0.333333 keep their decimals until the total',
    lines: Array.from({ length: 7 }, () => line('1', '0.333333', iva16)),
    concept: { importe: '0.333333', base: '0.333333', iva: '0.053333' },
    subTotal: '2.33',
    descuento: '0.00',
    tax: '0.37',
    total: '2.70',
  },
  {
    name: 'discounts of a third of a peso across lines',
    lines: [line('1', '10', iva16, '3.333333'), line('1', '10', iva16, '3.333333'), line('1', '10', iva16, '3.333334')],
    concept: { importe: '10.000000', descuento: '3.333333', base: '6.666667', iva: '1.066667' },
    subTotal: '30.00',
    descuento: '10.00',
    tax: '3.20',
    total: '23.20',
  },
];

describe('computeIngresoTotals', () => {
  it.each(tables)('$name', ({ lines, concept, subTotal, descuento, tax, total }) => {
    const totals = computeIngresoTotals(lines);
    expect(totals.concepts[0]).toMatchObject(concept);
    expect({ subTotal: totals.subTotal, descuento: totals.descuento, tax: totals.totalImpuestosTrasladados, total: totals.total }).toEqual({
      subTotal,
      descuento,
      tax,
      total,
    });
  });

  it("keeps every concept's Importe and IVA inside the SAT's lower and upper limits", () => {
    for (const { lines } of tables) {
      const totals = computeIngresoTotals(lines);
      lines.forEach((l, i) => {
        const amounts = totals.concepts[i]!;
        const [lo, hi] = importeLimits(l.cantidad, l.valorUnitario);
        expect(new Decimal(amounts.importe).gte(lo) && new Decimal(amounts.importe).lte(hi)).toBe(true);
        if (l.tax.kind === 'tasa') {
          const [tlo, thi] = trasladoLimits(amounts.base!, l.tax.rate);
          expect(new Decimal(amounts.iva!).gte(tlo) && new Decimal(amounts.iva!).lte(thi)).toBe(true);
        }
      });
    }
  });

  it('summarises by rate, with exempt bases and zero-rated lines, in order of appearance', () => {
    const totals = computeIngresoTotals([
      line('1', '100', iva16),
      line('2', '125.25', iva0),
      line('1', '300', exento),
      line('1', '50', noObjeto),
      line('1', '0.5', iva16),
    ]);
    expect(totals.traslados).toEqual([
      { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '100.50', importe: '16.08' },
      { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.000000', base: '250.50', importe: '0.00' },
      { impuesto: '002', tipoFactor: 'Exento', base: '300.00' },
    ]);
    expect(totals.concepts[3]).toEqual({ importe: '50.000000', descuento: '0.000000' });
    expect(totals.total).toBe('717.08');
  });

  it('writes the same amounts into the XML it returns', () => {
    const { xml, totals } = buildIngreso({
      folio: '1',
      fecha: '2025-01-02T09:00:00',
      formaPago: '01',
      metodoPago: 'PUE',
      issuer: { rfc: 'EKU9003173C9', name: 'ESCUELA KEMPER URGATE', regimenFiscal: '601', lugarExpedicion: '86000' },
      receiver: { rfc: 'URE180429TM6', name: 'UNIVERSIDAD ROBOTICA ESPAÑOLA', regimenFiscal: '601', domicilioFiscal: '65000', usoCfdi: 'G03' },
      concepts: [line('3', '33.333333', iva16), line('1', '300', exento, '15.5')],
    });
    const view = readCfdi(xml);
    expect(view.subTotal).toBe(totals.subTotal);
    expect(view.descuento).toBe('15.50');
    expect(view.total).toBe('400.50');
    expect(view.totalImpuestosTrasladados).toBe('16.00');
    expect(view.traslados).toEqual([
      { base: '100.00', impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', importe: '16.00' },
      { base: '284.50', impuesto: '002', tipoFactor: 'Exento', tasaOCuota: undefined, importe: undefined },
    ]);
    expect(view.conceptos[1]).toMatchObject({ importe: '300.000000', descuento: '15.500000', objetoImp: '02' });
    expect(view.conceptos[1]!.traslados).toEqual([{ base: '284.500000', impuesto: '002', tipoFactor: 'Exento', tasaOCuota: undefined, importe: undefined }]);
  });

  it('leaves TotalImpuestosTrasladados out when every line is exempt, and Impuestos out when none is subject', () => {
    const base = {
      folio: '2',
      fecha: '2025-01-02T09:00:00',
      formaPago: '01',
      metodoPago: 'PUE' as const,
      issuer: { rfc: 'EKU9003173C9', name: 'ESCUELA KEMPER URGATE', regimenFiscal: '601', lugarExpedicion: '86000' },
      receiver: { rfc: 'URE180429TM6', name: 'UNIVERSIDAD ROBOTICA ESPAÑOLA', regimenFiscal: '601', domicilioFiscal: '65000', usoCfdi: 'G03' },
    };
    const exempt = buildIngreso({ ...base, concepts: [line('1', '10', exento)] });
    expect(exempt.xml).toContain('<cfdi:Impuestos>');
    expect(exempt.xml).not.toContain('TotalImpuestosTrasladados');
    const none = buildIngreso({ ...base, concepts: [line('1', '10', noObjeto)] });
    expect(none.xml).not.toContain('<cfdi:Impuestos');
    expect(none.xml).toContain('ObjetoImp="01"');
  });
});
