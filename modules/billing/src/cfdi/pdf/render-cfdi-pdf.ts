import { formatMoney, money } from '@petfriendly/core';
import QRCode from 'qrcode';
import { FORMAS_PAGO, METODOS_PAGO, REGIMENES_FISCALES, USOS_CFDI } from '../catalogs';
import { type CfdiView, readCfdi } from '../read-cfdi';
import { satVerificationUrl } from '../verification-url';
import { type PdfLabels, pdfLabels } from './labels';
import { BRAND, type Doc, INK, LINE, MUTED, RED } from './style';
import { type Column, table } from './table';

export interface RenderCfdiPdfInput {
  /** Any CFDI 4.0 XML, stamped or not: everything printed is read from it. */
  xml: string;
  clinicName: string;
  /** PNG or JPEG. */
  logo?: Buffer;
  /** "es" (default) or "en"; other locales print in Spanish. */
  locale: string;
  /** Deflate the page streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

function describe(list: readonly { clave: string; descripcion: string }[], clave: string | undefined): string {
  if (!clave) return '—';
  const entry = list.find((e) => e.clave === clave);
  return entry ? `${clave} - ${entry.descripcion.replace(/\.$/, '')}` : clave;
}

function mxn(value: string | undefined, locale: string): string {
  if (value === undefined || value === '') return '—';
  return formatMoney(value, 'MXN', locale.startsWith('en') ? 'en-US' : 'es-MX');
}

/** Quantities and unit prices as written, without trailing zeros beyond two decimals. */
function quantity(value: string): string {
  return money(value).toFixed();
}

function field(doc: Doc, label: string, value: string, x: number, width: number): void {
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(MUTED).text(label.toUpperCase(), x, doc.y, { width });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(INK)
    .text(value || '—', x, doc.y, { width });
  doc.moveDown(0.25);
}

function header(doc: Doc, cfdi: CfdiView, input: RenderCfdiPdfInput, l: PdfLabels, left: number, width: number): void {
  const top = doc.y;
  let titleX = left;
  if (input.logo) {
    try {
      doc.image(input.logo, left, top, { fit: [70, 50] });
      titleX = left + 80;
    } catch {
      // an unreadable logo is left out rather than failing the invoice
    }
  }
  const titleW = width * 0.43 - (titleX - left);
  doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(15).text(input.clinicName, titleX, top, { width: titleW });
  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(cfdi.emisor.nombre, titleX, doc.y, { width: titleW });
  const leftBottom = Math.max(doc.y, top + 50);

  const boxX = left + width * 0.45;
  const boxW = width * 0.55;
  doc.y = top;
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(cfdi.tipoDeComprobante === 'P' ? l.paymentReceipt : l.invoice, boxX, top, { width: boxW, align: 'right' });
  const line = (label: string, value: string) =>
    doc.font('Helvetica').fontSize(8.5).fillColor(INK).text(`${label}: ${value}`, boxX, doc.y, { width: boxW, align: 'right' });
  line(l.seriesFolio, [cfdi.serie, cfdi.folio].filter(Boolean).join(' ') || '—');
  line(l.date, cfdi.fecha);
  line(l.cfdiType, cfdi.tipoDeComprobante === 'P' ? 'P - Pago' : cfdi.tipoDeComprobante === 'I' ? 'I - Ingreso' : cfdi.tipoDeComprobante);
  line(l.place, cfdi.lugarExpedicion);
  if (cfdi.timbre) line(l.uuid, cfdi.timbre.uuid);
  doc.y = Math.max(doc.y, leftBottom) + 8;
  doc.x = left;
}

function unstampedBanner(doc: Doc, l: PdfLabels, left: number, width: number): void {
  const y = doc.y;
  doc.save().rect(left, y, width, 30).fillAndStroke('#fee2e2', RED).restore();
  doc
    .fillColor(RED)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(l.unstamped, left, y + 4, { width, align: 'center' });
  doc.font('Helvetica').fontSize(7.5).text(l.unstampedNote, left, doc.y, { width, align: 'center' });
  doc.y = y + 38;
}

function parties(doc: Doc, cfdi: CfdiView, l: PdfLabels, left: number, width: number): void {
  const colW = (width - 16) / 2;
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(BRAND).text(l.issuer, left, top, { width: colW });
  field(doc, l.rfc, cfdi.emisor.rfc, left, colW);
  field(doc, l.issuer, cfdi.emisor.nombre, left, colW);
  field(doc, l.regimen, describe(REGIMENES_FISCALES, cfdi.emisor.regimenFiscal), left, colW);
  const issuerBottom = doc.y;

  const rx = left + colW + 16;
  doc.y = top;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(BRAND).text(l.receiver, rx, top, { width: colW });
  field(doc, l.rfc, cfdi.receptor.rfc, rx, colW);
  field(doc, l.receiver, cfdi.receptor.nombre, rx, colW);
  field(doc, l.regimen, describe(REGIMENES_FISCALES, cfdi.receptor.regimenFiscal), rx, colW);
  field(doc, l.use, describe(USOS_CFDI, cfdi.receptor.usoCfdi), rx, colW);
  field(doc, l.taxAddress, cfdi.receptor.domicilioFiscal, rx, colW);
  doc.y = Math.max(issuerBottom, doc.y) + 4;
  doc.x = left;

  const extra: string[] = [];
  const g = cfdi.informacionGlobal;
  if (g) extra.push(`${l.globalInfo}: ${l.periodicity} ${g.periodicidad} · ${l.months} ${g.meses} · ${l.year} ${g.anio}`);
  if (cfdi.relacionados) extra.push(`${l.related} (${cfdi.relacionados.tipoRelacion}): ${cfdi.relacionados.uuids.join(', ')}`);
  for (const text of extra) doc.font('Helvetica').fontSize(8).fillColor(INK).text(text, left, doc.y, { width });
  if (extra.length) doc.moveDown(0.5);
}

function taxCell(cfdi: CfdiView['conceptos'][number], l: PdfLabels, locale: string): string {
  if (cfdi.objetoImp === '01' || cfdi.traslados.length === 0) return l.notSubject;
  return cfdi.traslados
    .map((t) =>
      t.tipoFactor === 'Exento'
        ? l.exempt
        : `${money(t.tasaOCuota ?? 0)
            .times(100)
            .toFixed()}% ${mxn(t.importe, locale)}`,
    )
    .join('\n');
}

function concepts(doc: Doc, cfdi: CfdiView, l: PdfLabels, locale: string, left: number, width: number): void {
  const fixed = 52 + 36 + 44 + 62 + 52 + 62 + 62;
  const columns: Column[] = [
    { title: l.key, width: 52 },
    { title: l.qty, width: 36, align: 'right' },
    { title: l.unit, width: 44 },
    { title: l.description, width: width - fixed },
    { title: l.unitPrice, width: 62, align: 'right' },
    { title: l.discount, width: 52, align: 'right' },
    { title: l.tax, width: 62, align: 'right' },
    { title: l.amount, width: 62, align: 'right' },
  ];
  const rows = cfdi.conceptos.map((c) => [
    c.claveProdServ,
    quantity(c.cantidad),
    [c.claveUnidad, c.unidad].filter(Boolean).join(' '),
    [c.noIdentificacion, c.descripcion].filter(Boolean).join(' · '),
    mxn(c.valorUnitario, locale),
    c.descuento ? mxn(c.descuento, locale) : '',
    taxCell(c, l, locale),
    mxn(c.importe, locale),
  ]);
  table(doc, columns, rows, left);
}

function payments(doc: Doc, cfdi: CfdiView, l: PdfLabels, locale: string, left: number, width: number): void {
  for (const p of cfdi.pagos) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(BRAND).text(l.payments, left, doc.y, { width });
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(INK)
      .text(`${l.paymentDate}: ${p.fechaPago} · ${l.paymentForm}: ${describe(FORMAS_PAGO, p.formaDePago)} · ${l.total}: ${mxn(p.monto, locale)}`, left, doc.y, {
        width,
      });
    doc.moveDown(0.3);
    const columns: Column[] = [
      { title: l.paidDocument, width: width - 3 * 75 - 50 },
      { title: l.installment, width: 50, align: 'right' },
      { title: l.previousBalance, width: 75, align: 'right' },
      { title: l.paid, width: 75, align: 'right' },
      { title: l.balance, width: 75, align: 'right' },
    ];
    const rows = p.documentos.map((d) => [
      `${d.idDocumento}${d.serie || d.folio ? ` (${[d.serie, d.folio].filter(Boolean).join(' ')})` : ''}`,
      d.numParcialidad,
      mxn(d.impSaldoAnt, locale),
      mxn(d.impPagado, locale),
      mxn(d.impSaldoInsoluto, locale),
    ]);
    table(doc, columns, rows, left);
  }
}

