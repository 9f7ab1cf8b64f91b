/** Inputs and outputs of the CFDI builders. Amounts are decimal strings ("1234.5", "1.5"), never numbers. */

export interface CfdiParty {
  rfc: string;
  name: string;
  /** c_RegimenFiscal, e.g. "601", "612", "626". */
  regimenFiscal: string;
}

export interface CfdiIssuer extends CfdiParty {
  /** Postal code (CP) of the place of issue. */
  lugarExpedicion: string;
}

export interface CfdiReceiver extends CfdiParty {
  /** Postal code (CP) of the receiver's fiscal address. */
  domicilioFiscal: string;
  /** c_UsoCFDI, e.g. "G03", "S01". */
  usoCfdi: string;
}

export type CfdiIvaRate = '0.160000' | '0.080000' | '0.000000';

/** IVA of a line: at a rate (ObjetoImp 02), exempt (02, TipoFactor Exento) or not subject (ObjetoImp 01). */
export type CfdiConceptTax = { kind: 'tasa'; rate: CfdiIvaRate } | { kind: 'exento' } | { kind: 'no_objeto' };

export interface CfdiConcept {
  /** c_ClaveProdServ, 8 digits (see VET_CLAVES_PROD_SERV). */
  claveProdServ: string;
  noIdentificacion?: string;
  /** Up to 6 decimals, more than 0. */
  cantidad: string;
  /** c_ClaveUnidad, e.g. "E48" (servicio), "H87" (pieza). */
  claveUnidad: string;
  unidad?: string;
  descripcion: string;
  /** Unit price before IVA, up to 6 decimals. */
  valorUnitario: string;
  /** Discount in money for the whole line (not per unit), up to 6 decimals. */
  descuento?: string;
  tax: CfdiConceptTax;
}

export interface CfdiInformacionGlobal {
  /** c_Periodicidad: 01 diario … 05 bimestral. */
  periodicidad: string;
  /** c_Meses: 01–12, or 13–18 for bimonthly. */
  meses: string;
  anio: string;
}

export interface CfdiRelacionados {
  /** c_TipoRelacion, e.g. "04" sustitución, "01" nota de crédito. */
  tipoRelacion: string;
  uuids: string[];
}

export interface CfdiIngresoInput {
  serie?: string;
  folio: string;
  /** Clinic-local date and time of issue, YYYY-MM-DDTHH:mm:ss. */
  fecha: string;
  /** c_FormaPago: "01" efectivo, "04" tarjeta de crédito, "28" débito, "03" transferencia, "99" por definir (PPD). */
  formaPago: string;
  metodoPago: 'PUE' | 'PPD';
  moneda?: 'MXN';
  issuer: CfdiIssuer;
  receiver: CfdiReceiver;
  concepts: CfdiConcept[];
  /** Required when the receiver is XAXX010101000 with PUBLICO EN GENERAL (factura global). */
  informacionGlobal?: CfdiInformacionGlobal;
  relacionados?: CfdiRelacionados;
}

/** One line of a comprobante-level (or payment-level) tax summary. */
export interface CfdiTrasladoSummary {
  impuesto: '002';
  tipoFactor: 'Tasa' | 'Exento';
  /** Six decimals ("0.160000"); absent for Exento. */
  tasaOCuota?: CfdiIvaRate;
  base: string;
  /** Absent for Exento. */
  importe?: string;
}

/** What each concept carries in the XML, six decimals. */
export interface CfdiConceptAmounts {
  importe: string;
  descuento: string;
  /** Tax base (importe − descuento); absent for no_objeto lines. */
  base?: string;
  /** IVA of the line; absent for exento and no_objeto lines. */
  iva?: string;
}

/** The document's totals as written in the XML: cents for the comprobante, six decimals per concept. */
export interface CfdiTotals {
  subTotal: string;
  descuento: string;
  /** Absent from the XML when no line is taxed at a rate ("0.00" here). */
  totalImpuestosTrasladados: string;
  total: string;
  traslados: CfdiTrasladoSummary[];
  concepts: CfdiConceptAmounts[];
}

export interface BuiltCfdi {
  /** Unsealed XML (no NoCertificado, Certificado, Sello): seal it with sealCfdi. */
  xml: string;
  totals: CfdiTotals;
}

/** A document paid by a Pagos 2.0 complement. */
export interface CfdiPagoDocument {
  /** The paid invoice's UUID (IdDocumento). */
  uuid: string;
  serie?: string;
  folio?: string;
  /** 1 for the first payment of this invoice, then 2, 3… */
  numParcialidad: number;
  /** Balance before this payment (the invoice total for the first one). */
  saldoAnterior: string;
  importePagado: string;
  /** The invoice's Total and tax summary, as buildIngreso returned them; taxes are taken in proportion. */
  invoiceTotal: string;
  invoiceTraslados: CfdiTrasladoSummary[];
}

export interface CfdiPagoInput {
  serie?: string;
  folio: string;
  /** Clinic-local date of issue, YYYY-MM-DDTHH:mm:ss. */
  fecha: string;
  issuer: CfdiIssuer;
  /** UsoCFDI is always CP01 on a payment receipt; the receiver's own value is ignored. */
  receiver: CfdiParty & { domicilioFiscal: string };
  payment: {
    /** When the money was received, clinic-local YYYY-MM-DDTHH:mm:ss (12:00:00 when the time is unknown). */
    fechaPago: string;
    /** c_FormaPago of the payment (never "99"). */
    formaDePago: string;
    /** Defaults to the sum of the documents' importePagado. */
    monto?: string;
    numOperacion?: string;
  };
  documents: CfdiPagoDocument[];
}

export interface CfdiPagoTotals {
  monto: string;
  documents: { uuid: string; impSaldoAnt: string; impPagado: string; impSaldoInsoluto: string; traslados: CfdiTrasladoSummary[] }[];
  /** Payment-level summary (TrasladosP), six decimals. */
  traslados: CfdiTrasladoSummary[];
}

export interface BuiltPago {
  xml: string;
  totals: CfdiPagoTotals;
}
