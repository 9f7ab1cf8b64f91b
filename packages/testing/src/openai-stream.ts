import type { ScriptedResponse } from './loopback-http-server';

/**
 * Scripted replies of an OpenAI-compatible chat-completions API, streamed as server-sent events the
 * way OpenRouter and OpenAI send them: text in several deltas, tool calls in fragments, usage last.
 */
const sse = (chunks: object[]): ScriptedResponse => ({
  status: 200,
  contentType: 'text/event-stream',
  body: `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`,
});

const chunk = (model: string, delta: object, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model,
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const usage = (model: string, prompt: number, completion: number) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model,
  choices: [],
  usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
});

/** A final answer, streamed in pieces of about `size` characters. */
export function textReply(text: string, options: { model?: string; size?: number } = {}): ScriptedResponse {
  const model = options.model ?? 'test/model-1';
  const size = options.size ?? 12;
  const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [''];
  return sse([
    chunk(model, { role: 'assistant', content: '' }),
    ...pieces.map((p) => chunk(model, { content: p })),
    chunk(model, {}, 'stop'),
    usage(model, 120, 30),
  ]);
}

/** One step that calls tools; each call's JSON arguments arrive in two fragments. */
export function toolReply(calls: { name: string; arguments: unknown }[], options: { model?: string; text?: string } = {}): ScriptedResponse {
  const model = options.model ?? 'test/model-1';
  const head = calls.map((c, index) =>
    chunk(model, { tool_calls: [{ index, id: `call_${index}_${c.name}`, type: 'function', function: { name: c.name, arguments: '' } }] }),
  );
  const parts = calls.flatMap((c, index) => {
    const json = typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments);
    const cut = Math.floor(json.length / 2);
    return [json.slice(0, cut), json.slice(cut)].map((piece) => chunk(model, { tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  return sse([chunk(model, { role: 'assistant', content: options.text ?? null }), ...head, ...parts, chunk(model, {}, 'tool_calls'), usage(model, 200, 20)]);
}

export interface SentRequest {
  model: string;
  stream: boolean;
  max_tokens: number;
  temperature: number;
  messages: { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
}

export const offeredTools = (request: SentRequest) => (request.tools ?? []).map((t) => t.function.name).sort();