function totals(doc: Doc, cfdi: CfdiView, l: PdfLabels, locale: string, left: number, width: number): void {
  const top = doc.y;
  const infoW = width * 0.55;
  doc.font('Helvetica').fontSize(8.5).fillColor(INK);
  const info = [
    `${l.paymentForm}: ${describe(FORMAS_PAGO, cfdi.formaPago)}`,
    `${l.paymentMethod}: ${describe(METODOS_PAGO, cfdi.metodoPago)}`,
    `${l.currency}: ${cfdi.moneda}`,
  ];
  for (const text of info) doc.text(text, left, doc.y, { width: infoW });
  const infoBottom = doc.y;

  const x = left + width * 0.6;
  const w = width * 0.4;
  doc.y = top;
  const row = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(bold ? 10.5 : 9)
      .fillColor(INK);
    doc.text(label, x, y, { width: w * 0.55 });
    doc.text(value, x + w * 0.55, y, { width: w * 0.45, align: 'right' });
    doc.y = Math.max(doc.y, y + 12);
  };
  row(l.subtotal, mxn(cfdi.subTotal, locale));
  if (cfdi.descuento) row(l.discount, mxn(cfdi.descuento, locale));
  for (const t of cfdi.traslados) {
    if (t.tipoFactor === 'Exento') row(`${l.tax} ${l.exempt.toLowerCase()} (base ${mxn(t.base, locale)})`, '—');
    else
      row(
        `${l.tax} ${money(t.tasaOCuota ?? 0)
          .times(100)
          .toFixed()}%`,
        mxn(t.importe, locale),
      );
  }
  row(l.total, mxn(cfdi.total, locale), true);
  doc.y = Math.max(doc.y, infoBottom) + 10;
  doc.x = left;
}

