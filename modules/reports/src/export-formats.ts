import { formatMoney } from '@petfriendly/core';
import { stringify } from 'csv-stringify/sync';
import type { Cell, ReportTable } from './report-tables';

const plain = (c: Cell): string => (c === null ? '' : typeof c === 'object' ? c.money : String(c));

/** CSV: each table as a block (its title, its header, its rows), a blank line between; amounts as plain decimals. */
export function toCsv(tables: ReportTable[]): Buffer {
  const lines: string[][] = [];
  for (const table of tables) lines.push([table.title], table.head, ...table.rows.map((r) => r.map(plain)), []);
  // A byte-order mark so spreadsheet programs read the accents as UTF-8.
  return Buffer.from(`\uFEFF${stringify(lines, { record_delimiter: '\r\n' })}`, 'utf8');
}

/** XLSX: one sheet per table, amounts as numbers in pesos format, the header bold and frozen. */
export async function toXlsx(tables: ReportTable[], title: string): Promise<Buffer> {
  // exceljs loads when a workbook is first made, not at start: it is tens of MB resident.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Pet-Friendly';
  book.title = title;
  for (const table of tables) {
    const sheet = book.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.head).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((c) => (c !== null && typeof c === 'object' ? Number(c.money) : c)));
      row.forEach((c, i) => {
        if (c !== null && typeof c === 'object') added.getCell(i + 1).numFmt = '"$"#,##0.00';
      });
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 34 : 18;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** PDF: a title, the period, then each table with its amounts in pesos. */
export async function toPdf(
  tables: ReportTable[],
  heading: { title: string; subtitle: string; locale: string },
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'LETTER', margin: 48, compress: options.compress ?? true, info: { Title: heading.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const show = (c: Cell) => (c !== null && typeof c === 'object' ? formatMoney(c.money, 'MXN', heading.locale) : c === null ? '—' : String(c));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(16).fillColor('#0f766e').text(heading.title);
  doc.font('Helvetica').fontSize(10).fillColor('#4b5563').text(heading.subtitle).moveDown();
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#1f2937').text(table.title, left, doc.y).moveDown(0.3);
    const first = table.head.length > 2 ? width * 0.34 : width * 0.6;
    const other = (width - first) / Math.max(table.head.length - 1, 1);
    const line = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 72) doc.addPage();
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      doc.text(cells[0] ?? '', left, y, { width: first - 6 });
      const bottom = doc.y;
      cells.slice(1).forEach((c, i) => {
        doc.text(c, left + first + i * other, y, { width: other - 6, align: 'right' });
      });
      doc.y = Math.max(bottom, doc.y) + 3;
    };
    line(table.head, true);
    for (const row of table.rows) line(row.map(show), false);
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
