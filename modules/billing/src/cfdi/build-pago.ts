import { money, roundMoney } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { fixed2, round6 } from './amounts';
import { CFDI_NS, CFDI_SCHEMA_LOCATION, PAGO20_NS, PAGO20_SCHEMA_LOCATION, XSI_NS } from './namespaces';
import type { BuiltPago, CfdiPagoDocument, CfdiPagoInput, CfdiPagoTotals, CfdiTrasladoSummary } from './types';
import { checkPagoInput, cleanText } from './validate-input';
import { el, serializeXml } from './xml-writer';

/**
 * The taxes of one paid document in proportion to the payment (ImpPagado / invoice Total), six
 * decimals: BaseDR from the invoice's summary base, ImporteDR = BaseDR × tasa.
 */
function trasladosDR(doc: CfdiPagoDocument): CfdiTrasladoSummary[] {
  const factor = money(doc.importePagado).dividedBy(doc.invoiceTotal);
  return doc.invoiceTraslados.map((t) => {
    const base = round6(money(t.base).times(factor));
    return t.tipoFactor === 'Tasa'
      ? { ...t, base: base.toFixed(6), importe: round6(base.times(t.tasaOCuota!)).toFixed(6) }
      : { impuesto: t.impuesto, tipoFactor: 'Exento', base: base.toFixed(6) };
  });
}

function sumByKind(lines: CfdiTrasladoSummary[]): CfdiTrasladoSummary[] {
  const groups = new Map<string, { line: CfdiTrasladoSummary; base: Decimal; importe: Decimal }>();
  for (const l of lines) {
    const key = `${l.impuesto}|${l.tipoFactor}|${l.tasaOCuota ?? ''}`;
    const g = groups.get(key) ?? { line: l, base: money(0), importe: money(0) };
    g.base = g.base.plus(l.base);
    g.importe = g.importe.plus(l.importe ?? 0);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ line, base, importe }) =>
    line.tipoFactor === 'Tasa' ? { ...line, base: base.toFixed(6), importe: importe.toFixed(6) } : { ...line, base: base.toFixed(6) },
  );
}

const TOTALES_ATTRS: Record<string, [string, string]> = {
  '0.160000': ['TotalTrasladosBaseIVA16', 'TotalTrasladosImpuestoIVA16'],
  '0.080000': ['TotalTrasladosBaseIVA8', 'TotalTrasladosImpuestoIVA8'],
  '0.000000': ['TotalTrasladosBaseIVA0', 'TotalTrasladosImpuestoIVA0'],
};

/**
 * Builds an unsealed CFDI 4.0 "recibo electrónico de pago" (TipoDeComprobante P) with the Pagos 2.0
 * complement for one payment of one or more PPD invoices, in MXN.
 */
