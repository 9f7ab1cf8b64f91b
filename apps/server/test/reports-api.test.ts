import { StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('/api/v1/reports', () => {
  it("gives a manager the dashboard's figures; a receptionist and a vet get 403, on the API and the page", async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const res = await t.app.inject({ url: '/api/v1/reports/dashboard?period=week', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ period: { from: '2026-03-09', to: '2026-03-10', kind: 'week' }, revenue: { current: '0.00' } });
    const page = await t.app.inject({ url: '/admin/dashboard', headers: manager.auth });
    expect(page.statusCode).toBe(200);
    for (const role of ['receptionist', 'veterinarian'] as const) {
      const other = await StaffFactory(t.platform, role);
      expect((await t.app.inject({ url: '/api/v1/reports/dashboard', headers: other.auth })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/admin/dashboard', headers: other.auth })).statusCode).toBe(403);
    }
  });

  it('answers a bad filter with 422 naming the field', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const custom = await t.app.inject({ url: '/api/v1/reports/dashboard?period=custom&from=2026-03-10&to=2026-03-01', headers: manager.auth });
    expect(custom.statusCode).toBe(422);
    expect(json(custom).error.fields).toEqual([expect.objectContaining({ field: 'from' })]);
    const category = await t.app.inject({ url: '/api/v1/reports/dashboard?category=croquetas', headers: manager.auth });
    expect(category.statusCode).toBe(422);
    const format = await t.app.inject({ url: '/api/v1/reports/dashboard/export/docx', headers: manager.auth });
    expect(format.statusCode).toBe(422);
  });

  it('exports the dashboard as CSV, XLSX and PDF files', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' };
    for (const [format, type] of Object.entries(types)) {
      const res = await t.app.inject({ url: `/api/v1/reports/dashboard/export/${format}?period=month`, headers: manager.auth });
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="tablero-del-negocio-2026-03-01-2026-03-10.${format}"`);
      const page = await t.app.inject({ url: `/admin/dashboard/export.${format}?period=month&vet=`, headers: manager.auth });
      expect(page.statusCode, format).toBe(200);
      expect(page.rawPayload.length).toBe(res.rawPayload.length);
    }
  });
});
