import { money, ValidationError } from '@petfriendly/core';
import { CFDI_NS, PAGO20_NS } from '../namespaces';
import { child, children, parseXml, path, type XmlNode } from '../xml-read';

/** Facturama's tax line: IVA at a rate, or "IVA Exento" (rate 0, total 0). Amounts stay decimal strings. */
interface FacturamaTax {
  Name: 'IVA' | 'IVA Exento';
  Rate: string;
  Base: string;
  Total: string;
  IsRetention: false;
  IsFederalTax: true;
}

export type FacturamaCfdiRequest = Record<string, unknown>;

function taxes(traslados: XmlNode[], prefix: '' | 'DR'): FacturamaTax[] {
  return traslados.map((t) => {
    const a = t.attrs;
    const exento = a[`TipoFactor${prefix}`] === 'Exento';
    return {
      Name: exento ? 'IVA Exento' : 'IVA',
      Rate: exento ? '0' : money(a[`TasaOCuota${prefix}`]!).toFixed(),
      Base: a[`Base${prefix}`]!,
      Total: exento ? '0' : a[`Importe${prefix}`]!,
      IsRetention: false,
      IsFederalTax: true,
    };
  });
}

function parties(root: XmlNode) {
  const emisor = child(root, CFDI_NS, 'Emisor')!.attrs;
  const receptor = child(root, CFDI_NS, 'Receptor')!.attrs;
  return {
    Issuer: { Rfc: emisor.Rfc, Name: emisor.Nombre, FiscalRegime: emisor.RegimenFiscal },
    Receiver: {
      Rfc: receptor.Rfc,
      Name: receptor.Nombre,
      CfdiUse: receptor.UsoCFDI,
      FiscalRegime: receptor.RegimenFiscalReceptor,
      TaxZipCode: receptor.DomicilioFiscalReceptor,
    },
  };
}

function items(root: XmlNode) {
  return children(path(root, CFDI_NS, 'Conceptos'), CFDI_NS, 'Concepto').map((c) => {
    const a = c.attrs;
    const lineTaxes = taxes(children(path(c, CFDI_NS, 'Impuestos', 'Traslados'), CFDI_NS, 'Traslado'), '');
    const total = lineTaxes.reduce((sum, t) => sum.plus(t.Total), money(a.Importe!).minus(a.Descuento ?? 0));
    return {
      ProductCode: a.ClaveProdServ,
      IdentificationNumber: a.NoIdentificacion,
      Description: a.Descripcion,
      Unit: a.Unidad,
      UnitCode: a.ClaveUnidad,
      UnitPrice: a.ValorUnitario,
      Quantity: a.Cantidad,
      Subtotal: a.Importe,
      Discount: a.Descuento,
      TaxObject: a.ObjetoImp,
      Taxes: lineTaxes.length ? lineTaxes : undefined,
      Total: total.toFixed(6),
    };
  });
}

function payments(root: XmlNode) {
  const pagos = path(root, CFDI_NS, 'Complemento');
  const pagosNode = child(pagos, PAGO20_NS, 'Pagos');
  return children(pagosNode, PAGO20_NS, 'Pago').map((p) => ({
    Date: p.attrs.FechaPago,
    PaymentForm: p.attrs.FormaDePagoP,
    Currency: p.attrs.MonedaP,
    Amount: p.attrs.Monto,
    OperationNumber: p.attrs.NumOperacion,
    RelatedDocuments: children(p, PAGO20_NS, 'DoctoRelacionado').map((d) => {
      const dr = taxes(children(path(d, PAGO20_NS, 'ImpuestosDR', 'TrasladosDR'), PAGO20_NS, 'TrasladoDR'), 'DR');
      return {
        Uuid: d.attrs.IdDocumento,
        Serie: d.attrs.Serie,
        Folio: d.attrs.Folio,
        Currency: d.attrs.MonedaDR,
        PaymentMethod: 'PPD',
        PartialityNumber: d.attrs.NumParcialidad,
        PreviousBalanceAmount: d.attrs.ImpSaldoAnt,
        AmountPaid: d.attrs.ImpPagado,
        ImpSaldoInsoluto: d.attrs.ImpSaldoInsoluto,
        TaxObject: d.attrs.ObjetoImpDR,
        Taxes: dr.length ? dr : undefined,
      };
    }),
  }));
}

/**
 * Facturama's multi-emisor API (POST /api-lite/3/cfdis) does not take an XML: it takes JSON, seals it
 * with the issuer's CSD uploaded to Facturama (POST /api-lite/csds) and stamps it. So the JSON is
 * read back from our sealed XML — the same data, field for field — and the XML Facturama returns
 * carries the same content with Facturama's seal over it.
 */
export function facturamaCfdiRequest(sealedXml: string, reference?: string): FacturamaCfdiRequest {
  const root = parseXml(sealedXml);
  if (root.ns !== CFDI_NS || root.name !== 'Comprobante') throw new ValidationError('billing.cfdi_malformed_xml', 'Not a CFDI 4.0 (cfdi:Comprobante).');
  const a = root.attrs;
  const global = child(root, CFDI_NS, 'InformacionGlobal');
  const related = child(root, CFDI_NS, 'CfdiRelacionados');
  const common = {
    Serie: a.Serie,
    Folio: a.Folio,
    Date: a.Fecha,
    ExpeditionPlace: a.LugarExpedicion,
    Exportation: a.Exportacion,
    OrderNumber: reference,
    ...parties(root),
  };
  if (a.TipoDeComprobante === 'P') {
    return { NameId: '14', CfdiType: 'P', ...common, Complemento: { Payments: payments(root) } };
  }
  if (a.TipoDeComprobante !== 'I') {
    throw new ValidationError('billing.cfdi_unsupported', `TipoDeComprobante ${a.TipoDeComprobante} is not sent to Facturama by this adapter.`);
  }
  return {
    NameId: '1',
    CfdiType: 'I',
    Currency: a.Moneda,
    PaymentForm: a.FormaPago,
    PaymentMethod: a.MetodoPago,
    ...common,
    GlobalInformation: global ? { Periodicity: global.attrs.Periodicidad, Months: global.attrs.Meses, Year: global.attrs.Año } : undefined,
    Relations: related
      ? { Type: related.attrs.TipoRelacion, Cfdis: children(related, CFDI_NS, 'CfdiRelacionado').map((r) => ({ Uuid: r.attrs.UUID })) }
      : undefined,
    Items: items(root),
  };
}
