import { StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

/** Pages declare what they read from the address and the form, as the API does; bad input never reaches a handler as NaN. */
describe('page input is checked by the route schemas', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof StaffFactory>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await StaffFactory(t.platform, 'admin');
  });
  afterAll(async () => t?.close());

  const get = (url: string, html = true) => t.app.inject({ method: 'GET', url, headers: { ...admin.auth, ...(html ? { accept: 'text/html' } : {}) } });

  it('a page number that is not one is a 422 naming the field, as a page and in the error envelope', async () => {
    const page = await get('/admin/products?page=abc');
    expect(page.statusCode).toBe(422);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('page');
    const res = await get('/admin/inbox?page=0', false);
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toMatchObject({ code: 'validation.invalid_input', fields: [{ field: 'page' }] });
  });

  it('a day that is not a calendar day is refused, a blank one means today', async () => {
    expect((await get('/admin/schedule?date=2026-02-30')).statusCode).toBe(422);
    expect((await get('/admin/schedule?date=')).statusCode).toBe(200);
    expect((await get('/admin/schedule?date=2026-03-02')).statusCode).toBe(200);
  });

  it('the same pages answer with what was asked when it fits', async () => {
    expect((await get('/admin/products?page=2')).statusCode).toBe(200);
    expect((await get('/admin/inbox?page=&status=')).statusCode).toBe(200);
  });

  it('an address whose id names no row is not found, never a database error', async () => {
    for (const url of ['/admin/pets/abc', '/admin/pets/99999999999', '/admin/inbox/0', '/admin/billing/invoices/-1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });
});
