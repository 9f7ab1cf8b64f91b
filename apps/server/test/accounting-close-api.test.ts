import { StaffFactory } from '@petfriendly/accounts/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let admin: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp();
  accountant = await StaffFactory(t.platform, 'accountant');
  admin = await StaffFactory(t.platform, 'admin');
});
afterAll(async () => t?.close());

async function post(date: string, debit: string, credit: string, amount: string) {
  const payload = {
    date,
    description: 'Movimiento',
    lines: [
      { accountCode: debit, debit: amount },
      { accountCode: credit, credit: amount },
    ],
  };
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/accounting/entries', headers: accountant.auth, payload });
  return json(await t.app.inject({ method: 'POST', url: `/api/v1/accounting/entries/${json(created).id}/post`, headers: accountant.auth }));
}

describe('/api/v1/accounting: budgets, close, cash flow, exports and the SAT', () => {
  it('keeps a budget and warns about a posting over it', async () => {
    const months = Array.from({ length: 12 }, () => '500.00');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/accounting/budgets',
      headers: accountant.auth,
      payload: { year: 2025, accountCode: '6103', months },
    });
    expect(set.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/accounting/budgets',
      headers: accountant.auth,
      payload: { year: 2025, accountCode: '6103', months: ['x'] },
    });
    expect(bad.statusCode).toBe(422);
    const entry = await post('2025-04-10', '6103', '1101', '650.00');
    const warnings = await t.app.inject({ url: `/api/v1/accounting/entries/${entry.id}/budget-warnings`, headers: accountant.auth });
    expect(json(warnings)).toEqual([{ accountCode: '6103', name: 'Gastos generales', month: '2025-04', budget: '500.00', actual: '650.00', over: '150.00' }]);
    const variance = await t.app.inject({ url: '/api/v1/accounting/budgets/variance?year=2025&month=4', headers: accountant.auth });
    expect(json(variance).rows[0]).toMatchObject({ accountCode: '6103', month: { variance: '150.00' }, yearToDate: { budget: '2000.00', actual: '650.00' } });
  });

  it('gives the cash flow, and each statement as CSV, XLSX and PDF that other tools read back', async () => {
    await post('2025-04-01', '1102.01', '3101', '10000.00');
    const cf = json(await t.app.inject({ url: '/api/v1/accounting/cash-flow?from=2025-04-01&to=2025-04-30', headers: accountant.auth }));
    expect(cf).toMatchObject({ netIncome: '-650.00', financing: { total: '10000.00' }, netChange: '9350.00', closingCash: '9350.00' });

    const csv = await t.app.inject({ url: '/api/v1/accounting/statements/cash-flow/export/csv?from=2025-04-01&to=2025-04-30', headers: accountant.auth });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    expect(rows).toContainEqual(['Utilidad (pérdida) neta', '-650.00']);
    expect(rows).toContainEqual(['Efectivo al final del periodo', '9350.00']);

    const xlsx = await t.app.inject({ url: '/api/v1/accounting/statements/trial-balance/export/xlsx?from=2025-04-01&to=2025-04-30', headers: accountant.auth });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const totals = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(totals).toContain('Sumas iguales');
    expect(totals.filter((v) => v === 10650)).toHaveLength(2);

    const pdf = await t.app.inject({ url: '/api/v1/accounting/statements/balance-sheet/export/pdf?asOf=2025-04-30', headers: accountant.auth });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Balance general');
    expect(text).toContain('$10,000.00');

    const missing = await t.app.inject({ url: '/api/v1/accounting/statements/balance-sheet/export/pdf', headers: accountant.auth });
    expect(missing.statusCode).toBe(422);
  });

  it('closes a year and reopens it only for an admin with a reason', async () => {
    const closed = await t.app.inject({ method: 'POST', url: '/api/v1/accounting/years/2025/close', headers: accountant.auth });
    expect(json(closed)).toMatchObject({ year: 2025, netIncome: '-650.00' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/accounting/years/2025/close', headers: accountant.auth })).statusCode).toBe(409);
    const byAccountant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounting/years/2025/reopen',
      headers: accountant.auth,
      payload: { reason: 'Ajuste' },
    });
    expect(byAccountant.statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'POST', url: '/api/v1/accounting/years/2025/reopen', headers: admin.auth, payload: {} });
    expect(noReason.statusCode).toBe(422);
    const reopened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounting/years/2025/reopen',
      headers: admin.auth,
      payload: { reason: 'Ajuste de auditoría' },
    });
    expect(json(reopened)).toMatchObject({ year: 2025, month: 13, reason: 'Ajuste de auditoría' });
    const periods = json(await t.app.inject({ url: '/api/v1/accounting/periods', headers: accountant.auth }));
    expect(periods.closedYears).toEqual([]);
    expect(periods.reopenings).toHaveLength(1);
  });

  it("hands out the SAT's files as XML or ZIP, and the DIOT", async () => {
    const zip = await t.app.inject({ url: '/api/v1/accounting/sat/catalogo?year=2025&month=4&format=zip', headers: accountant.auth });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toMatch(/filename="[A-Z&Ñ]{3,4}\d{6}\w{3}202504CT\.zip"/);
    const xml = await t.app.inject({ url: '/api/v1/accounting/sat/balanza?year=2025&month=13', headers: accountant.auth });
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('Mes="13"');
    expect((await t.app.inject({ url: '/api/v1/accounting/sat/balanza?year=2025&month=4&kind=C', headers: accountant.auth })).statusCode).toBe(422);
    expect(
      (await t.app.inject({ url: '/api/v1/accounting/sat/polizas?year=2025&month=2&tipoSolicitud=DE&numTramite=AB123456789012', headers: accountant.auth }))
        .statusCode,
    ).toBe(404);
    const polizas = await t.app.inject({
      url: '/api/v1/accounting/sat/polizas?year=2025&month=4&tipoSolicitud=DE&numTramite=AB123456789012',
      headers: accountant.auth,
    });
    expect(polizas.statusCode).toBe(200);
    expect(polizas.body).toContain('NumTramite="AB123456789012"');
    const diot = await t.app.inject({ url: '/api/v1/accounting/diot?year=2025&month=4', headers: accountant.auth });
    expect(json(diot)).toMatchObject({ year: 2025, month: 4, lines: [], txt: '' });
    const vet = await StaffFactory(t.platform, 'veterinarian');
    expect((await t.app.inject({ url: '/api/v1/accounting/sat/catalogo?year=2025&month=4', headers: vet.auth })).statusCode).toBe(403);
  });
});