async function fiscalFooter(doc: Doc, cfdi: CfdiView, l: PdfLabels, left: number, width: number): Promise<void> {
  const t = cfdi.timbre;
  const small = (label: string, value: string, x: number, w: number) => {
    doc.font('Helvetica-Bold').fontSize(7).fillColor(MUTED).text(label, x, doc.y, { width: w });
    doc
      .font('Courier')
      .fontSize(6.5)
      .fillColor(INK)
      .text(value || '—', x, doc.y, { width: w });
    doc.moveDown(0.3);
  };
  const needed = t ? 260 : 90;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .strokeColor(LINE)
    .lineWidth(0.5)
    .stroke();
  doc.moveDown(0.5);

  if (!t) {
    small(l.issuerCertificate, cfdi.noCertificado ?? '', left, width);
    small(l.cfdiSeal, cfdi.sello ?? '', left, width);
    return;
  }
  const top = doc.y;
  const qrSize = 110;
  const url = satVerificationUrl({
    uuid: t.uuid,
    issuerRfc: cfdi.emisor.rfc,
    receiverRfc: cfdi.receptor.rfc,
    total: cfdi.total,
    sello: cfdi.sello ?? t.selloCfd,
  });
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 330 });
  doc.image(png, left, top, { width: qrSize, height: qrSize });

  const x = left + qrSize + 12;
  const w = width - qrSize - 12;
  doc.y = top;
  small(l.uuid, t.uuid, x, w);
  small(`${l.issuerCertificate} · ${l.satCertificate}`, `${cfdi.noCertificado ?? '—'} · ${t.noCertificadoSat}`, x, w);
  small(`${l.stampedAt} · ${l.pacRfc}`, `${t.fechaTimbrado} · ${t.rfcProvCertif}`, x, w);
  doc.y = Math.max(doc.y, top + qrSize + 6);
  small(l.cfdiSeal, cfdi.sello ?? t.selloCfd, left, width);
  small(l.satSeal, t.selloSat, left, width);
  small(l.tfdChain, t.cadena, left, width);
  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(l.printed, left, doc.y, { width, align: 'center' });
}

/**
 * The printed representation of a CFDI 4.0 (Ingreso or Pago): issuer and receiver with régimen and uso,
 * concepts, taxes and totals, forma/método de pago, and for a stamped CFDI the UUID, seals, certificate
 * numbers, TFD cadena and the SAT verification QR. An unstamped CFDI is marked "SIN TIMBRAR" and has no QR.
 */
export async function renderCfdiPdf(input: RenderCfdiPdfInput): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const cfdi = readCfdi(input.xml);
  const l = pdfLabels(input.locale);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 40,
    compress: input.compress ?? true,
    info: { Title: `CFDI ${[cfdi.serie, cfdi.folio].filter(Boolean).join('-')} ${cfdi.timbre?.uuid ?? ''}`.trim(), Author: input.clinicName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    header(doc, cfdi, input, l, left, width);
    if (!cfdi.timbre) unstampedBanner(doc, l, left, width);
    parties(doc, cfdi, l, left, width);
    concepts(doc, cfdi, l, input.locale, left, width);
    if (cfdi.pagos.length) payments(doc, cfdi, l, input.locale, left, width);
    else totals(doc, cfdi, l, input.locale, left, width);
    await fiscalFooter(doc, cfdi, l, left, width);
  } finally {
    doc.end();
  }
  return done;
}
