import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { multilingualModule, sha256 } from '@petfriendly/multilingual';
import { translationCache } from '@petfriendly/multilingual/tables';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type SentRequest, startLoopbackServer, type TestPlatform, textReply } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiAssistantSettings } from '../src/ai-assistant.settings';
import { chatMessages } from '../src/ai-assistant.tables';
import { providerFromSettings } from '../src/chat/providers/index';
import { aiAssistantModule } from '../src/index';
import type { AiAssistantServices } from '../src/services';
import { siteUrl } from '../src/site-url';

const PROVIDER_DOWN = 'El asistente inteligente no está disponible en este momento; te ayudo con las opciones guiadas.';

let llm: Awaited<ReturnType<typeof startLoopbackServer>>;

beforeAll(async () => {
  llm = await startLoopbackServer();
});
afterEach(() => {
  llm.requests.length = 0;
});
afterAll(async () => llm?.close());

const sent = (i: number) => JSON.parse(llm.requests[i]!.body) as SentRequest;
const settings = (env: Record<string, string>) => aiAssistantSettings.parse(env);

describe('providerFromSettings', () => {
  it('chooses guided mode (no provider) without an API key, or with PROVIDER=local', () => {
    expect(providerFromSettings(settings({}))).toBeNull();
    expect(providerFromSettings(settings({ PROVIDER: 'openai', API_KEY: '' }))).toBeNull();
    expect(providerFromSettings(settings({ PROVIDER: 'anthropic' }))).toBeNull();
    expect(providerFromSettings(settings({ PROVIDER: 'local', API_KEY: 'sk-test' }))).toBeNull();
  });

  it('names the provider the settings choose; OpenRouter is the default', () => {
    expect(providerFromSettings(settings({ API_KEY: 'sk-test' }))?.name).toBe('openrouter');
    expect(providerFromSettings(settings({ PROVIDER: 'openrouter', API_KEY: 'sk-test' }))?.name).toBe('openrouter');
    expect(providerFromSettings(settings({ PROVIDER: 'openai', API_KEY: 'sk-test' }))?.name).toBe('openai');
    expect(providerFromSettings(settings({ PROVIDER: 'anthropic', API_KEY: 'sk-ant-test' }))?.name).toBe('anthropic');
  });

  const oneCall = async (provider: ReturnType<typeof providerFromSettings>) => {
    llm.respondWith(textReply('Hola, ¿en qué te ayudo?'));
    return provider!.complete({
      model: 'test/model-1',
      system: 'Eres el asistente.',
      messages: [{ role: 'user', content: 'Hola' }],
      tools: [],
      maxTokens: 100,
      temperature: 0,
    });
  };

  it('sends OpenRouter requests to BASE_URL with the key and the app headers', async () => {
    const provider = providerFromSettings(settings({ PROVIDER: 'openrouter', API_KEY: 'sk-or-test', BASE_URL: llm.baseUrl }), {
      url: 'https://vet.example.mx',
      name: 'Clínica Pet-Friendly',
    });
    const answer = await oneCall(provider);
    expect(answer.text).toBe('Hola, ¿en qué te ayudo?');
    expect(llm.requests).toHaveLength(1);
    const request = llm.requests[0]!;
    expect(request.path).toBe('/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-or-test');
    expect(request.headers['http-referer']).toBe('https://vet.example.mx');
    expect(request.headers['x-title']).toBe('Clínica Pet-Friendly');
    expect(sent(0)).toMatchObject({ model: 'test/model-1', max_tokens: 100, temperature: 0 });
    expect(sent(0).messages.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Eres el asistente.'],
      ['user', 'Hola'],
    ]);
  });

  it('OpenAI requests carry no OpenRouter headers', async () => {
    const provider = providerFromSettings(settings({ PROVIDER: 'openai', API_KEY: 'sk-test', BASE_URL: llm.baseUrl }), {
      url: 'https://vet.example.mx',
      name: 'Clínica Pet-Friendly',
    });
    await oneCall(provider);
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(llm.requests[0]!.headers['http-referer']).toBeUndefined();
    expect(llm.requests[0]!.headers['x-title']).toBeUndefined();
  });
});

