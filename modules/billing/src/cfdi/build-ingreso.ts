import { money } from '@petfriendly/core';
import { computeIngresoTotals } from './amounts';
import { CFDI_NS, CFDI_SCHEMA_LOCATION, XSI_NS } from './namespaces';
import { RFC_PUBLICO_EN_GENERAL } from './rfc';
import type { BuiltCfdi, CfdiIngresoInput, CfdiReceiver } from './types';
import { checkIngresoInput, cleanText, PUBLICO_EN_GENERAL } from './validate-input';
import { el, serializeXml, type XmlElement } from './xml-writer';

/** The receiver of a factura global: RFC genérico, régimen 616, uso S01, CP of the place of issue. */
export function publicoEnGeneral(lugarExpedicion: string): CfdiReceiver {
  return { rfc: RFC_PUBLICO_EN_GENERAL, name: PUBLICO_EN_GENERAL, regimenFiscal: '616', domicilioFiscal: lugarExpedicion, usoCfdi: 'S01' };
}

/** A decimal string as written in the XML: no exponent or superfluous zeros. */
function plain(value: string): string {
  return money(value).toFixed();
}

/** Prices keep at least two decimals (450 → "450.00"), more when given. */
function price(value: string): string {
  const d = money(value);
  return d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed();
}

function relacionados(input: CfdiIngresoInput): XmlElement | undefined {
  const r = input.relacionados;
  if (!r) return undefined;
  return el(
    'cfdi:CfdiRelacionados',
    { TipoRelacion: r.tipoRelacion },
    r.uuids.map((uuid) => el('cfdi:CfdiRelacionado', { UUID: uuid.toUpperCase() })),
  );
}

/**
 * Builds an unsealed CFDI 4.0 Ingreso (Anexo 20) and the totals it carries; throws a ValidationError
 * naming each bad field. Seal the XML with sealCfdi, then validate it with validateCfdi.
 */
export function buildIngreso(input: CfdiIngresoInput): BuiltCfdi {
  checkIngresoInput(input);
  const totals = computeIngresoTotals(input.concepts);
  const hasDiscount = input.concepts.some((c) => c.descuento !== undefined && money(c.descuento).gt(0));
  const hasTasa = totals.traslados.some((t) => t.tipoFactor === 'Tasa');

  const conceptos = input.concepts.map((c, i) => {
    const amounts = totals.concepts[i]!;
    const taxed = c.tax.kind !== 'no_objeto';
    const traslado =
      c.tax.kind === 'tasa'
        ? { Base: amounts.base, Impuesto: '002', TipoFactor: 'Tasa', TasaOCuota: c.tax.rate, Importe: amounts.iva }
        : { Base: amounts.base, Impuesto: '002', TipoFactor: 'Exento' };
    return el(
      'cfdi:Concepto',
      {
        ClaveProdServ: c.claveProdServ,
        NoIdentificacion: c.noIdentificacion === undefined ? undefined : cleanText(c.noIdentificacion),
        Cantidad: plain(c.cantidad),
        ClaveUnidad: cleanText(c.claveUnidad),
        Unidad: c.unidad === undefined ? undefined : cleanText(c.unidad),
        Descripcion: cleanText(c.descripcion),
        ValorUnitario: price(c.valorUnitario),
        Importe: amounts.importe,
        Descuento: c.descuento !== undefined && money(c.descuento).gt(0) ? amounts.descuento : undefined,
        ObjetoImp: taxed ? '02' : '01',
      },
      [taxed && el('cfdi:Impuestos', {}, [el('cfdi:Traslados', {}, [el('cfdi:Traslado', traslado)])])],
    );
  });

  const impuestos =
    totals.traslados.length > 0 &&
    el('cfdi:Impuestos', { TotalImpuestosTrasladados: hasTasa ? totals.totalImpuestosTrasladados : undefined }, [
      el(
        'cfdi:Traslados',
        {},
        totals.traslados.map((t) =>
          el('cfdi:Traslado', { Base: t.base, Impuesto: t.impuesto, TipoFactor: t.tipoFactor, TasaOCuota: t.tasaOCuota, Importe: t.importe }),
        ),
      ),
    ]);

  const g = input.informacionGlobal;
  const r = input.receiver;
  const root = el(
    'cfdi:Comprobante',
    {
      'xmlns:cfdi': CFDI_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': CFDI_SCHEMA_LOCATION,
      Version: '4.0',
      Serie: input.serie === undefined ? undefined : cleanText(input.serie),
      Folio: cleanText(input.folio),
      Fecha: input.fecha,
      FormaPago: input.formaPago,
      SubTotal: totals.subTotal,
      Descuento: hasDiscount ? totals.descuento : undefined,
      Moneda: 'MXN',
      Total: totals.total,
      TipoDeComprobante: 'I',
      Exportacion: '01',
      MetodoPago: input.metodoPago,
      LugarExpedicion: input.issuer.lugarExpedicion,
    },
    [
      g && el('cfdi:InformacionGlobal', { Periodicidad: g.periodicidad, Meses: g.meses, Año: g.anio }),
      relacionados(input),
      el('cfdi:Emisor', { Rfc: input.issuer.rfc.trim().toUpperCase(), Nombre: cleanText(input.issuer.name), RegimenFiscal: input.issuer.regimenFiscal }),
      el('cfdi:Receptor', {
        Rfc: r.rfc.trim().toUpperCase(),
        Nombre: cleanText(r.name),
        DomicilioFiscalReceptor: r.domicilioFiscal,
        RegimenFiscalReceptor: r.regimenFiscal,
        UsoCFDI: r.usoCfdi,
      }),
      el('cfdi:Conceptos', {}, conceptos),
      impuestos,
    ],
  );
  return { xml: serializeXml(root), totals };
}
