import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

const GUEST = 'api-guest-key-0123456789abcdefghijkl';
let t: TestApp;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let other: Awaited<ReturnType<typeof OwnerFactory>>;
let staff: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp();
  owner = await OwnerFactory(t.platform);
  other = await OwnerFactory(t.platform);
  staff = await StaffFactory(t.platform, 'receptionist');
});
afterAll(async () => t?.close());

const send = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/chat/messages', headers, payload });

describe('the chat over the JSON API (guided mode: no API key)', () => {
  it('answers in the language asked for, whatever the caller’s default', async () => {
    const asked = json(await send({ message: 'hola', sessionKey: 'api-guest-english-0123456789abcdefgh', language: 'en' }));
    expect(asked.buttons.map((b: { label: string }) => b.label)).toContain('Book an appointment');
    expect((await send({ message: 'hola', sessionKey: 'api-guest-english-0123456789abcdefgh', language: 'xx' })).statusCode).toBe(422);
  });

  it('a guest with their own key chats; without a key or with a bad button value the request is refused', async () => {
    const first = await send({ message: '¿Cómo pago?', sessionKey: GUEST });
    expect(first.statusCode).toBe(200);
    const answer = json(first);
    expect(answer).toMatchObject({ mode: 'guided', model: 'guided', handedOff: false });
    expect(answer.message.length).toBeGreaterThan(20);
    expect(answer.toolCalls.map((c: { name: string }) => c.name)).toContain('search_knowledge_base');
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/chat/conversations/${answer.conversationId}/messages?sessionKey=${GUEST}` });
    expect(json(history).messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);

    const keyless = await send({ message: 'hola' });
    expect(keyless.statusCode).toBe(422);
    expect(json(keyless).error.code).toBe('ai_assistant.session_required');
    const forged = await send({ message: 'hola', action: 'book; drop table', sessionKey: GUEST });
    expect(forged.statusCode).toBe(422);
    expect(json(forged).error.fields[0].field).toBe('action');
  });

  it("an owner's conversation is theirs alone; staff read every conversation", async () => {
    const mine = json(await send({ message: 'Quiero ver mis pedidos', action: '#orders' }, owner.auth));
    expect(mine.toolCalls.map((c: { name: string }) => c.name)).toContain('get_my_orders');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/chat/conversations/${mine.conversationId}/messages`, headers: other.auth })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/chat/conversations/${mine.conversationId}/messages?sessionKey=${GUEST}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/chat/conversations', headers: owner.auth })).statusCode).toBe(403);
    const list = json(await t.app.inject({ method: 'GET', url: '/api/v1/chat/conversations', headers: staff.auth }));
    expect(list.items.some((c: { id: number }) => c.id === mine.conversationId)).toBe(true);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/chat/conversations/${mine.conversationId}/messages`, headers: staff.auth });
    expect(json(read).messages).toHaveLength(2);

    const ended = await t.app.inject({ method: 'POST', url: `/api/v1/chat/conversations/${mine.conversationId}/end`, headers: owner.auth, payload: {} });
    expect(ended.statusCode).toBe(204);
    const next = json(await send({ message: 'hola' }, owner.auth));
    expect(next.conversationId).not.toBe(mine.conversationId);
  });

  it('the page streams the answer as server-sent events, behind the form token', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/chat' });
    expect(page.statusCode).toBe(200);
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(cookie).toContain('pf_chat=');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/chat/stream',
      headers: { cookie, 'content-type': 'application/json' },
      payload: { message: 'hola' },
    });
    expect(refused.statusCode).toBe(403);
    const streamed = await t.app.inject({
      method: 'POST',
      url: '/chat/stream',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': token },
      payload: { message: '¿Cuánto cuesta la consulta?' },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['content-type']).toContain('text/event-stream');
    const done = /event: done\ndata: (.*)\n\n/.exec(streamed.body);
    expect(done).not.toBeNull();
    expect(JSON.parse(done![1]!).links.some((l: { href: string }) => l.href === '/help/servicios-y-precios')).toBe(true);
    // The same guest cookie finds the conversation again.
    const again = await t.app.inject({ method: 'GET', url: '/chat', headers: { cookie } });
    expect(again.body).toContain('Consulta general');
    // Staff pages are staff only.
    expect((await t.app.inject({ method: 'GET', url: '/admin/assistant/conversations', headers: { cookie } })).statusCode).not.toBe(200);
  });
});

describe('guided mode speaks the caller’s language, errors included', () => {
  it("a forged pet in a button is refused in the owner's words", async () => {
    const res = json(await send({ message: 'Vacunas', action: '#vacc:pet:999999' }, owner.auth));
    expect(res.toolResults[0]).toMatchObject({ ok: false, error: { code: 'vet_clinic.pet_not_found' } });
    expect(res.message).toContain('No encontramos esa mascota entre las tuyas.');
  });
});

describe('rate limits count per person', () => {
  it('thirty messages a minute each: one person hitting the limit does not stop another', async () => {
    const chatty = await OwnerFactory(t.platform);
    const calm = await OwnerFactory(t.platform);
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await send({ message: `hola ${i}` }, chatty.auth)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes[30]).toBe(429);
    expect((await send({ message: 'hola' }, calm.auth)).statusCode).toBe(200);
  });
});
