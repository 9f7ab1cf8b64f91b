export interface ConsentPdfInput {
  clinic: { NAME: string; ADDRESS: string; PHONE: string };
  title: string;
  body: string;
  signature: Buffer;
  /** Labelled lines under the signature: who, when, from where, on what device, the consent's number. */
  facts: [label: string, value: string][];
  compress?: boolean;
}

/** The signed consent as a letter page: the clinic, the text as the owner read it, the drawn signature and how it was given. */
export async function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  // pdfkit loads when a PDF is first made, not at start: it is tens of MB resident.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54, compress: input.compress ?? true, info: { Title: input.title, Author: input.clinic.NAME } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fillColor('#0f766e').font('Helvetica-Bold').fontSize(16).text(input.clinic.NAME);
    doc.fillColor('#444').font('Helvetica').fontSize(9).text(`${input.clinic.ADDRESS} · ${input.clinic.PHONE}`);
    doc.moveDown(1).fillColor('#111').font('Helvetica-Bold').fontSize(14).text(input.title, { align: 'center' });
    doc.moveDown(0.8).font('Helvetica').fontSize(10.5).text(input.body, { align: 'justify' });
    doc.moveDown(1.5);
    if (doc.y > doc.page.height - 260) doc.addPage();
    doc.image(input.signature, { fit: [240, 100] });
    doc.moveDown(0.3);
    const x = doc.page.margins.left;
    doc
      .strokeColor('#111')
      .lineWidth(0.8)
      .moveTo(x, doc.y)
      .lineTo(x + 240, doc.y)
      .stroke();
    doc.moveDown(0.5).fontSize(9);
    for (const [label, value] of input.facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    doc.end();
  });
}