describe('a platform whose provider is configured (OpenRouter on loopback)', () => {
  let platform: TestPlatform;
  let s: AiAssistantServices;
  let owner: Awaited<ReturnType<typeof OwnerFactory>>;

  beforeAll(async () => {
    platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, aiAssistantModule], {
      env: {
        AI_ASSISTANT__PROVIDER: 'openrouter',
        AI_ASSISTANT__API_KEY: 'sk-or-test',
        AI_ASSISTANT__BASE_URL: llm.baseUrl,
        AI_ASSISTANT__MODEL: 'test/model-1',
      },
    });
    s = platform.services['ai-assistant'];
    owner = await OwnerFactory(platform, { name: 'María López' });
  });
  afterAll(async () => platform?.close());

  const rowsOf = (sessionId: number) => platform.ctx.db.select().from(chatMessages).where(eq(chatMessages.sessionId, sessionId)).orderBy(asc(chatMessages.id));

  it('the chat uses the model, with the site and clinic name as OpenRouter headers', async () => {
    llm.respondWith(textReply('¡Hola, María!'));
    const reply = await s.chat.processMessage(owner.actor, { message: 'Hola' });
    expect(reply).toMatchObject({ mode: 'llm', message: '¡Hola, María!' });
    expect(llm.requests[0]!.headers['http-referer']).toBe(siteUrl(platform.ctx));
    expect(llm.requests[0]!.headers['x-title']).toBe(platform.ctx.clinic.NAME);
  });

  // A 401 is not retried; a 500 is retried once by the SDK (the loopback answers 500 when nothing is scripted).
  it.each([
    ['rejects the key (401)', () => llm.respondWith({ status: 401, body: { error: { message: 'Invalid API key' } } }), 1],
    ['keeps failing (500)', () => undefined, 2],
  ])('falls back to guided mode when the provider %s, and stores the turn', async (_, fail, attempts) => {
    fail();
    const reply = await s.chat.processMessage(owner.actor, { message: 'hola' });
    expect(llm.requests).toHaveLength(attempts);
    expect(reply.mode).toBe('guided');
    expect(reply.model).toBe('guided');
    expect(reply.handedOff).toBe(false);
    expect(reply.message.startsWith(`${PROVIDER_DOWN}\n\n`)).toBe(true);
    expect(reply.buttons.map((b) => b.value)).toEqual(['#book', '#resched', '#vacc', '#products', '#orders', '#clinic', '#faq', '#human']);
    const stored = (await rowsOf(reply.conversationId)).slice(-2);
    expect(stored.map((m) => [m.role, m.content, m.model])).toEqual([
      ['user', 'hola', ''],
      ['assistant', reply.message, 'guided'],
    ]);
    expect(stored[1]!.actions.buttons).toEqual(reply.buttons);

    // Still down: the guided answer goes on in the same conversation, and "1" picks its first button.
    fail();
    const next = await s.chat.processMessage(owner.actor, { message: '1', conversationId: reply.conversationId });
    expect(next.conversationId).toBe(reply.conversationId);
    expect(next.mode).toBe('guided');
    expect(next.toolCalls.map((c) => c.name)).toEqual(['list_user_pets']);
    expect(llm.requests).toHaveLength(2 * attempts);
  });

  describe('the LLM translator behind the multilingual module', () => {
    const cached = (text: string) =>
      platform.ctx.db
        .select()
        .from(translationCache)
        .where(eq(translationCache.contentHash, sha256(text)));

    it('translates through the model: one call naming both languages, answered with a JSON array', async () => {
      llm.respondWith(textReply('["Hello"]'));
      const result = await platform.services.multilingual.translation.translate('Hola', 'en', 'es');
      expect(result).toEqual({ text: 'Hello', status: 'translated', sourceLanguage: 'es', targetLanguage: 'en' });
      expect(llm.requests).toHaveLength(1);
      const request = sent(0);
      expect(request.temperature).toBe(0);
      expect(request.tools ?? []).toHaveLength(0);
      expect(request.messages[0]!.role).toBe('system');
      expect(request.messages[0]!.content).toContain('from Spanish (Mexico) to English');
      expect(request.messages.at(-1)).toMatchObject({ role: 'user', content: '["Hola"]' });
      expect((await cached('Hola')).map((r) => [r.targetLanguage, r.translation])).toEqual([['en', 'Hello']]);

      // Asked again: from the cache, no second call.
      const again = await platform.services.multilingual.translation.translate('Hola', 'en', 'es');
      expect(again.status).toBe('cached');
      expect(llm.requests).toHaveLength(1);
    });

    it('accepts the array inside a ```json fence', async () => {
      llm.respondWith(textReply('```json\n["Good evening"]\n```'));
      const result = await platform.services.multilingual.translation.translate('Buenas noches', 'en', 'es');
      expect(result).toMatchObject({ text: 'Good evening', status: 'translated' });
      expect(sent(0).messages[0]!.content).toContain('to English');
    });

    it.each([
      ['an array of the wrong length', '["Good morning", "Hello"]'],
      ['plain text', 'Good morning'],
      ['an object', '{"translation": "Good morning"}'],
      ['an array that is not of strings', '[42]'],
    ])('refuses %s: translator_unavailable, nothing stored', async (_, answer) => {
      llm.respondWith(textReply(answer));
      await expect(platform.services.multilingual.translation.translate('Buenos días', 'en', 'es')).rejects.toMatchObject({
        code: 'multilingual.translator_unavailable',
      });
      expect(llm.requests).toHaveLength(1);
      expect(await cached('Buenos días')).toHaveLength(0);
    });

    it('a failing provider is translator_unavailable too', async () => {
      llm.respondWith({ status: 401, body: { error: { message: 'Invalid API key' } } });
      await expect(platform.services.multilingual.translation.translate('Buenos días', 'fr', 'es')).rejects.toMatchObject({
        code: 'multilingual.translator_unavailable',
      });
      expect(await cached('Buenos días')).toHaveLength(0);
    });
  });
});
