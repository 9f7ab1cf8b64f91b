import type { TFunction } from 'i18next';

/** Values as a person reads them: dates as dates, lists joined, nested objects as key: value. */
function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  if (Array.isArray(value)) return value.map(readable).join(', ') || '—';
  if (typeof value === 'object')
    return (
      Object.entries(value)
        .map(([k, v]) => `${k}: ${readable(v)}`)
        .join('; ') || '—'
    );
  return String(value);
}

/** The owner's data as a letter-size PDF: one heading per part, one block per row, every field labelled. */
export async function renderOwnerData(data: { generatedAt: string } & Record<string, unknown>, options: { clinicName: string; t: TFunction }): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  const { t } = options;
  const doc = new PDFDocument({ size: 'LETTER', margin: 48, info: { Title: t('privacy:pdf.title') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(16).text(options.clinicName);
  doc.fontSize(13).text(t('privacy:pdf.title'));
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(t('privacy:pdf.generated', { at: data.generatedAt.slice(0, 16).replace('T', ' ') }));
  doc.moveDown();
  for (const [section, rows] of Object.entries(data)) {
    if (!Array.isArray(rows)) continue;
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(t(`privacy:sections.${section}`, { defaultValue: section }), 48);
    if (rows.length === 0) doc.font('Helvetica-Oblique').fontSize(9).text(t('privacy:pdf.none'));
    for (const row of rows as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(row)) {
        doc.font('Helvetica-Bold').fontSize(9).text(`${key}: `, { continued: true }).font('Helvetica').text(readable(value));
      }
      doc.moveDown(0.4);
    }
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
