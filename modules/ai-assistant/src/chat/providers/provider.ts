import type { ToolSchema } from '@petfriendly/core';

export interface LlmToolCall {
  id: string;
  name: string;
  /** JSON text, as models produce it (it may be invalid). */
  arguments: string;
}

/** The conversation as every provider receives it; each adapter maps it to its own API. */
export type LlmMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface LlmRequest {
  model: string;
  system: string;
  messages: LlmMessage[];
  tools: ToolSchema[];
  maxTokens: number;
  temperature: number;
  /** Called with each piece of answer text as it streams in. */
  onText?: (delta: string) => void;
  signal?: AbortSignal;
}

export interface LlmResponse {
  text: string;
  toolCalls: LlmToolCall[];
  usage: { inputTokens: number; outputTokens: number };
  model: string;
}

/** One chat-completions API with tool calling. */
export interface ChatProvider {
  readonly name: string;
  complete(request: LlmRequest): Promise<LlmResponse>;
}

/** The provider could not answer (network, auth, rate limit, malformed reply). */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderError';
  }
}
