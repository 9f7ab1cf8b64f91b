import { StaffFactory } from '@petfriendly/accounts/testing';
import { rows } from '@petfriendly/core';
import { FILL_TRANSLATIONS, type MultilingualServices } from '@petfriendly/multilingual';
import { scriptedTranslator, useTranslator } from '@petfriendly/multilingual/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
let ml: MultilingualServices;

/** A signed-in browser: its cookies (session, form token and flash) follow it from page to page. */
async function browserOf(role: 'manager' | 'receptionist') {
  const person = await StaffFactory(t.platform, role);
  const accounts = t.platform.services.accounts;
  const jar = new Map(
    (await accounts.identity.signIn({ email: person.user.email, password: 'correcto-caballo-123' }, new Headers())).cookies.map(
      (c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string],
    ),
  );
  const request = async (method: 'GET' | 'POST', url: string, payload?: Record<string, string>) => {
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' },
      ...(payload ? { payload } : {}),
    });
    for (const c of res.cookies) jar.set(c.name, c.value);
    return res;
  };
  return {
    get: (url: string) => request('GET', url),
    /** Posts a form the way the page does, with the token of the last page. */
    post: async (url: string) => {
      const page = await request('GET', '/admin/translations');
      return request('POST', url, { _csrf: /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)![1]! });
    },
  };
}

const queued = () =>
  rows<{ data: { language?: string } }>(t.platform.ctx.db, sql`select data from pgboss.job where name = ${FILL_TRANSLATIONS} order by created_on`);

beforeAll(async () => {
  t = await createTestApp();
  ml = t.platform.services.multilingual;
  await ml.languages.seedCoreLanguages();
});
afterAll(async () => t?.close());

describe('/admin/translations: translating content with AI', () => {
  it('without a translator a manager reads that AI translation needs the API key, and cannot queue it', async () => {
    useTranslator(t.platform, null);
    const manager = await browserOf('manager');
    const page = await manager.get('/admin/translations');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('La traducción automática necesita la clave de API del asistente de IA.');
    expect(page.body).not.toContain('Traducir contenido con IA');
    expect((await manager.post('/admin/languages/en/translate')).statusCode).toBe(503);
    expect(await queued()).toEqual([]);
  });

  it('with a translator a manager queues a language and is told so; a receptionist sees no button and is refused', async () => {
    useTranslator(t.platform, scriptedTranslator());
    const manager = await browserOf('manager');
    const page = await manager.get('/admin/translations');
    expect(page.body).toContain('action="/admin/languages/en/translate"');
    expect(page.body).toContain('Traducir contenido con IA');
    expect(page.body).not.toContain('action="/admin/languages/es/translate"');

    const sent = await manager.post('/admin/languages/en/translate');
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/admin/translations');
    expect((await queued()).map((j) => j.data)).toEqual([{ language: 'en' }]);
    expect((await manager.get('/admin/translations')).body).toContain('Traducción con IA de English en marcha');

    const desk = await browserOf('receptionist');
    expect((await desk.get('/admin/translations')).body).not.toContain('Traducir contenido con IA');
    expect((await desk.post('/admin/languages/en/translate')).statusCode).toBe(403);
    expect(await queued()).toHaveLength(1);
  });
});
