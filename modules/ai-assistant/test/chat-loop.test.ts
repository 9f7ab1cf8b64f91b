import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, offeredTools, type SentRequest, startLoopbackServer, type TestPlatform, textReply, toolReply } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages, chatSessions } from '../src/ai-assistant.tables';
import { createAiAssistantModule } from '../src/index';
import type { AiAssistantServices } from '../src/services';

let llm: Awaited<ReturnType<typeof startLoopbackServer>>;
let platform: TestPlatform;
let s: AiAssistantServices;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let luna: { id: number; name: string };

const sent = (i: number) => JSON.parse(llm.requests[i]!.body) as SentRequest;
const rowsOf = (sessionId: number) => platform.ctx.db.select().from(chatMessages).where(eq(chatMessages.sessionId, sessionId)).orderBy(asc(chatMessages.id));

beforeAll(async () => {
  llm = await startLoopbackServer();
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, createAiAssistantModule()], {
    env: {
      AI_ASSISTANT__PROVIDER: 'openai',
      AI_ASSISTANT__API_KEY: 'sk-test',
      AI_ASSISTANT__BASE_URL: llm.baseUrl,
      AI_ASSISTANT__MODEL: 'test/model-1',
      AI_ASSISTANT__MAX_TOOL_STEPS: '4',
    },
  });
  s = platform.services['ai-assistant'];
  owner = await OwnerFactory(platform, { name: 'María López' });
  vet = await StaffFactory(platform, 'veterinarian');
  luna = await PetFactory(platform, owner.actor, { name: 'Luna' });
});
afterEach(() => {
  llm.requests.length = 0;
});
afterAll(async () => {
  await platform?.close();
  await llm?.close();
});

