import { StaffFactory } from '@petfriendly/accounts/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
beforeAll(async () => {
  t = await createTestApp();
  manager = await StaffFactory(t.platform, 'manager');
  vet = await StaffFactory(t.platform, 'veterinarian');
});
afterAll(async () => t?.close());

/** A multipart body with one file, encoded by the platform's own FormData. */
async function upload(text: string, fileName = 'clientes.csv') {
  const form = new FormData();
  form.set('file', new Blob([text], { type: 'text/csv' }), fileName);
  const request = new Request('http://clinic.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

describe('the data import API', () => {
  it('uploads, maps, dry-runs, runs, reports and undoes', async () => {
    const file = await upload('correo;nombre;celular\nana@example.mx;Ana Ruiz;5512340000\nmal;Beto;\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=owners',
      headers: { ...manager.auth, 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const imp = json(res);
    expect(imp).toMatchObject({
      kind: 'owners',
      fileName: 'clientes.csv',
      total: 2,
      headers: ['correo', 'nombre', 'celular'],
      mapping: { email: 0, name: 1, phone: 2 },
    });

    const mapped = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      headers: manager.auth,
      payload: { email: 0, name: 1, phone: null },
    });
    expect(json(mapped).mapping).toEqual({ email: 0, name: 1 });
    const dry = json(await t.app.inject({ method: 'POST', url: `/api/v1/imports/${imp.id}/dry-run`, headers: manager.auth }));
    expect(dry.counts).toEqual({ created: 1, duplicate: 0, failed: 1 });
    expect(dry.problems[0]).toMatchObject({ line: 3, status: 'failed', errors: [{ field: 'email' }] });
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${imp.id}/run`, headers: manager.auth });
    expect(json(run).status).toBe('done');
    const report = await t.app.inject({ method: 'GET', url: `/admin/imports/${imp.id}/report.csv`, headers: manager.auth });
    expect(report.headers['content-type']).toContain('text/csv');
    // In the reader's language (the manager's, Spanish), the file's own column name.
    expect(parse(report.body, { bom: true })).toEqual([
      ['Línea', 'Resultado', 'Columna', 'Mensaje'],
      ['3', 'Con errores', 'correo', 'debe ser un correo electrónico válido'],
    ]);
    const undone = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${imp.id}/undo`, headers: manager.auth });
    expect(json(undone)).toEqual({ removed: 1, kept: [] });
  });

  it('answers bad input with 4xx and the error envelope, never 500', async () => {
    const file = await upload('name,email\n');
    const cases = [
      {
        method: 'POST',
        url: '/api/v1/imports?kind=horses',
        headers: { ...manager.auth, 'content-type': file.contentType },
        payload: file.payload,
        status: 422,
      },
      {
        method: 'POST',
        url: '/api/v1/imports?kind=owners',
        headers: { ...manager.auth, 'content-type': file.contentType },
        payload: file.payload,
        status: 201,
      },
      { method: 'GET', url: '/api/v1/imports/99999', headers: manager.auth, status: 404 },
      { method: 'GET', url: '/api/v1/imports/abc', headers: manager.auth, status: 422 },
      { method: 'GET', url: '/api/v1/imports', headers: vet.auth, status: 403 },
      { method: 'GET', url: '/api/v1/imports', headers: {}, status: 401 },
    ] as const;
    for (const c of cases) {
      const res = await t.app.inject({ method: c.method, url: c.url, headers: c.headers, payload: 'payload' in c ? c.payload : undefined });
      expect(res.statusCode, `${c.method} ${c.url} ${res.body.slice(0, 200)}`).toBe(c.status);
    }
    const imp = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports?kind=pets',
        headers: { ...manager.auth, 'content-type': file.contentType },
        payload: file.payload,
      }),
    );
    // A required field without a column: the run is refused, naming the field.
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${imp.id}/run`, headers: manager.auth });
    expect(run.statusCode).toBe(422);
    expect(json(run).error.code).toBe('data_import.field_unmapped');
    const column = await t.app.inject({ method: 'PUT', url: `/api/v1/imports/${imp.id}/mapping`, headers: manager.auth, payload: { name: 7 } });
    expect(column.statusCode).toBe(422);
  });
});
