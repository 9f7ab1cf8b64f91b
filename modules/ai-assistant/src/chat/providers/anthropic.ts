import type Anthropic from '@anthropic-ai/sdk';
import type { ToolSchema } from '@petfriendly/core';
import { type ChatProvider, type LlmMessage, type LlmRequest, type LlmResponse, type LlmToolCall, ProviderError } from './provider';

type WireMessage = Anthropic.Messages.UserMessageParam | Anthropic.Messages.AssistantMessageParam;
type WireBlock = Anthropic.Messages.ContentBlockParam;

/** A tool call's JSON text as the `input` object a tool_use block needs ({} when the model wrote invalid JSON). */
function inputOf(call: LlmToolCall): Record<string, unknown> {
  try {
    const input: unknown = JSON.parse(call.arguments);
    return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Our conversation as Messages API turns. Tool results travel in a user turn, and the API wants user and
 * assistant turns to alternate, so consecutive turns of one role (several tool results, a tool result and
 * the user's next words) merge into one. Empty text blocks are dropped: the API rejects them.
 */
export function toAnthropicMessages(messages: LlmMessage[]): WireMessage[] {
  const turns: { role: 'user' | 'assistant'; blocks: WireBlock[] }[] = [];
  const add = (role: 'user' | 'assistant', blocks: WireBlock[]) => {
    if (!blocks.length) return;
    const last = turns.at(-1);
    if (last?.role === role) last.blocks.push(...blocks);
    else turns.push({ role, blocks });
  };
  for (const m of messages) {
    if (m.role === 'tool') {
      add('user', [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content }]);
    } else if (m.role === 'assistant') {
      add('assistant', [
        ...(m.content ? [{ type: 'text' as const, text: m.content }] : []),
        ...(m.toolCalls ?? []).map((c) => ({ type: 'tool_use' as const, id: c.id, name: c.name, input: inputOf(c) })),
      ]);
    } else {
      add('user', m.content ? [{ type: 'text', text: m.content }] : []);
    }
  }
  // A lone text block is sent as plain text, the API's simplest form.
  return turns.map(({ role, blocks }) => ({ role, content: blocks.length === 1 && blocks[0]!.type === 'text' ? blocks[0]!.text : blocks }));
}

/** Our tools (OpenAI function shape) as Messages API tools. */
export function toAnthropicTools(tools: ToolSchema[]): Anthropic.Messages.Tool[] {
  return tools.map((t) => ({
    name: t.function.name,
    description: t.function.description,
    input_schema: t.function.parameters as Anthropic.Messages.Tool.InputSchema,
  }));
}

/**
 * Anthropic's Messages API through the official SDK. Answers stream; tool input arrives as JSON fragments
 * joined per content block. No `temperature` is sent: API version 2026-10-21, which SDK 1.x speaks, rejects
 * sampling parameters (even at their defaults) and the SDK no longer accepts them.
 */
export function anthropicProvider(options: { apiKey: string; baseURL?: string; timeoutMs?: number }): ChatProvider {
  const name = 'anthropic';
  let client: Anthropic | undefined;
  const clientOf = async () => {
    // Loaded on first use: a clinic without an API key never pays for the SDK.
    const { default: AnthropicClient } = await import('@anthropic-ai/sdk');
    client ??= new AnthropicClient({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs ?? 60_000, maxRetries: 1 });
    return client;
  };

  return {
    name,
    async complete(request: LlmRequest): Promise<LlmResponse> {
      const api = await clientOf();
      let text = '';
      let model = request.model;
      const calls = new Map<number, LlmToolCall & { initialInput: unknown }>();
      const usage = { inputTokens: 0, outputTokens: 0 };
      try {
        const stream = await api.messages.create(
          {
            model: request.model,
            ...(request.system ? { system: request.system } : {}),
            messages: toAnthropicMessages(request.messages),
            ...(request.tools.length ? { tools: toAnthropicTools(request.tools) } : {}),
            max_tokens: request.maxTokens,
            stream: true,
          },
          { signal: request.signal },
        );
        for await (const event of stream) {
          switch (event.type) {
            case 'message_start':
              if (event.message.model) model = event.message.model;
              usage.inputTokens = event.message.usage?.input_tokens ?? 0;
              usage.outputTokens = event.message.usage?.output_tokens ?? 0;
              break;
            case 'content_block_start': {
              const block = event.content_block;
              if (block.type === 'tool_use') calls.set(event.index, { id: block.id, name: block.name, arguments: '', initialInput: block.input });
              else if (block.type === 'text' && block.text) {
                text += block.text;
                request.onText?.(block.text);
              }
              break;
            }
            case 'content_block_delta': {
              const delta = event.delta;
              if (delta.type === 'text_delta') {
                if (!delta.text) break;
                text += delta.text;
                request.onText?.(delta.text);
              } else if (delta.type === 'input_json_delta') {
                const call = calls.get(event.index);
                if (call) call.arguments += delta.partial_json;
              }
              break;
            }
            case 'message_delta':
              // Counts here are cumulative for the whole message.
              if (typeof event.usage?.input_tokens === 'number') usage.inputTokens = event.usage.input_tokens;
              if (typeof event.usage?.output_tokens === 'number') usage.outputTokens = event.usage.output_tokens;
              break;
            default:
              break;
          }
        }
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        const status = (error as { status?: unknown }).status;
        throw new ProviderError(name, (error as Error).message, typeof status === 'number' ? status : undefined);
      }
      const toolCalls = [...calls.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, c]) => ({
          id: c.id || `toolu_${index}`,
          name: c.name,
          // A tool that takes no input streams no fragments; its input is then the block's own (usually {}).
          arguments: c.arguments || JSON.stringify(c.initialInput ?? {}),
        }));
      return { text, toolCalls, usage, model };
    },
  };
}
