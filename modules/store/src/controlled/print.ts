import { dateTimeFormat } from '@petfriendly/core';
import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import type { BookService } from './book.service';

export type PrintedBook = Awaited<ReturnType<BookService['printable']>>;
type Entry = PrintedBook['entries'][number];
interface Options {
  t: TFunction;
  locale: string;
  timeZone: string;
}

const when = (d: Date, o: Options) =>
  dateTimeFormat(o.locale === 'es' ? 'es-MX' : o.locale, { timeZone: o.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(d);

/** Who the line concerns: the patient and owner, the prescription, or the reason. */
function concerning(e: Entry, t: TFunction) {
  const parts = [
    e.patient && e.owner ? `${e.patient} / ${e.owner}` : (e.patient ?? e.owner),
    e.prescriptionId ? `${t('store:book.col.prescription')} ${e.prescriptionId}` : null,
  ];
  if (e.dose) parts.push(`${e.dose.replace(/\.?0+$/, '')} ${e.doseUnit ?? ''} ${e.route ?? ''}`.trim());
  if (e.reason) parts.push(e.reason);
  return parts.filter(Boolean).join(' · ');
}

const byWhom = (e: Entry, t: TFunction) => [e.by, e.licenseNumber ? `${t('store:book.license')} ${e.licenseNumber}` : null].filter(Boolean).join(' · ');

/** One row per line of the book, as a spreadsheet reads it (UTF-8 with a byte-order mark). */
export function bookCsv(book: PrintedBook, o: Options): Buffer {
  const { t } = o;
  const head = ['date', 'product', 'batch', 'type', 'in', 'out', 'balance', 'patient', 'owner', 'prescription', 'dose', 'by', 'license', 'witness', 'reason'];
  const rows = book.entries.map((e) => [
    e.createdAt.toISOString(),
    e.product,
    e.batchNumber,
    t(`store:book.types.${e.type}`),
    e.quantity > 0 ? e.quantity : '',
    e.quantity < 0 ? -e.quantity : '',
    e.balance,
    e.patient ?? '',
    e.owner ?? '',
    e.prescriptionId ?? '',
    e.dose ? `${e.dose} ${e.doseUnit ?? ''} ${e.route ?? ''}`.trim() : '',
    e.by ?? '',
    e.licenseNumber ?? '',
    e.witness ?? '',
    e.reason,
  ]);
  return Buffer.from(`\uFEFF${stringify([head, ...rows], { record_delimiter: '\r\n' })}`, 'utf8');
}

const COLUMNS = [
  { key: 'date', width: 78 },
  { key: 'batch', width: 58 },
  { key: 'type', width: 82 },
  { key: 'in', width: 36, align: 'right' },
  { key: 'out', width: 36, align: 'right' },
  { key: 'balance', width: 42, align: 'right' },
  { key: 'patient', width: 216 },
  { key: 'who', width: 106 },
  { key: 'witness', width: 78 },
] as const;

/** The book as the authority inspects it (letter, landscape): the clinic, the responsible vet, the product, then every line of the period. */
export async function bookPdf(book: PrintedBook, o: Options): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const { t } = o;
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: 28, info: { Title: t('store:book.title') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { header } = book;
  doc.font('Helvetica-Bold').fontSize(13).text(header.clinic.name);
  doc.font('Helvetica').fontSize(8).text(header.clinic.address);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(t('store:book.title'));
  doc.font('Helvetica').fontSize(9);
  const line = (label: string, value: string) => doc.text(`${label}: ${value}`);
  line(t('store:book.responsible'), header.responsible ? `${header.responsible.name} · ${t('store:book.license')} ${header.responsible.licenseNumber}` : '—');
  if (header.product) {
    line(t('store:book.col.product'), header.product.name);
    line(t('store:book.col.presentation'), header.product.presentation || '—');
    line(t('store:book.group'), header.product.group ? t(`store:book.groups.${header.product.group}`) : '—');
  }
  line(t('store:book.period'), `${book.from ?? '…'} – ${book.to ?? '…'}`);
  doc.moveDown(0.6);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i]!.width - 4 })));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      const col = COLUMNS[i]!;
      doc.text(c, x, y, { width: col.width - 4, align: 'align' in col ? col.align : 'left' });
      x += col.width;
    });
    doc.y = y + height + 3;
    doc.x = doc.page.margins.left;
  };
  const titles = [
    t('store:book.col.date'),
    t('store:book.col.batch'),
    t('store:book.col.type'),
    t('store:book.col.in'),
    t('store:book.col.out'),
    t('store:book.col.balance'),
    t('store:book.col.patient'),
    t('store:book.col.who'),
    t('store:book.col.witness'),
  ];
  row(titles, true);
  if (book.entries.length === 0) doc.font('Helvetica').text(t('store:book.empty'));
  for (const e of book.entries) {
    row(
      [
        when(e.createdAt, o),
        e.batchNumber,
        `${header.product ? '' : `${e.product} · `}${t(`store:book.types.${e.type}`)}`,
        e.quantity > 0 ? String(e.quantity) : '',
        e.quantity < 0 ? String(-e.quantity) : '',
        String(e.balance),
        concerning(e, t),
        byWhom(e, t),
        e.witness ?? '',
      ],
      false,
    );
  }
  doc.moveDown(3);
  const y = doc.y;
  doc.moveTo(28, y).lineTo(260, y).stroke();
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(t('store:book.responsible'), 28, y + 4, { width: 232, align: 'center' });
  doc.end();
  return done;
}
