import { CFDI_NS, PAGO20_NS, TFD_NS } from './namespaces';
import { child, children, parseXml, path, type XmlNode } from './xml-read';

export interface CfdiTimbre {
  uuid: string;
  fechaTimbrado: string;
  rfcProvCertif: string;
  selloCfd: string;
  noCertificadoSat: string;
  selloSat: string;
  /** "Cadena original del complemento de certificación digital del SAT", as printed on the PDF. */
  cadena: string;
}

export interface CfdiTrasladoView {
  base: string;
  impuesto: string;
  tipoFactor: string;
  tasaOCuota?: string;
  importe?: string;
}

/** Everything a printed CFDI shows, read from any CFDI 4.0 XML (ours or stamped by a PAC). */
export interface CfdiView {
  tipoDeComprobante: string;
  serie?: string;
  folio?: string;
  fecha: string;
  formaPago?: string;
  metodoPago?: string;
  moneda: string;
  subTotal: string;
  descuento?: string;
  total: string;
  lugarExpedicion: string;
  exportacion?: string;
  noCertificado?: string;
  sello?: string;
  emisor: { rfc: string; nombre: string; regimenFiscal: string };
  receptor: { rfc: string; nombre: string; domicilioFiscal: string; regimenFiscal: string; usoCfdi: string };
  informacionGlobal?: { periodicidad: string; meses: string; anio: string };
  relacionados?: { tipoRelacion: string; uuids: string[] };
  conceptos: {
    claveProdServ: string;
    noIdentificacion?: string;
    cantidad: string;
    claveUnidad: string;
    unidad?: string;
    descripcion: string;
    valorUnitario: string;
    importe: string;
    descuento?: string;
    objetoImp: string;
    traslados: CfdiTrasladoView[];
  }[];
  traslados: CfdiTrasladoView[];
  totalImpuestosTrasladados?: string;
  /** Taxes the receptor withheld: 001 ISR, 002 IVA. */
  retenciones: { impuesto: string; importe: string }[];
  pagos: {
    fechaPago: string;
    formaDePago: string;
    monto: string;
    documentos: {
      idDocumento: string;
      serie?: string;
      folio?: string;
      numParcialidad: string;
      impSaldoAnt: string;
      impPagado: string;
      impSaldoInsoluto: string;
    }[];
  }[];
  timbre?: CfdiTimbre;
}

function traslados(node: XmlNode | undefined): CfdiTrasladoView[] {
  return children(path(node, CFDI_NS, 'Impuestos', 'Traslados'), CFDI_NS, 'Traslado').map((t) => ({
    base: t.attrs.Base!,
    impuesto: t.attrs.Impuesto!,
    tipoFactor: t.attrs.TipoFactor!,
    tasaOCuota: t.attrs.TasaOCuota,
    importe: t.attrs.Importe,
  }));
}

function timbreOf(root: XmlNode): CfdiTimbre | undefined {
  const t = child(child(root, CFDI_NS, 'Complemento'), TFD_NS, 'TimbreFiscalDigital')?.attrs;
  if (!t) return undefined;
  const parts = [t.Version ?? '1.1', t.UUID, t.FechaTimbrado, t.RfcProvCertif, t.Leyenda, t.SelloCFD, t.NoCertificadoSAT].filter(
    (p) => p !== undefined && p !== '',
  );
  return {
    uuid: t.UUID!,
    fechaTimbrado: t.FechaTimbrado!,
    rfcProvCertif: t.RfcProvCertif!,
    selloCfd: t.SelloCFD!,
    noCertificadoSat: t.NoCertificadoSAT!,
    selloSat: t.SelloSAT!,
    cadena: `||${parts.join('|')}||`,
  };
}

/** The TimbreFiscalDigital of a stamped CFDI, or undefined when it is not stamped. */
export function readTimbre(xml: string): CfdiTimbre | undefined {
  return timbreOf(parseXml(xml));
}

