import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

// A clinic open Monday to Friday 10:00–18:30: the assistant must say so, not what the FAQ was written with.
let t: TestApp;
let ADDRESS: string;

beforeAll(async () => {
  t = await createTestApp({
    env: { APPOINTMENTS__CLOSED_DAYS: '[5,6]', APPOINTMENTS__WORKING_HOURS: '{"start":"10:00","end":"18:30"}' },
  });
  ADDRESS = t.platform.ctx.clinic.ADDRESS;
});
afterAll(async () => t?.close());

const ask = async (message: string, sessionKey: string) =>
  json(await t.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { message, sessionKey } }));

describe('the assistant answers hours and address from the clinic’s settings', () => {
  it('asked when it opens or where it is, a guest gets the configured days, hours and address', async () => {
    for (const question of ['¿A qué hora abren?', '¿Dónde están ubicados?', 'horario']) {
      const answer = await ask(question, `clinic-guest-${question.length}-0123456789abcdef`);
      expect(answer.toolCalls.map((c: { name: string }) => c.name)).toEqual(['get_clinic_info']);
      expect(answer.message).toContain('de lunes a viernes, de 10:00 a 18:30');
      expect(answer.message).toContain(ADDRESS);
      expect(answer.message).not.toContain('sábado');
    }
  });

  it('the chat page shows the answer, never "Modo guiado" to a customer, and streams the answer with its HTML', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/chat' });
    expect(page.body).not.toContain('Modo guiado');
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const streamed = await t.app.inject({
      method: 'POST',
      url: '/chat/stream',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': token },
      payload: { message: '¿Cuál es su dirección?' },
    });
    const done = JSON.parse(/event: done\ndata: (.*)\n\n/.exec(streamed.body)![1]!);
    expect(done.html).toContain(ADDRESS);
    const again = await t.app.inject({ method: 'GET', url: '/chat', headers: { cookie } });
    expect(again.body).toContain(ADDRESS);
    expect(again.body).not.toContain('Modo guiado');
  });
});