describe('the tool loop against an OpenAI-compatible server', () => {
  it('offers each caller only the tools they may use', async () => {
    llm.respondWith(textReply('Hola'), textReply('Hola'), textReply('Hola'));
    await s.chat.processMessage(anonymous('es'), { message: 'Hola' }, { sessionKey: 'guest-key-0123456789abcdef0123456789' });
    await s.chat.processMessage(owner.actor, { message: 'Hola' });
    await s.chat.processMessage(vet.actor, { message: 'Hola' });
    const [guest, ownerTools, staffTools] = [0, 1, 2].map((i) => offeredTools(sent(i)));
    expect(guest).toContain('search_knowledge_base');
    expect(guest).toContain('request_human');
    expect(guest).not.toContain('list_user_pets');
    expect(ownerTools).toEqual(expect.arrayContaining(['list_user_pets', 'get_vaccination_status', 'get_pet_profile']));
    expect(ownerTools).not.toContain('search_pets');
    expect(ownerTools).not.toContain('add_clinical_note');
    expect(staffTools).toEqual(expect.arrayContaining(['search_pets', 'add_clinical_note', 'list_user_pets']));
    // The request is a real chat-completions call: key, model, limits, system prompt naming the caller.
    expect(llm.requests[1]!.path).toBe('/chat/completions');
    expect(llm.requests[1]!.headers.authorization).toBe('Bearer sk-test');
    expect(sent(1)).toMatchObject({ model: 'test/model-1', stream: true, max_tokens: 4096, temperature: 0.7 });
    expect(sent(1).messages[0]!.content).toContain('signed-in pet owner named María López');
    expect(sent(0).messages[0]!.content).toContain('guest who has not signed in');
  });

  it('runs several steps of tool calls as the caller and records calls, results, tokens and model', async () => {
    llm.respondWith(
      toolReply([{ name: 'list_user_pets', arguments: {} }]),
      toolReply([{ name: 'get_vaccination_status', arguments: { petId: luna.id } }], { model: 'test/model-2' }),
      textReply('Luna no tiene vacunas registradas todavía.', { model: 'test/model-2' }),
    );
    const reply = await s.chat.processMessage(owner.actor, { message: '¿Luna tiene sus vacunas al día?' });
    expect(llm.requests).toHaveLength(3);
    // The second call carries the first tool's result: the owner's own pet.
    const second = sent(1).messages;
    const toolMessage = second.find((m) => m.role === 'tool')!;
    expect(toolMessage.tool_call_id).toBe('call_0_list_user_pets');
    expect(toolMessage.content).toContain('"name":"Luna"');
    expect(second.find((m) => m.tool_calls)?.tool_calls?.[0]?.function).toEqual({ name: 'list_user_pets', arguments: '{}' });
    expect(reply).toMatchObject({ mode: 'llm', message: 'Luna no tiene vacunas registradas todavía.', model: 'test/model-2', handedOff: false });
    expect(reply.toolCalls.map((c) => c.name)).toEqual(['list_user_pets', 'get_vaccination_status']);
    expect(reply.toolCalls[1]!.arguments).toEqual({ petId: luna.id });
    expect(reply.toolResults.every((r) => r.ok)).toBe(true);
    expect(reply.tokensUsed).toBe(220 + 220 + 150);
    const rows = await rowsOf(reply.conversationId);
    expect(rows.slice(-4).map((r) => [r.role, r.toolCalls.length, r.model])).toEqual([
      ['user', 0, ''],
      ['assistant', 1, 'test/model-1'],
      ['assistant', 1, 'test/model-2'],
      ['assistant', 0, 'test/model-2'],
    ]);
  });

  it('feeds tool errors back to the model instead of failing', async () => {
    const other = await OwnerFactory(platform);
    const rocky = await PetFactory(platform, other.actor, { name: 'Rocky' });
    llm.respondWith(
      toolReply([
        { name: 'get_pet_profile', arguments: { petId: rocky.id } },
        { name: 'get_vaccination_status', arguments: '{"petId": ' },
        { name: 'no_such_tool', arguments: {} },
      ]),
      textReply('No puedo ver esa mascota.'),
    );
    const reply = await s.chat.processMessage(owner.actor, { message: 'Muéstrame a Rocky' });
    expect(reply.message).toBe('No puedo ver esa mascota.');
    expect(reply.toolResults.map((r) => [r.ok, r.error?.code])).toEqual([
      [false, 'vet_clinic.pet_not_found'],
      [false, 'ai_assistant.invalid_arguments'],
      [false, 'tools.unknown_tool'],
    ]);
    const toolMessages = sent(1)
      .messages.filter((m) => m.role === 'tool')
      .slice(-3);
    expect(toolMessages).toHaveLength(3);
    expect(toolMessages[0]!.content).toContain('"error"');
    expect(toolMessages[0]!.content).not.toContain('Rocky');
  });

  it('stops after MAX_TOOL_STEPS model calls and offers a person', async () => {
    for (let i = 0; i < 6; i++) llm.respondWith(toolReply([{ name: 'list_user_pets', arguments: {} }]));
    const reply = await s.chat.processMessage(owner.actor, { message: 'Haz algo que nunca termina' });
    expect(llm.requests).toHaveLength(4);
    expect(reply.message).toContain('No logré terminar');
    expect(reply.buttons.map((b) => b.value)).toEqual(['#human']);
    expect(reply.toolCalls).toHaveLength(4);
  });

  it('streams the answer in pieces that add up to the stored message', async () => {
    const text = 'Abrimos de lunes a viernes de 9:00 a 19:00 y los sábados de 9:00 a 14:00.';
    llm.respondWith(textReply(text, { size: 10 }));
    const deltas: string[] = [];
    const reply = await s.chat.processMessage(vet.actor, { message: '¿Horario?' }, { onText: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(text);
    expect(reply.message).toBe(text);
  });

  it('sends the conversation so far with each message, and starts afresh after CONVERSATION_TTL_HOURS', async () => {
    const ana = await OwnerFactory(platform, { name: 'Ana' });
    llm.respondWith(toolReply([{ name: 'list_user_pets', arguments: {} }]), textReply('No tienes mascotas registradas.'), textReply('De nada.'));
    const first = await s.chat.processMessage(ana.actor, { message: '¿Qué mascotas tengo?' });
    const second = await s.chat.processMessage(ana.actor, { message: 'Gracias' });
    expect(second.conversationId).toBe(first.conversationId);
    expect([first.newConversation, second.newConversation]).toEqual([true, false]);
    const history = sent(2).messages.map((m) => m.role);
    expect(history).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user']);
    expect(sent(2).messages.at(-1)!.content).toBe('Gracias');

    const stored = await s.chat.getConversationHistory(ana.actor, first.conversationId);
    expect(stored.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant', 'user', 'assistant']);
    await expect(s.chat.getConversationHistory(owner.actor, first.conversationId)).rejects.toMatchObject({ code: 'ai_assistant.conversation_not_found' });

    platform.clock.advance(25 * 3_600_000);
    llm.respondWith(textReply('Hola de nuevo.'));
    const later = await s.chat.processMessage(ana.actor, { message: 'Hola', conversationId: first.conversationId });
    expect(later.conversationId).not.toBe(first.conversationId);
    expect(sent(3).messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(await s.chat.endIdleSessions()).toBeGreaterThanOrEqual(1);
    const [old] = await platform.ctx.db.select().from(chatSessions).where(eq(chatSessions.id, first.conversationId));
    expect(old!.endedAt).not.toBeNull();
  });

  it('the history sent always opens on a person’s message, however long the conversation', async () => {
    const long = await OwnerFactory(platform);
    llm.respondWith(textReply('Hola'));
    const first = await s.chat.processMessage(long.actor, { message: 'Hola' });
    // A long run of answers (a busy tool loop) pushes the person's message out of the window.
    await platform.ctx.db
      .insert(chatMessages)
      .values(Array.from({ length: 45 }, (_, i) => ({ sessionId: first.conversationId, role: 'assistant' as const, content: `paso ${i}` })));
    llm.respondWith(textReply('Listo'));
    await s.chat.processMessage(long.actor, { message: '¿Y ahora?' });
    expect(sent(1).messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent(1).messages[1]!.content).toBe('¿Y ahora?');
  });

  it('hands off to a person when the model calls request_human, and staff see the transcript', async () => {
    await platform.ctx.db.execute(`update accounts.owner_profiles set phone = '5512345678' where user_id = '${owner.user.id}'`);
    llm.respondWith(
      toolReply([{ name: 'request_human', arguments: { reason: 'Quiere hablar con la doctora sobre una cirugía' } }]),
      textReply('Listo, te contactarán.'),
    );
    const reply = await s.chat.processMessage(owner.actor, { message: 'Quiero hablar con una persona' });
    expect(reply.handedOff).toBe(true);
    const [session] = await platform.ctx.db.select().from(chatSessions).where(eq(chatSessions.id, reply.conversationId));
    expect(session!.handedOffAt).not.toBeNull();
    const omni = platform.services.omnichannel;
    const conversation = await omni.inbox.getConversation(vet.actor, session!.context.handoffConversationId!);
    expect(conversation).toMatchObject({ status: 'escalated', priority: 'high', ownerId: owner.user.id });
    expect(conversation.messages.at(-1)!.content).toContain(`/admin/assistant/conversations/${reply.conversationId}`);
    expect(conversation.messages.at(-1)!.content).toContain('cirugía');
    const transcript = await s.chat.getTranscript(vet.actor, reply.conversationId);
    expect(transcript.messages.some((m) => m.toolCalls.some((c) => c.name === 'request_human'))).toBe(true);
    await expect(s.chat.getTranscript(owner.actor, reply.conversationId)).rejects.toMatchObject({ code: 'auth.staff_only' });
  });

  it('a guest must leave a contact before a person is asked to answer', async () => {
    llm.respondWith(toolReply([{ name: 'request_human', arguments: { reason: 'Dudas' } }]), textReply('¿Me dejas tu WhatsApp?'));
    const reply = await s.chat.processMessage(anonymous('es'), { message: 'Quiero una persona' }, { sessionKey: 'guest-key-abcdefabcdefabcdefabcdef0001' });
    expect(reply.handedOff).toBe(false);
    expect(reply.toolResults[0]).toMatchObject({ ok: false, error: { code: 'omnichannel.unreachable' } });
  });

  it('rejects bad input with a clear error and writes nothing', async () => {
    const before = (await platform.ctx.db.select({ n: count() }).from(chatMessages))[0]!.n;
    await expect(s.chat.processMessage(owner.actor, { message: '   ' })).rejects.toMatchObject({ code: 'validation.invalid_input' });
    await expect(s.chat.processMessage(owner.actor, { message: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'validation.invalid_input' });
    await expect(s.chat.processMessage(anonymous('es'), { message: 'hola' })).rejects.toMatchObject({ code: 'ai_assistant.session_required' });
    await expect(s.chat.processMessage(owner.actor, { message: 'hola', conversationId: 999999 })).rejects.toMatchObject({
      code: 'ai_assistant.conversation_not_found',
    });
    expect((await platform.ctx.db.select({ n: count() }).from(chatMessages))[0]!.n).toBe(before);
    expect(llm.requests).toHaveLength(0);
  });
});
