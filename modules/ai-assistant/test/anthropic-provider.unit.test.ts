import type { ToolSchema } from '@petfriendly/core';
import { type ScriptedResponse, startLoopbackServer } from '@petfriendly/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicProvider } from '../src/chat/providers/anthropic';
import { type LlmMessage, type LlmRequest, ProviderError } from '../src/chat/providers/provider';

/** One server-sent event, written as the Messages API writes it. */
const sse = (event: Record<string, unknown> & { type: string }) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/** A 200 answer whose body is the event stream, as the Messages API sends it with `stream: true`. */
const eventStream = (...events: string[]): ScriptedResponse => ({ status: 200, contentType: 'text/event-stream', body: events.join('') });

const messageStart = (model: string, inputTokens: number) =>
  sse({
    type: 'message_start',
    message: {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      content: [],
      model,
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: 1 },
    },
  });
const textStart = (index: number) => sse({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
const textDelta = (index: number, text: string) => sse({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
const toolStart = (index: number, id: string, name: string) =>
  sse({ type: 'content_block_start', index, content_block: { type: 'tool_use', id, name, input: {} } });
const jsonDelta = (index: number, partial_json: string) => sse({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
const blockStop = (index: number) => sse({ type: 'content_block_stop', index });
const messageDelta = (stopReason: string, outputTokens: number) =>
  sse({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
const messageStop = sse({ type: 'message_stop' });
const ping = sse({ type: 'ping' });

const tools: ToolSchema[] = [
  {
    type: 'function',
    function: {
      name: 'find_slots',
      description: 'Free appointment slots on a day',
      parameters: { type: 'object', properties: { date: { type: 'string' }, service: { type: 'string' } }, required: ['date'] },
    },
  },
  { type: 'function', function: { name: 'clinic_hours', description: 'Opening hours', parameters: { type: 'object', properties: {} } } },
];

const baseRequest = (overrides: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'claude-sonnet-5-5',
  system: 'You are the assistant of a veterinary clinic.',
  messages: [{ role: 'user', content: '¿Abren el sábado?' }],
  tools: [],
  maxTokens: 512,
  temperature: 0.3,
  ...overrides,
});

let api: Awaited<ReturnType<typeof startLoopbackServer>>;

beforeAll(async () => {
  // The fake Messages API. A short retry-after-ms on every answer (the SDK honours it) keeps retried errors quick.
  api = await startLoopbackServer({ headers: () => ({ 'retry-after-ms': '5', 'request-id': 'req_test' }) });
});
afterAll(async () => {
  await api.close();
});
afterEach(() => {
  api.requests.length = 0;
});

describe('anthropicProvider: streamed answers', () => {
  it('sends a Messages API request and streams the text deltas in order as they arrive', async () => {
    api.respondWith(
      eventStream(
        messageStart('claude-sonnet-5-5-20261015', 42),
        textStart(0),
        ping,
        textDelta(0, 'Sí, '),
        textDelta(0, 'abrimos el sábado '),
        textDelta(0, 'de 9:00 a 14:00.'),
        blockStop(0),
        messageDelta('end_turn', 17),
        messageStop,
      ),
    );
    const deltas: string[] = [];
    const provider = anthropicProvider({ apiKey: 'sk-ant-test-key', baseURL: api.baseUrl, timeoutMs: 5_000 });
    expect(provider.name).toBe('anthropic');

    const response = await provider.complete(
      baseRequest({
        onText: (delta) => deltas.push(delta),
      }),
    );

    expect(deltas).toEqual(['Sí, ', 'abrimos el sábado ', 'de 9:00 a 14:00.']);
    expect(response.text).toBe(deltas.join(''));
    expect(response.text).toBe('Sí, abrimos el sábado de 9:00 a 14:00.');
    expect(response.toolCalls).toEqual([]);
    expect(response.usage).toEqual({ inputTokens: 42, outputTokens: 17 });
    expect(response.model).toBe('claude-sonnet-5-5-20261015');

    expect(api.requests).toHaveLength(1);
    const [sent] = api.requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.path).toBe('/v1/messages');
    // SDK 1.x speaks API version 2026-10-21 and sends the key as a bearer token (the API also still takes x-api-key).
    expect(sent!.headers.authorization).toBe('Bearer sk-ant-test-key');
    expect(sent!.headers['anthropic-version']).toBe('2026-10-21');
    expect(sent!.headers['content-type']).toContain('application/json');
    const body = JSON.parse(sent!.body);
    expect(body).toEqual({
      model: 'claude-sonnet-5-5',
      system: 'You are the assistant of a veterinary clinic.',
      messages: [{ role: 'user', content: '¿Abren el sábado?' }],
      max_tokens: 512,
      stream: true,
    });
    // API version 2026-10-21 answers 400 to any sampling parameter, so none is sent.
    expect(body).not.toHaveProperty('temperature');
  });

  it('maps a tool conversation (tool_use turn, merged tool results, tools) and reassembles streamed tool calls', async () => {
    api.respondWith(
      eventStream(
        messageStart('claude-sonnet-5-5-20261015', 310),
        textStart(0),
        textDelta(0, 'Reviso la agenda '),
        textDelta(0, 'y el horario.'),
        blockStop(0),
        toolStart(1, 'toolu_01A', 'find_slots'),
        jsonDelta(1, ''),
        jsonDelta(1, '{"date": "2026-'),
        jsonDelta(1, '03-14", "serv'),
        jsonDelta(1, 'ice": "vacunación"}'),
        blockStop(1),
        toolStart(2, 'toolu_01B', 'clinic_hours'),
        blockStop(2),
        messageDelta('tool_use', 96),
        messageStop,
      ),
    );
    const history: LlmMessage[] = [
      { role: 'user', content: 'Quiero vacunar a Luna.' },
      { role: 'user', content: 'El sábado, si se puede.' },
      {
        role: 'assistant',
        content: 'Déjame ver.',
        toolCalls: [
          { id: 'toolu_prev1', name: 'find_slots', arguments: '{"date":"2026-03-14"}' },
          { id: 'toolu_prev2', name: 'clinic_hours', arguments: '{not json' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_prev1', name: 'find_slots', content: '{"ok":true,"data":[]}' },
      { role: 'tool', toolCallId: 'toolu_prev2', name: 'clinic_hours', content: '{"ok":true,"data":{"saturday":"9-14"}}' },
      { role: 'user', content: '¿Y otro día?' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_prev3', name: 'clinic_hours', arguments: '' }] },
      { role: 'tool', toolCallId: 'toolu_prev3', name: 'clinic_hours', content: '{"ok":true,"data":{}}' },
    ];
    const deltas: string[] = [];
    const provider = anthropicProvider({ apiKey: 'sk-ant-test-key', baseURL: api.baseUrl, timeoutMs: 5_000 });

    const response = await provider.complete(baseRequest({ messages: history, tools, maxTokens: 1024, onText: (d) => deltas.push(d) }));

    const body = JSON.parse(api.requests[0]!.body);
    expect(body.system).toBe('You are the assistant of a veterinary clinic.');
    expect(body.max_tokens).toBe(1024);
    expect(body.tools).toEqual([
      {
        name: 'find_slots',
        description: 'Free appointment slots on a day',
        input_schema: { type: 'object', properties: { date: { type: 'string' }, service: { type: 'string' } }, required: ['date'] },
      },
      { name: 'clinic_hours', description: 'Opening hours', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(body.messages).toEqual([
      // Consecutive user messages merge into one turn.
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Quiero vacunar a Luna.' },
          { type: 'text', text: 'El sábado, si se puede.' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Déjame ver.' },
          { type: 'tool_use', id: 'toolu_prev1', name: 'find_slots', input: { date: '2026-03-14' } },
          // Invalid JSON from the model becomes an empty input rather than a failed request.
          { type: 'tool_use', id: 'toolu_prev2', name: 'clinic_hours', input: {} },
        ],
      },
      // Both tool results, and the user's next words, in ONE user turn after the tool_use turn.
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_prev1', content: '{"ok":true,"data":[]}' },
          { type: 'tool_result', tool_use_id: 'toolu_prev2', content: '{"ok":true,"data":{"saturday":"9-14"}}' },
          { type: 'text', text: '¿Y otro día?' },
        ],
      },
      // No empty text block: the API rejects them.
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_prev3', name: 'clinic_hours', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_prev3', content: '{"ok":true,"data":{}}' }] },
    ]);

    expect(deltas).toEqual(['Reviso la agenda ', 'y el horario.']);
    expect(response.text).toBe('Reviso la agenda y el horario.');
    expect(response.toolCalls).toEqual([
      { id: 'toolu_01A', name: 'find_slots', arguments: '{"date": "2026-03-14", "service": "vacunación"}' },
      { id: 'toolu_01B', name: 'clinic_hours', arguments: '{}' },
    ]);
    expect(JSON.parse(response.toolCalls[0]!.arguments)).toEqual({ date: '2026-03-14', service: 'vacunación' });
    expect(response.usage).toEqual({ inputTokens: 310, outputTokens: 96 });
    expect(response.model).toBe('claude-sonnet-5-5-20261015');
  });

  it('turns an error event in the middle of the stream into a ProviderError', async () => {
    api.respondWith(
      eventStream(
        messageStart('claude-sonnet-5-5-20261015', 12),
        textStart(0),
        textDelta(0, 'Un mom'),
        sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } as never),
      ),
    );
    const deltas: string[] = [];
    const provider = anthropicProvider({ apiKey: 'sk-ant-test-key', baseURL: api.baseUrl, timeoutMs: 5_000 });

    const error = await provider.complete(baseRequest({ onText: (d) => deltas.push(d) })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).provider).toBe('anthropic');
    expect((error as ProviderError).message).toContain('Overloaded');
    expect(deltas).toEqual(['Un mom']);
  });
});

describe('anthropicProvider: HTTP errors', () => {
  const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message }, request_id: 'req_err' });

  it.each([
    // 401 is not worth retrying; 429 and 500 are retried once, then reported.
    { status: 401, type: 'authentication_error', message: 'invalid x-api-key', attempts: 1 },
    { status: 429, type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit', attempts: 2 },
    { status: 500, type: 'api_error', message: 'Internal server error', attempts: 2 },
  ])('HTTP $status becomes a ProviderError with that status', async ({ status, type, message, attempts }) => {
    api.respondWith(...Array.from({ length: attempts }, () => ({ status, body: errorBody(type, message) })));
    const provider = anthropicProvider({ apiKey: 'sk-ant-bad-key', baseURL: api.baseUrl, timeoutMs: 5_000 });
    const seen: string[] = [];

    const error = await provider.complete(baseRequest({ onText: (d) => seen.push(d) })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).provider).toBe('anthropic');
    expect((error as ProviderError).status).toBe(status);
    expect((error as ProviderError).message).toContain(message);
    expect(api.requests).toHaveLength(attempts);
    expect(api.requests[0]!.path).toBe('/v1/messages');
    expect(seen).toEqual([]);
  });

  it('a request the caller aborts becomes a ProviderError without a status', async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = anthropicProvider({ apiKey: 'sk-ant-test-key', baseURL: api.baseUrl, timeoutMs: 5_000 });

    const error = await provider.complete(baseRequest({ signal: controller.signal })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBeUndefined();
  });
});
