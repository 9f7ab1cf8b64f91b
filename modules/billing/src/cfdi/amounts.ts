import { Dec, money, roundMoney } from '@petfriendly/core';
import Decimal from 'decimal.js';
import type { CfdiConcept, CfdiConceptAmounts, CfdiTotals, CfdiTrasladoSummary } from './types';

export const round6 = (value: Decimal.Value): Decimal => new Dec(value).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
export const fixed2 = (value: Decimal.Value): string => roundMoney(value).toFixed(2);

function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), money(0));
}

function summaryKey(line: CfdiTrasladoSummary): string {
  return `${line.impuesto}|${line.tipoFactor}|${line.tasaOCuota ?? ''}`;
}

/**
 * Adds up a CFDI the way the SAT checks it (Anexo 20 4.0): each concept keeps six decimals
 * (Importe = Cantidad × ValorUnitario, Base = Importe − Descuento, IVA = Base × tasa, each rounded
 * half up to 6, which stays inside the SAT's lower/upper limits), the comprobante-level Traslado
 * summary is grouped by impuesto + tipo factor + tasa with Base and Importe rounded to cents, and
 * SubTotal, Descuento, TotalImpuestosTrasladados (the sum of the rounded summary importes) and Total
 * are in cents. Exempt lines appear in the summary with their Base only.
 */
export function computeIngresoTotals(concepts: readonly CfdiConcept[]): CfdiTotals {
  const lines = concepts.map((c) => {
    const importe = round6(money(c.cantidad).times(c.valorUnitario));
    const descuento = round6(c.descuento ?? 0);
    const base = importe.minus(descuento);
    const iva = c.tax.kind === 'tasa' ? round6(base.times(c.tax.rate)) : undefined;
    return { concept: c, importe, descuento, base, iva };
  });

  const groups = new Map<string, { line: CfdiTrasladoSummary; base: Decimal; importe: Decimal }>();
  for (const l of lines) {
    if (l.concept.tax.kind === 'no_objeto') continue;
    const line: CfdiTrasladoSummary =
      l.concept.tax.kind === 'tasa'
        ? { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: l.concept.tax.rate, base: '' }
        : { impuesto: '002', tipoFactor: 'Exento', base: '' };
    const key = summaryKey(line);
    const group = groups.get(key) ?? { line, base: money(0), importe: money(0) };
    group.base = group.base.plus(l.base);
    group.importe = group.importe.plus(l.iva ?? 0);
    groups.set(key, group);
  }
  const traslados = [...groups.values()].map(({ line, base, importe }) =>
    line.tipoFactor === 'Tasa' ? { ...line, base: fixed2(base), importe: fixed2(importe) } : { ...line, base: fixed2(base) },
  );

  const subTotal = roundMoney(sum(lines.map((l) => l.importe)));
  const descuento = roundMoney(sum(lines.map((l) => l.descuento)));
  const totalImpuestos = sum(traslados.map((t) => money(t.importe ?? 0)));
  const conceptAmounts: CfdiConceptAmounts[] = lines.map((l) => ({
    importe: l.importe.toFixed(6),
    descuento: l.descuento.toFixed(6),
    ...(l.concept.tax.kind === 'no_objeto' ? {} : { base: l.base.toFixed(6) }),
    ...(l.iva ? { iva: l.iva.toFixed(6) } : {}),
  }));
  return {
    subTotal: subTotal.toFixed(2),
    descuento: descuento.toFixed(2),
    totalImpuestosTrasladados: totalImpuestos.toFixed(2),
    total: subTotal.minus(descuento).plus(totalImpuestos).toFixed(2),
    traslados,
    concepts: conceptAmounts,
  };
}
