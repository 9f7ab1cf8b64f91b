import { formatMoney, money } from '@petfriendly/core';
import type { TFunction } from 'i18next';
import type { CashCloseService } from './cash-close.service';
import { DENOMINATIONS } from './denominations';

type Day = Awaited<ReturnType<CashCloseService['getDay']>>;

/** The printed close slip (a half letter page): the day's takings, expected against counted, the count, the reason and the signatures. */
export async function renderSlip(day: Day, options: { clinicName: string; t: TFunction; locale: string; compress?: boolean }): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const { t } = options;
  const mxn = (v: string) => formatMoney(v, 'MXN', options.locale === 'es' ? 'es-MX' : options.locale);
  const doc = new PDFDocument({ size: [396, 612], margin: 28, compress: options.compress ?? true, info: { Title: `${t('cash-close:pdf.title')} ${day.day}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const row = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .text(label, 28, y, { width: 220 });
    doc.text(value, 250, y, { width: 118, align: 'right' });
  };
  doc.font('Helvetica-Bold').fontSize(13).text(options.clinicName);
  doc.fontSize(11).text(`${t('cash-close:pdf.title')} · ${day.day}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(t(`cash-close:status.${day.close?.status ?? 'open'}`));
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(10).text(t('cash-close:methods.title'), 28);
  for (const m of day.methods) row(t(`cash-close:methods.${m.method}`), mxn(m.net));
  doc.moveDown(0.5);
  row(t('cash-close:drawer.float'), mxn(day.float));
  row(t('cash-close:drawer.withdrawal'), mxn(day.withdrawals));
  row(t('cash-close:drawer.deposit'), mxn(day.deposits));
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(10).text(t('cash-close:summary.title'), 28);
  const close = day.close;
  if (close) {
    row(`${t('cash-close:summary.cash')} · ${t('cash-close:col.expected')}`, mxn(close.expectedCash));
    row(`${t('cash-close:summary.cash')} · ${t('cash-close:col.counted')}`, mxn(close.countedCash));
    row(`${t('cash-close:summary.cash')} · ${t('cash-close:col.difference')}`, mxn(money(close.countedCash).minus(close.expectedCash).toFixed(2)), true);
    row(`${t('cash-close:summary.card')} · ${t('cash-close:col.expected')}`, mxn(close.expectedCard));
    row(`${t('cash-close:summary.card')} · ${t('cash-close:col.counted')}`, mxn(close.cardTerminalTotal));
    row(`${t('cash-close:summary.card')} · ${t('cash-close:col.difference')}`, mxn(money(close.cardTerminalTotal).minus(close.expectedCard).toFixed(2)), true);
    if (close.reason)
      doc
        .moveDown(0.3)
        .font('Helvetica-Oblique')
        .fontSize(9)
        .text(`${t('cash-close:count.reason')}: ${close.reason}`, 28);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(10).text(t('cash-close:pdf.denominations'), 28);
    for (const d of DENOMINATIONS) {
      const pieces = close.denominations[d] ?? 0;
      if (pieces) row(`${pieces} × ${mxn(d)}`, mxn(money(d).times(pieces).toFixed(2)));
    }
  }
  doc.moveDown(3);
  const y = doc.y;
  doc.font('Helvetica').fontSize(8).moveTo(28, y).lineTo(178, y).stroke().moveTo(218, y).lineTo(368, y).stroke();
  doc.text(t('cash-close:pdf.countedBy'), 28, y + 4, { width: 150, align: 'center' });
  doc.text(t('cash-close:pdf.approvedBy'), 218, y + 4, { width: 150, align: 'center' });
  doc.end();
  return done;
}
