import { BRAND, type Doc, INK, LINE } from './style';

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table that wraps cells, repeats its header on a new page, and leaves the cursor below it. */
export function table(doc: Doc, columns: Column[], rows: string[][], left: number): void {
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawHeader = () => {
    const y = doc.y;
    doc
      .save()
      .rect(
        left,
        y,
        columns.reduce((s, c) => s + c.width, 0),
        14,
      )
      .fill(BRAND)
      .restore();
    let x = left;
    for (const c of columns) {
      doc
        .font('Helvetica-Bold')
        .fontSize(7.5)
        .fillColor('#ffffff')
        .text(c.title, x + 2, y + 3.5, { width: c.width - 4, align: c.align ?? 'left' });
      x += c.width;
    }
    doc.y = y + 16;
  };
  drawHeader();
  for (const row of rows) {
    doc.font('Helvetica').fontSize(8);
    const height = Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 4 }))) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = left;
    row.forEach((cell, i) => {
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(INK)
        .text(cell, x + 2, y + 2, { width: columns[i]!.width - 4, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .strokeColor(LINE)
      .lineWidth(0.5)
      .stroke();
    doc.y = y + height + 1;
  }
  doc.x = left;
  doc.moveDown(0.5);
}
