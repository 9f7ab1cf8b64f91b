import { createHash } from 'node:crypto';
import { ValidationError } from '@petfriendly/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseSync as parseOfx } from 'ofx-js';
import type { CsvMapping } from './bank.tables';
import { toCents } from './cents';

/** A statement line as read from the bank's file: + money in, − money out. */
export interface StatementLine {
  date: string;
  amountCents: number;
  description: string;
  reference: string;
}

/** The same line imported twice (or from two overlapping files) has the same hash. */
export function lineHash(l: Pick<StatementLine, 'date' | 'amountCents' | 'reference' | 'description'>): string {
  // Without a reference, the text tells apart two equal amounts on one day.
  return createHash('sha256')
    .update([l.date, l.amountCents, l.reference || l.description].join('|'))
    .digest('hex');
}

const fail = (code: string, message: string, details?: Record<string, string | number>) => ValidationError.forField(code, 'file', message, details);

/** "1,234.56", "$ -1,234.56", "(1,234.56)" → centavos; blank → 0. */
function amountOf(text: string | undefined, row: number): number {
  const raw = (text ?? '').replace(/[$\s]/g, '').replace(/,/g, '');
  if (raw === '') return 0;
  const negative = /^\(.*\)$/.test(raw);
  const clean = negative ? raw.slice(1, -1) : raw;
  if (!/^[+-]?\d+(\.\d{1,2})?$/.test(clean)) throw fail('accounting.statement_amount', `Row ${row}: "${text}" is not an amount.`, { row, value: text ?? '' });
  const cents = toCents(clean);
  return negative ? -cents : cents;
}

function dateOf(text: string | undefined, format: CsvMapping['dateFormat'], row: number): string {
  const t = (text ?? '').trim();
  const parts = format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t)?.slice(1, 4) : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(t)?.slice(1, 4);
  if (!parts) throw fail('accounting.statement_date', `Row ${row}: "${t}" is not a date in ${format}.`, { row, value: t, format });
  const [y, m, d] = format === 'YYYY-MM-DD' ? parts : format === 'DD/MM/YYYY' ? [parts[2]!, parts[1]!, parts[0]!] : [parts[2]!, parts[0]!, parts[1]!];
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso)
    throw fail('accounting.statement_date', `Row ${row}: "${t}" is not a date in ${format}.`, { row, value: t, format });
  return iso;
}

/** A bank's CSV export read with its saved column mapping (the header row names the columns). */
export function readCsvStatement(text: string, mapping: CsvMapping): StatementLine[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, delimiter: mapping.delimiter, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw fail('accounting.statement_unreadable', `The CSV could not be read: ${(error as Error).message}`);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const wanted = [mapping.date, mapping.description, mapping.reference, mapping.amount, mapping.withdrawal, mapping.deposit].filter((c): c is string => !!c);
  const missing = wanted.filter((c) => rows.length > 0 && !header.includes(c));
  if (missing.length > 0) throw fail('accounting.statement_columns', `The CSV has no column ${missing.join(', ')}.`, { columns: missing.join(', ') });
  return rows
    .map((r, i) => {
      const row = i + 2;
      const amountCents = mapping.amount
        ? amountOf(r[mapping.amount], row)
        : amountOf(r[mapping.deposit!], row) - Math.abs(amountOf(r[mapping.withdrawal!], row));
      return {
        date: dateOf(r[mapping.date], mapping.dateFormat, row),
        amountCents,
        description: (r[mapping.description] ?? '').slice(0, 300),
        reference: (mapping.reference ? (r[mapping.reference] ?? '') : '').slice(0, 100),
      };
    })
    .filter((l) => l.amountCents !== 0);
}

interface OfxTransaction {
  DTPOSTED?: string;
  TRNAMT?: string;
  FITID?: string;
  NAME?: string;
  MEMO?: string;
  REFNUM?: string;
}

/** An OFX bank statement (1.x SGML or 2.x XML, read by ofx-js): its transactions and closing balance. */
export function readOfxStatement(text: string): { lines: StatementLine[]; balanceCents: number | null; accountId: string | null } {
  let statement: Record<string, unknown> | undefined;
  try {
    const ofx = parseOfx(text).OFX;
    const response = ofx.BANKMSGSRSV1?.STMTTRNRS ?? ofx.CREDITCARDMSGSRSV1?.CCSTMTTRNRS;
    const first = Array.isArray(response) ? response[0] : response;
    statement = first?.STMTRS ?? first?.CCSTMTRS;
  } catch (error) {
    throw fail('accounting.statement_unreadable', `The OFX could not be read: ${(error as Error).message}`);
  }
  if (!statement) throw fail('accounting.statement_unreadable', 'The OFX has no bank statement.');
  const list = (statement.BANKTRANLIST as { STMTTRN?: OfxTransaction | OfxTransaction[] } | undefined)?.STMTTRN;
  const transactions = list === undefined ? [] : Array.isArray(list) ? list : [list];
  const lines = transactions.map((t, i) => {
    const posted = /^(\d{4})(\d{2})(\d{2})/.exec(t.DTPOSTED ?? '');
    if (!posted)
      throw fail('accounting.statement_date', `Transaction ${i + 1} has no posting date.`, { row: i + 1, value: t.DTPOSTED ?? '', format: 'YYYYMMDD' });
    return {
      date: `${posted[1]}-${posted[2]}-${posted[3]}`,
      amountCents: amountOf(t.TRNAMT, i + 1),
      description: [...new Set([t.NAME, t.MEMO].filter(Boolean))].join(' · ').slice(0, 300),
      reference: (t.REFNUM || t.FITID || '').slice(0, 100),
    };
  });
  const balance = (statement.LEDGERBAL as { BALAMT?: string } | undefined)?.BALAMT;
  const account = (statement.BANKACCTFROM as { ACCTID?: string } | undefined)?.ACCTID ?? null;
  return { lines: lines.filter((l) => l.amountCents !== 0), balanceCents: balance === undefined ? null : amountOf(balance, 0), accountId: account };
}