export function buildPago(input: CfdiPagoInput): BuiltPago {
  checkPagoInput(input);
  const docs = input.documents.map((d) => {
    const impSaldoAnt = roundMoney(d.saldoAnterior);
    const impPagado = roundMoney(d.importePagado);
    return {
      input: d,
      impSaldoAnt: impSaldoAnt.toFixed(2),
      impPagado: impPagado.toFixed(2),
      impSaldoInsoluto: impSaldoAnt.minus(impPagado).toFixed(2),
      traslados: trasladosDR(d),
    };
  });
  const paid = docs.reduce((a, d) => a.plus(d.impPagado), money(0));
  const monto = fixed2(input.payment.monto ?? paid);
  const trasladosP = sumByKind(docs.flatMap((d) => d.traslados));

  const totales: Record<string, string> = {};
  for (const t of trasladosP) {
    if (t.tipoFactor === 'Exento') {
      totales.TotalTrasladosBaseIVAExento = fixed2(t.base);
      continue;
    }
    const [baseAttr, taxAttr] = TOTALES_ATTRS[t.tasaOCuota!]!;
    totales[baseAttr] = fixed2(t.base);
    totales[taxAttr] = fixed2(t.importe!);
  }

  const doctos = docs.map((d) =>
    el(
      'pago20:DoctoRelacionado',
      {
        IdDocumento: d.input.uuid.toUpperCase(),
        Serie: d.input.serie === undefined ? undefined : cleanText(d.input.serie),
        Folio: d.input.folio === undefined ? undefined : cleanText(d.input.folio),
        MonedaDR: 'MXN',
        EquivalenciaDR: '1',
        NumParcialidad: String(d.input.numParcialidad),
        ImpSaldoAnt: d.impSaldoAnt,
        ImpPagado: d.impPagado,
        ImpSaldoInsoluto: d.impSaldoInsoluto,
        ObjetoImpDR: d.traslados.length > 0 ? '02' : '01',
      },
      [
        d.traslados.length > 0 &&
          el('pago20:ImpuestosDR', {}, [
            el(
              'pago20:TrasladosDR',
              {},
              d.traslados.map((t) =>
                el('pago20:TrasladoDR', {
                  BaseDR: t.base,
                  ImpuestoDR: t.impuesto,
                  TipoFactorDR: t.tipoFactor,
                  TasaOCuotaDR: t.tasaOCuota,
                  ImporteDR: t.importe,
                }),
              ),
            ),
          ]),
      ],
    ),
  );

  const pago = el(
    'pago20:Pago',
    {
      FechaPago: input.payment.fechaPago,
      FormaDePagoP: input.payment.formaDePago,
      MonedaP: 'MXN',
      TipoCambioP: '1',
      Monto: monto,
      NumOperacion: input.payment.numOperacion === undefined ? undefined : cleanText(input.payment.numOperacion),
    },
    [
      ...doctos,
      trasladosP.length > 0 &&
        el('pago20:ImpuestosP', {}, [
          el(
            'pago20:TrasladosP',
            {},
            trasladosP.map((t) =>
              el('pago20:TrasladoP', { BaseP: t.base, ImpuestoP: t.impuesto, TipoFactorP: t.tipoFactor, TasaOCuotaP: t.tasaOCuota, ImporteP: t.importe }),
            ),
          ),
        ]),
    ],
  );

  const r = input.receiver;
  const root = el(
    'cfdi:Comprobante',
    {
      'xmlns:cfdi': CFDI_NS,
      'xmlns:xsi': XSI_NS,
      'xmlns:pago20': PAGO20_NS,
      'xsi:schemaLocation': `${CFDI_SCHEMA_LOCATION} ${PAGO20_SCHEMA_LOCATION}`,
      Version: '4.0',
      Serie: input.serie === undefined ? undefined : cleanText(input.serie),
      Folio: cleanText(input.folio),
      Fecha: input.fecha,
      SubTotal: '0',
      Moneda: 'XXX',
      Total: '0',
      TipoDeComprobante: 'P',
      Exportacion: '01',
      LugarExpedicion: input.issuer.lugarExpedicion,
    },
    [
      el('cfdi:Emisor', { Rfc: input.issuer.rfc.trim().toUpperCase(), Nombre: cleanText(input.issuer.name), RegimenFiscal: input.issuer.regimenFiscal }),
      el('cfdi:Receptor', {
        Rfc: r.rfc.trim().toUpperCase(),
        Nombre: cleanText(r.name),
        DomicilioFiscalReceptor: r.domicilioFiscal,
        RegimenFiscalReceptor: r.regimenFiscal,
        UsoCFDI: 'CP01',
      }),
      el('cfdi:Conceptos', {}, [
        el('cfdi:Concepto', {
          ClaveProdServ: '84111506',
          Cantidad: '1',
          ClaveUnidad: 'ACT',
          Descripcion: 'Pago',
          ValorUnitario: '0',
          Importe: '0',
          ObjetoImp: '01',
        }),
      ]),
      el('cfdi:Complemento', {}, [el('pago20:Pagos', { Version: '2.0' }, [el('pago20:Totales', { ...totales, MontoTotalPagos: monto }), pago])]),
    ],
  );

  const totals: CfdiPagoTotals = {
    monto,
    documents: docs.map((d) => ({
      uuid: d.input.uuid.toUpperCase(),
      impSaldoAnt: d.impSaldoAnt,
      impPagado: d.impPagado,
      impSaldoInsoluto: d.impSaldoInsoluto,
      traslados: d.traslados,
    })),
    traslados: trasladosP,
  };
  return { xml: serializeXml(root), totals };
}
