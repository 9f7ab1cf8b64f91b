import { formatMoney } from '@petfriendly/core';
import type { TFunction } from 'i18next';
import type { ReceivablesService } from './receivables.service';

type Statement = Awaited<ReturnType<ReceivablesService['statementOfAccount']>>;

/** An owner's statement of account on a letter page: opening balance, each movement with its running balance, open invoices. */
export async function renderStatementPdf(
  st: Statement,
  options: { clinicName: string; t: TFunction; locale: string; date: (d: string) => string; compress?: boolean },
): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const { t, date } = options;
  const mxn = (v: string) => {
    const text = formatMoney(v.replace(/^-/, ''), 'MXN', options.locale === 'es' ? 'es-MX' : options.locale);
    return v.startsWith('-') ? `(${text})` : text;
  };
  const title = t('accounting:receivables.statementTitle', { name: st.ownerName });
  const doc = new PDFDocument({ size: 'LETTER', margin: 40, compress: options.compress ?? true, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const columns = [40, 110, 330, 400, 470];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const right = i >= 2;
      doc.text(cell, columns[i]!, y, { width: i === 1 ? 215 : right ? 70 : 65, align: right ? 'right' : 'left' });
    });
    doc.moveDown(0.2);
  };
  doc.font('Helvetica-Bold').fontSize(14).text(options.clinicName, 40);
  doc.fontSize(12).text(title);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${date(st.from)} – ${date(st.to)}`);
  doc.moveDown();
  row(
    [t('accounting:journal.date'), t('accounting:journal.description'), t('accounting:col.debit'), t('accounting:col.credit'), t('accounting:col.balance')],
    true,
  );
  row(['', t('accounting:receivables.opening'), '', '', mxn(st.opening)]);
  for (const l of st.lines)
    row([date(l.date), l.description, l.debit === '0.00' ? '' : mxn(l.debit), l.credit === '0.00' ? '' : mxn(l.credit), mxn(l.balance)]);
  row(['', t('accounting:receivables.closing', { date: date(st.to) }), '', '', mxn(st.closing)], true);
  if (st.openInvoices.length > 0) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(10).text(t('accounting:receivables.openInvoices'), 40);
    for (const i of st.openInvoices) row([date(i.issuedOn), i.invoiceNumber, '', mxn(i.total), mxn(i.balance)]);
  }
  doc.end();
  return done;
}
