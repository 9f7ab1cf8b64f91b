import { OwnerFactory } from '@petfriendly/accounts/testing';
import { startLoopbackServer, textReply, toolReply } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let llm: Awaited<ReturnType<typeof startLoopbackServer>>;
let t: TestApp;

beforeAll(async () => {
  llm = await startLoopbackServer();
  t = await createTestApp({ env: { AI_ASSISTANT__PROVIDER: 'openai', AI_ASSISTANT__API_KEY: 'sk-test', AI_ASSISTANT__BASE_URL: llm.baseUrl } });
});
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

describe('the chat page with a model', () => {
  it('streams the model’s words to the page as they come, then the finished answer', async () => {
    const owner = await OwnerFactory(t.platform, { password: 'mi-perro-toby-1', email: 'stream@example.mx' });
    const signIn = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const token = /name="_csrf" value="([^"]+)"/.exec(signIn.body)![1]!;
    const jar = new Map(signIn.cookies.map((c) => [c.name, c.value]));
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&email=${encodeURIComponent(owner.user.email)}&password=mi-perro-toby-1`,
    });
    expect(signedIn.statusCode).toBe(303);
    for (const c of signedIn.cookies) jar.set(c.name, c.value);

    const page = await t.app.inject({ method: 'GET', url: '/chat', headers: { cookie: cookie() } });
    expect(page.body).not.toContain('Modo guiado');
    const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
    llm.respondWith(
      toolReply([{ name: 'list_user_pets', arguments: {} }]),
      textReply('Todavía no tienes mascotas registradas; puedes agregarlas en Mis mascotas.', { size: 8 }),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/chat/stream',
      headers: { cookie: cookie(), 'content-type': 'application/json', 'x-csrf-token': csrf },
      payload: { message: '¿Qué mascotas tengo?' },
    });
    const events = res.body
      .trim()
      .split('\n\n')
      .map((frame) => ({ event: /^event: (.*)$/m.exec(frame)![1], data: JSON.parse(/^data: (.*)$/m.exec(frame)![1]!) }));
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text as string);
    expect(deltas.length).toBeGreaterThan(5);
    expect(events.find((e) => e.event === 'tool')?.data).toEqual({ name: 'list_user_pets' });
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({ mode: 'llm', message: deltas.join('') });
    expect(done.data.toolCalls.map((c: { name: string }) => c.name)).toEqual(['list_user_pets']);
  });
});
