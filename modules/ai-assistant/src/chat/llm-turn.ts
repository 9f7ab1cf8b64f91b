import type { Actor, ToolRegistry, ToolResult, ToolSchema } from '@petfriendly/core';
import type { Logger } from 'pino';
import type { HandoffRequest, ToolCallRecord, ToolResultRecord } from './chat.types';
import type { ChatProvider, LlmMessage } from './providers';
import type { ChatMessageRow, NewChatMessage } from './session.store';

/** The assistant's own tool: the chat service runs it, because it needs the chat session. */
export const REQUEST_HUMAN = 'request_human';
const requestHumanSchema: ToolSchema = {
  type: 'function',
  function: {
    name: REQUEST_HUMAN,
    description: 'Pass the conversation to a person at the clinic (they answer on WhatsApp or email). Guests must give a contact.',
    parameters: {
      type: 'object',
      properties: {
        reason: { type: 'string', description: 'What the person needs, in one sentence.' },
        contact: { type: 'string', description: 'Guests only: WhatsApp number or email.' },
      },
      required: ['reason'],
      additionalProperties: false,
    },
  },
};

/** A tool result as the model reads it: the data or the error, cut to a sane size. */
const MAX_RESULT_CHARS = 12_000;
function forModel(result: ToolResultRecord): string {
  const json = JSON.stringify(result.ok ? (result.data ?? null) : { error: result.error });
  return json.length > MAX_RESULT_CHARS ? `${json.slice(0, MAX_RESULT_CHARS)}… (truncated)` : json;
}

/** Stored messages back into the model's conversation: each assistant step followed by its tool results. */
export function toLlmMessages(rows: ChatMessageRow[]): LlmMessage[] {
  const out: LlmMessage[] = [];
  for (const row of rows) {
    if (row.role === 'user') out.push({ role: 'user', content: row.content });
    if (row.role !== 'assistant') continue;
    if (!row.toolCalls.length) {
      out.push({ role: 'assistant', content: row.content });
      continue;
    }
    out.push({
      role: 'assistant',
      content: row.content,
      toolCalls: row.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: JSON.stringify(c.arguments ?? {}) })),
    });
    for (const call of row.toolCalls) {
      const result = row.toolResults.find((r) => r.id === call.id) ?? {
        id: call.id,
        name: call.name,
        ok: false,
        error: { code: 'ai_assistant.no_result', message: 'No result was recorded.' },
      };
      out.push({ role: 'tool', toolCallId: call.id, name: call.name, content: forModel(result) });
    }
  }
  return out;
}

export interface LlmTurnInput {
  actor: Actor;
  system: string;
  history: ChatMessageRow[];
  maxSteps: number;
  onText?: (delta: string) => void;
  onTool?: (name: string) => void;
  handOff: (request: HandoffRequest) => Promise<ToolResult>;
}

export interface LlmTurn {
  /** One stored assistant message per model step (tool steps, then the answer). */
  steps: NewChatMessage[];
  text: string;
  stoppedAtLimit: boolean;
  handedOff: boolean;
}

const parseArguments = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: text.trim() ? JSON.parse(text) : {} };
  } catch {
    return { ok: false };
  }
};

/**
 * The tool loop: offer the caller's tools, run the calls as the caller, feed results and errors
 * back, and stop at the answer or after `maxSteps` model calls.
 */
export async function runLlmTurn(
  deps: { provider: ChatProvider; tools: ToolRegistry; logger: Logger; settings: { MODEL: string; MAX_TOKENS: number; TEMPERATURE: number } },
  input: LlmTurnInput,
): Promise<LlmTurn> {
  const { provider, tools, settings } = deps;
  const offered = [...tools.getToolsForUser(input.actor), requestHumanSchema];
  const conversation = toLlmMessages(input.history);
  const steps: NewChatMessage[] = [];
  let handedOff = false;

  for (let step = 0; step < input.maxSteps; step++) {
    const response = await provider.complete({
      model: settings.MODEL,
      system: input.system,
      messages: conversation,
      tools: offered,
      maxTokens: settings.MAX_TOKENS,
      temperature: settings.TEMPERATURE,
      onText: input.onText,
    });
    const tokensUsed = response.usage.inputTokens + response.usage.outputTokens;
    if (!response.toolCalls.length) {
      steps.push({ role: 'assistant', content: response.text, tokensUsed, model: response.model });
      return { steps, text: response.text, stoppedAtLimit: false, handedOff };
    }
    const calls: ToolCallRecord[] = [];
    const results: ToolResultRecord[] = [];
    for (const call of response.toolCalls) {
      input.onTool?.(call.name);
      const parsed = parseArguments(call.arguments);
      calls.push({ id: call.id, name: call.name, arguments: parsed.ok ? parsed.value : call.arguments });
      let result: ToolResult;
      if (!parsed.ok) {
        result = { ok: false, tool: call.name, error: { code: 'ai_assistant.invalid_arguments', message: 'The arguments were not valid JSON.' } };
      } else if (call.name === REQUEST_HUMAN) {
        const args = (parsed.value ?? {}) as { reason?: unknown; contact?: unknown };
        result = await input.handOff({ reason: String(args.reason ?? '').slice(0, 500), contact: typeof args.contact === 'string' ? args.contact : undefined });
        handedOff ||= result.ok;
      } else {
        result = await runTool(deps, call.name, parsed.value, input.actor);
      }
      results.push(
        result.ok
          ? { id: call.id, name: call.name, ok: true, data: result.data }
          : { id: call.id, name: call.name, ok: false, error: { code: result.error.code, message: result.error.message } },
      );
    }
    const row: NewChatMessage = { role: 'assistant', content: response.text, toolCalls: calls, toolResults: results, tokensUsed, model: response.model };
    steps.push(row);
    conversation.push(...toLlmMessages([row as ChatMessageRow]));
  }
  return { steps, text: '', stoppedAtLimit: true, handedOff };
}

/** A tool call never breaks the chat: an unexpected failure is logged and reported to the model as an error. */
async function runTool(deps: { tools: ToolRegistry; logger: Logger }, name: string, args: unknown, actor: Actor): Promise<ToolResult> {
  try {
    return await deps.tools.executeTool(name, args, actor);
  } catch (error) {
    deps.logger.error({ err: error, tool: name }, 'AI tool failed');
    return { ok: false, tool: name, error: { code: 'ai_assistant.tool_failed', message: 'The tool failed unexpectedly; try again later.' } };
  }
}
