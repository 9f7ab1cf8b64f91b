import type OpenAI from 'openai';
import { type ChatProvider, type LlmMessage, type LlmRequest, type LlmResponse, type LlmToolCall, ProviderError } from './provider';

export const OPENAI_COMPATIBLE_URLS = { openrouter: 'https://openrouter.ai/api/v1', openai: 'https://api.openai.com/v1' } as const;

type WireMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

function toWire(system: string, messages: LlmMessage[]): WireMessage[] {
  return [
    { role: 'system', content: system },
    ...messages.map((m): WireMessage => {
      if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      if (m.role === 'assistant' && m.toolCalls?.length) {
        return {
          role: 'assistant',
          content: m.content || null,
          tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        };
      }
      return { role: m.role, content: m.content };
    }),
  ];
}

/**
 * Any OpenAI-compatible chat-completions API with tool calling: OpenRouter (the default), OpenAI,
 * or a self-hosted server. Answers stream; tool-call fragments are joined by their index.
 */
export function openAiCompatibleProvider(options: {
  name: string;
  apiKey: string;
  baseURL: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}): ChatProvider {
  let client: OpenAI | undefined;
  const clientOf = async () => {
    // Loaded on first use: a clinic without an API key never pays for the SDK.
    const { default: OpenAIClient } = await import('openai');
    client ??= new OpenAIClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      defaultHeaders: options.headers,
      timeout: options.timeoutMs ?? 60_000,
      maxRetries: 1,
    });
    return client;
  };

  return {
    name: options.name,
    async complete(request: LlmRequest): Promise<LlmResponse> {
      const api = await clientOf();
      let text = '';
      let model = request.model;
      const calls = new Map<number, LlmToolCall>();
      const usage = { inputTokens: 0, outputTokens: 0 };
      try {
        const stream = await api.chat.completions.create(
          {
            model: request.model,
            messages: toWire(request.system, request.messages),
            ...(request.tools.length ? { tools: request.tools } : {}),
            max_tokens: request.maxTokens,
            temperature: request.temperature,
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: request.signal },
        );
        for await (const chunk of stream) {
          if (chunk.model) model = chunk.model;
          if (chunk.usage) {
            usage.inputTokens = chunk.usage.prompt_tokens ?? 0;
            usage.outputTokens = chunk.usage.completion_tokens ?? 0;
          }
          const delta = chunk.choices?.[0]?.delta;
          if (!delta) continue;
          if (delta.content) {
            text += delta.content;
            request.onText?.(delta.content);
          }
          for (const part of delta.tool_calls ?? []) {
            const call = calls.get(part.index) ?? { id: '', name: '', arguments: '' };
            if (part.id) call.id = part.id;
            if (part.function?.name) call.name += part.function.name;
            if (part.function?.arguments) call.arguments += part.function.arguments;
            calls.set(part.index, call);
          }
        }
      } catch (error) {
        const status = (error as { status?: number }).status;
        throw new ProviderError(options.name, (error as Error).message, status);
      }
      const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([index, c]) => ({ ...c, id: c.id || `call_${index}` }));
      return { text, toolCalls, usage, model };
    },
  };
}
