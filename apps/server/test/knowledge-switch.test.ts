import { StaffFactory } from '@petfriendly/accounts/testing';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

const GUEST = 'switch-guest-key-0123456789abcdefghij';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { AI_ASSISTANT__KNOWLEDGE_BASE_ENABLED: 'false' } });
  await StaffFactory(t.platform, 'admin');
});
afterAll(async () => t?.close());

const chat = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/chat/messages', payload: { sessionKey: GUEST, ...payload } });

describe('KNOWLEDGE_BASE_ENABLED=false: no help centre, and nothing points to one', () => {
  it('the help pages and the FAQ API answer 404, and no page links to them', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/help' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/help/horarios' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/knowledge?query=vacunas' });
    expect(api.statusCode).toBe(404);
    expect(json(api).error.code).toBe('ai_assistant.knowledge_disabled');
    const home = parseDocument((await t.app.inject({ method: 'GET', url: '/' })).body);
    const hrefs = DomUtils.getElementsByTagName('a', home).map((a) => a.attribs.href);
    expect(hrefs).toContain('/chat');
    expect(hrefs.filter((h) => h?.startsWith('/help'))).toEqual([]);
  });

  it("the chat's menu has no FAQ button, and a question gets the menu instead of a broken search", async () => {
    const question = json(await chat({ message: '¿Aceptan tarjeta de crédito?' }));
    expect(question.toolCalls.map((c: { name: string }) => c.name)).not.toContain('search_knowledge_base');
    const values = question.buttons.map((b: { value: string }) => b.value);
    expect(values).toContain('#book');
    expect(values).not.toContain('#faq');
    const pressed = json(await chat({ message: 'Preguntas frecuentes', action: '#faq', conversationId: question.conversationId }));
    expect(pressed.buttons.map((b: { value: string }) => b.value)).not.toContain('#faq');
    expect(pressed.toolCalls).toEqual([]);
  });
});
