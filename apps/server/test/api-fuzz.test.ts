import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

/**
 * Bad input of every shape, sent to every operation the OpenAPI document lists, as an admin and as an
 * owner: each must answer 4xx (or succeed), never 5xx. The document drives it, so a new route is covered
 * the day it is written.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const BAD_IDS = ['abc', '2147483648', '-1', '1.5', '%00', '0x10', '9'.repeat(30)];
const BAD_VALUES: unknown[] = ['', 'abc', '\u0000', '\ud800', -1, 2147483648, 1e300, 1.5, true, null, [], {}, 'x'.repeat(20_000), '2026-02-30'];

function pathWith(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

/** Bodies that break the declared schema one property at a time, plus whole bodies of the wrong kind. */
function badBodies(schema: Schema | undefined): unknown[] {
  const bodies: unknown[] = [{}, [], 'texto', 42, null];
  for (const name of Object.keys(schema?.properties ?? {})) {
    for (const value of BAD_VALUES) bodies.push({ [name]: value });
  }
  return bodies;
}

it('answers every malformed request with 4xx, never 5xx', { timeout: 600_000 }, async () => {
  const admin = await StaffFactory(t.platform, 'admin');
  const owner = await OwnerFactory(t.platform);
  const doc = json<{ paths: Record<string, Record<string, Operation>> }>(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }));
  const failures: string[] = [];
  let sent = 0;
  const send = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await t.app.inject({
      method: method.toUpperCase() as 'GET',
      url,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    sent += 1;
    if (res.statusCode >= 500)
      failures.push(
        `${method.toUpperCase()} ${url} ${payload === undefined ? '' : JSON.stringify(payload).slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
      );
  };

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (path.includes('webhook')) continue; // signed by the provider: refused before any input is read (tests of their own)
      const params = operation.parameters ?? [];
      const body = operation.requestBody?.content?.['application/json']?.schema;
      for (const who of [admin.auth, owner.auth]) {
        const validish = pathWith(path, '1');
        if (path.includes('{')) for (const id of BAD_IDS) await send(method, pathWith(path, id), who);
        for (const query of params.filter((p) => p.in === 'query')) {
          for (const value of ['abc', '', '-1', '%00', '99999999999999999999', '2026-13-45']) await send(method, `${validish}?${query.name}=${value}`, who);
        }
        if (body) for (const payload of badBodies(body)) await send(method, validish, who, payload);
      }
    }
  }
  expect(sent).toBeGreaterThan(1000);
  expect(failures).toEqual([]);
});
