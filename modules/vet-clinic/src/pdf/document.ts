/** Renders a PDF with pdfkit and collects it into bytes. */
export async function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, info: { title: string; author: string }): Promise<Uint8Array> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: info.title, Author: info.author } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export const BRAND = '#0f766e';

export function letterhead(doc: PDFKit.PDFDocument, clinic: { NAME: string; ADDRESS: string; PHONE: string; EMAIL: string }, title: string) {
  doc.fillColor(BRAND).fontSize(18).font('Helvetica-Bold').text(clinic.NAME);
  doc.fillColor('#444').fontSize(9).font('Helvetica').text(`${clinic.ADDRESS} · ${clinic.PHONE} · ${clinic.EMAIL}`);
  doc
    .moveDown(0.5)
    .strokeColor(BRAND)
    .lineWidth(1.5)
    .moveTo(doc.page.margins.left, doc.y)
    .lineTo(doc.page.width - doc.page.margins.right, doc.y)
    .stroke();
  doc.moveDown(1).fillColor('#111').fontSize(15).font('Helvetica-Bold').text(title, { align: 'center' });
  doc.moveDown(0.8).font('Helvetica').fontSize(10.5);
}

export function labelled(doc: PDFKit.PDFDocument, label: string, value: string) {
  doc
    .font('Helvetica-Bold')
    .text(`${label}: `, { continued: true })
    .font('Helvetica')
    .text(value || '—');
}
