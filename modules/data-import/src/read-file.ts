import { ValidationError } from '@petfriendly/core';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/** A line of the file: its number as the spreadsheet or a text editor shows it (the header is 1), and its cells. */
export interface Line {
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  /** The lines after the header, each as many cells as there are headers. */
  rows: Line[];
}

/** Most files another system exports; a clinic's whole history in one go. */
export const MAX_ROWS = 50_000;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The first sheet of a workbook, or a CSV (comma, semicolon or tab; a byte-order mark is dropped). */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  const isXlsx = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  const table = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  const [head, ...body] = table.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!head) throw ValidationError.forField('data_import.empty_file', 'file', 'The file has no header line.', { file: fileName });
  if (body.length > MAX_ROWS) throw ValidationError.forField('data_import.too_many_rows', 'file', 'The file has more than {{max}} lines.', { max: MAX_ROWS });
  const headers = head.cells.map((h) => h.trim());
  return { headers, rows: body.map((row) => ({ line: row.line, cells: headers.map((_, i) => (row.cells[i] ?? '').trim()) })) };
}

function readCsv(bytes: Uint8Array): Line[] {
  try {
    const records = parse(Buffer.from(bytes), {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // `lines` counts up to the record's end: a cell with a line break inside makes its record end further down.
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw ValidationError.forField('data_import.unreadable_file', 'file', 'The file is not a CSV or Excel workbook we can read: {{reason}}', {
      reason: (error as Error).message,
    });
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Line[]> {
  // exceljs loads when a spreadsheet is first read, not at start: it is tens of MB resident.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch (error) {
    throw ValidationError.forField('data_import.unreadable_file', 'file', 'The file is not a CSV or Excel workbook we can read: {{reason}}', {
      reason: (error as Error).message,
    });
  }
  const sheet = workbook.worksheets[0];
  const rows: Line[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line: row.number, cells });
  });
  return rows;
}

/** A date cell becomes YYYY-MM-DD (Excel keeps it as a day without a zone); anything else its text. */
function cellText(cell: ExcelJS.Cell): string {
  return cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text;
}
