import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { STATIC_DIR } from '@petfriendly/ui';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

describe('how pages and assets travel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // A clinic that has been set up: before its first admin, pages lead to /setup.
    await StaffFactory(t.platform, 'admin');
  });
  afterAll(async () => t?.close());

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses pages with %s when the browser accepts it', async (encoding, decompress) => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': encoding } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    const html = decompress(res.rawPayload).toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(html) / 2);
  });

  it('gives every page a description', async () => {
    const html = (await t.app.inject({ method: 'GET', url: '/sign-in' })).body;
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
  });

  it('links assets by content-hashed names that may be cached for good', async () => {
    const html = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const css = html.match(/<link rel="stylesheet" href="(\/static\/app\.[0-9a-f]{12}\.css)"/)?.[1];
    const htmx = html.match(/<script src="(\/static\/htmx\.min\.[0-9a-f]{12}\.js)"/)?.[1];
    expect(css).toBeDefined();
    expect(htmx).toBeDefined();
    const res = await t.app.inject({ method: 'GET', url: css!, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gunzipSync(res.rawPayload).toString()).toBe(readFileSync(`${STATIC_DIR}/app.css`, 'utf8'));
    expect((await t.app.inject({ method: 'GET', url: htmx! })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Another hash is another file: not found, never the current one under an old name.
    expect((await t.app.inject({ method: 'GET', url: '/static/app.000000000000.css' })).statusCode).toBe(404);
  });
});
