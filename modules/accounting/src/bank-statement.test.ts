import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineHash, readCsvStatement, readOfxStatement } from './bank-statement';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

describe('CSV statements', () => {
  it('read with a withdrawals and a deposits column, thousands separators and day-first dates', () => {
    const csv = ['Fecha,Concepto,Referencia,Retiros,Depositos', '09/03/2026,DEPOSITO,1188,,"5,000.00"', '10/03/2026,PAGO SPEI,7731,580.00,', ''].join('\r\n');
    const lines = readCsvStatement(csv, {
      date: 'Fecha',
      description: 'Concepto',
      reference: 'Referencia',
      withdrawal: 'Retiros',
      deposit: 'Depositos',
      dateFormat: 'DD/MM/YYYY',
      delimiter: ',',
    });
    expect(lines).toEqual([
      { date: '2026-03-09', amountCents: 500000, description: 'DEPOSITO', reference: '1188' },
      { date: '2026-03-10', amountCents: -58000, description: 'PAGO SPEI', reference: '7731' },
    ]);
  });

  it('read with one signed amount column, semicolons, a BOM and amounts in parentheses', () => {
    const csv = '\uFEFFdate;text;amount\n2026-03-10;COMISION;(15.00)\n2026-03-10;ABONO;$ 1,200.5\n2026-03-11;SALDO;0\n';
    expect(readCsvStatement(csv, { date: 'date', description: 'text', amount: 'amount', dateFormat: 'YYYY-MM-DD', delimiter: ';' })).toEqual([
      { date: '2026-03-10', amountCents: -1500, description: 'COMISION', reference: '' },
      { date: '2026-03-10', amountCents: 120050, description: 'ABONO', reference: '' },
    ]);
  });

  it('refuses a missing column, an impossible date and a word for an amount, naming the row', () => {
    const mapping = { date: 'Fecha', description: 'Concepto', amount: 'Importe', dateFormat: 'DD/MM/YYYY', delimiter: ',' } as const;
    expect(() => readCsvStatement('Fecha,Texto,Importe\n01/03/2026,x,1', mapping)).toThrow(expect.objectContaining({ code: 'accounting.statement_columns' }));
    expect(() => readCsvStatement('Fecha,Concepto,Importe\n31/02/2026,x,1', mapping)).toThrow(
      expect.objectContaining({ code: 'accounting.statement_date', fields: [expect.objectContaining({ params: expect.objectContaining({ row: 2 }) })] }),
    );
    expect(() => readCsvStatement('Fecha,Concepto,Importe\n01/03/2026,x,mil', mapping)).toThrow(
      expect.objectContaining({ code: 'accounting.statement_amount' }),
    );
  });
});

describe('OFX statements', () => {
  it('reads an OFX 1.02 (SGML) file: transactions, reference, closing balance', () => {
    const { lines, balanceCents, accountId } = readOfxStatement(fixture('banorte-2026-03.ofx'));
    expect(accountId).toBe('0123456789');
    expect(balanceCents).toBe(440500);
    expect(lines).toEqual([
      { date: '2026-03-09', amountCents: 500000, description: 'DEPOSITO EN EFECTIVO · APORTACION SOCIOS', reference: '202603090001' },
      { date: '2026-03-10', amountCents: -58000, description: 'PAGO SPEI DISTRIBUIDORA CANINA', reference: '7731' },
      { date: '2026-03-10', amountCents: -1500, description: 'COMISION TPV', reference: '202603100003' },
    ]);
  });

  it('reads an OFX 2.2 (XML) file with a single transaction', () => {
    const { lines, balanceCents } = readOfxStatement(fixture('santander-2026-03.ofx'));
    expect(lines).toEqual([{ date: '2026-03-10', amountCents: 38200, description: 'LIQUIDACION TPV · VENTAS 10/03', reference: 'SAN-1' }]);
    expect(balanceCents).toBe(38200);
  });

  it('refuses what is not a bank statement', () => {
    expect(() => readOfxStatement('hola')).toThrow(expect.objectContaining({ code: 'accounting.statement_unreadable' }));
  });
});

it('hashes a line by date, amount and reference, so a re-import is recognised', () => {
  const line = { date: '2026-03-10', amountCents: -58000, description: 'PAGO SPEI', reference: '7731' };
  expect(lineHash(line)).toBe(lineHash({ ...line, description: 'PAGO SPEI DISTRIBUIDORA' }));
  expect(lineHash(line)).not.toBe(lineHash({ ...line, amountCents: -58001 }));
  expect(lineHash({ ...line, reference: '' })).not.toBe(lineHash({ ...line, reference: '', description: 'OTRO' }));
});