export function readCfdi(xml: string): CfdiView {
  const root = parseXml(xml);
  const a = root.attrs;
  const emisor = child(root, CFDI_NS, 'Emisor')?.attrs ?? {};
  const receptor = child(root, CFDI_NS, 'Receptor')?.attrs ?? {};
  const global = child(root, CFDI_NS, 'InformacionGlobal')?.attrs;
  const related = child(root, CFDI_NS, 'CfdiRelacionados');
  const pagos = child(child(root, CFDI_NS, 'Complemento'), PAGO20_NS, 'Pagos');
  return {
    tipoDeComprobante: a.TipoDeComprobante ?? '',
    serie: a.Serie,
    folio: a.Folio,
    fecha: a.Fecha ?? '',
    formaPago: a.FormaPago,
    metodoPago: a.MetodoPago,
    moneda: a.Moneda ?? '',
    subTotal: a.SubTotal ?? '',
    descuento: a.Descuento,
    total: a.Total ?? '',
    lugarExpedicion: a.LugarExpedicion ?? '',
    exportacion: a.Exportacion,
    noCertificado: a.NoCertificado,
    sello: a.Sello,
    emisor: { rfc: emisor.Rfc ?? '', nombre: emisor.Nombre ?? '', regimenFiscal: emisor.RegimenFiscal ?? '' },
    receptor: {
      rfc: receptor.Rfc ?? '',
      nombre: receptor.Nombre ?? '',
      domicilioFiscal: receptor.DomicilioFiscalReceptor ?? '',
      regimenFiscal: receptor.RegimenFiscalReceptor ?? '',
      usoCfdi: receptor.UsoCFDI ?? '',
    },
    informacionGlobal: global && { periodicidad: global.Periodicidad ?? '', meses: global.Meses ?? '', anio: global.Año ?? '' },
    relacionados: related && {
      tipoRelacion: related.attrs.TipoRelacion ?? '',
      uuids: children(related, CFDI_NS, 'CfdiRelacionado').map((r) => r.attrs.UUID ?? ''),
    },
    conceptos: children(child(root, CFDI_NS, 'Conceptos'), CFDI_NS, 'Concepto').map((c) => ({
      claveProdServ: c.attrs.ClaveProdServ ?? '',
      noIdentificacion: c.attrs.NoIdentificacion,
      cantidad: c.attrs.Cantidad ?? '',
      claveUnidad: c.attrs.ClaveUnidad ?? '',
      unidad: c.attrs.Unidad,
      descripcion: c.attrs.Descripcion ?? '',
      valorUnitario: c.attrs.ValorUnitario ?? '',
      importe: c.attrs.Importe ?? '',
      descuento: c.attrs.Descuento,
      objetoImp: c.attrs.ObjetoImp ?? '',
      traslados: traslados(c),
    })),
    traslados: traslados(root),
    totalImpuestosTrasladados: child(root, CFDI_NS, 'Impuestos')?.attrs.TotalImpuestosTrasladados,
    pagos: children(pagos, PAGO20_NS, 'Pago').map((p) => ({
      fechaPago: p.attrs.FechaPago ?? '',
      formaDePago: p.attrs.FormaDePagoP ?? '',
      monto: p.attrs.Monto ?? '',
      documentos: children(p, PAGO20_NS, 'DoctoRelacionado').map((d) => ({
        idDocumento: d.attrs.IdDocumento ?? '',
        serie: d.attrs.Serie,
        folio: d.attrs.Folio,
        numParcialidad: d.attrs.NumParcialidad ?? '',
        impSaldoAnt: d.attrs.ImpSaldoAnt ?? '',
        impPagado: d.attrs.ImpPagado ?? '',
        impSaldoInsoluto: d.attrs.ImpSaldoInsoluto ?? '',
      })),
    })),
    retenciones: children(path(root, CFDI_NS, 'Impuestos', 'Retenciones'), CFDI_NS, 'Retencion').map((r) => ({
      impuesto: r.attrs.Impuesto ?? '',
      importe: r.attrs.Importe ?? '',
    })),
    timbre: timbreOf(root),
  };
}
