/** A choice offered under a reply; clicking it sends `value` as the next message. */
export interface ChatButton {
  label: string;
  value: string;
}

export interface ChatLink {
  label: string;
  href: string;
}

/** A tool call as recorded: `arguments` is what the model (or guided mode) passed, parsed when it was JSON. */
export interface ToolCallRecord {
  id: string;
  name: string;
  arguments: unknown;
}

export interface ToolResultRecord {
  id: string;
  name: string;
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

/** Where a guided task stands between two messages (kept in the session's context). */
export interface GuidedState {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

export interface SessionContext {
  guided?: GuidedState | null;
  /** The omnichannel conversation a person took over, once handed off. */
  handoffConversationId?: number;
  /** WhatsApp sessions: the omnichannel conversation the messages come from and answers go to. */
  whatsappConversationId?: number;
}

/** A request to pass the conversation to a person. Guests must leave a phone or an email. */
export interface HandoffRequest {
  reason: string;
  contact?: string;
}

/** `ChatResponse`: the assistant's answer to one message. */
export interface ChatResponse {
  conversationId: number;
  messageId: number;
  message: string;
  buttons: ChatButton[];
  links: ChatLink[];
  toolCalls: ToolCallRecord[];
  toolResults: ToolResultRecord[];
  mode: 'llm' | 'guided';
  model: string;
  tokensUsed: number;
  handedOff: boolean;
  /** This message started the conversation. */
  newConversation: boolean;
}
