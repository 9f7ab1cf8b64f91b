import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, localize, type ModuleContext, pageOf, parseInput, requireStaff, type ToolDefinition, type ToolResult } from '@petfriendly/core';
import type { AssistantInboxPort } from '@petfriendly/omnichannel';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { chatHistorySchema, chatMessageSchema, chatSessionListSchema } from '../ai-assistant.schemas';
import type { AiAssistantSettings } from '../ai-assistant.settings';
import { type ChatChannel, chatSessions } from '../ai-assistant.tables';
import { siteUrl } from '../site-url';
import type { ChatButton, ChatResponse, HandoffRequest, SessionContext } from './chat.types';
import { createGuidedAssistant } from './guided';
import { runLlmTurn } from './llm-turn';
import { type ChatProvider, ProviderError } from './providers';
import { type ChatSession, callerOf, createSessionStore, type NewChatMessage } from './session.store';
import { systemPrompt } from './system-prompt';

/** Messages of the conversation sent to the model with each new one. */
const HISTORY_FOR_MODEL = 40;

export interface ProcessOptions {
  /** Guests: the random key of their chat cookie (or `whatsapp:+52…`). */
  sessionKey?: string | null;
  channel?: ChatChannel;
  /** Facts the session keeps from where it runs (the WhatsApp conversation). */
  context?: Partial<SessionContext>;
  onText?: (delta: string) => void;
  onTool?: (name: string) => void;
}

/**
 * ChatService: the assistant. With a provider it runs the model's tool loop; without one (no API
 * key) it runs guided mode. Both call the same tools as the caller, and both can hand off to staff.
 */
export function createChatService(
  ctx: ModuleContext,
  deps: { accounts: AccountsPort; omnichannel: AssistantInboxPort },
  settings: AiAssistantSettings,
  provider: ChatProvider | null,
) {
  const { db, clock, logger, tools } = ctx;
  const sessions = createSessionStore(ctx, settings.CONVERSATION_TTL_HOURS);
  const guided = createGuidedAssistant({
    tools,
    clock,
    timeZone: ctx.clinic.TIME_ZONE,
    faq: () => settings.KNOWLEDGE_BASE_ENABLED,
    describeError: (language, error) => localize(ctx.i18n.t(language), error.code, error.message, (error.details ?? {}) as Record<string, string>),
  });
  const t = (language: string, key: string, vars: Record<string, unknown> = {}) => ctx.i18n.t(language)(`ai-assistant:chat.${key}`, vars);

  /** `register_tools`: the spec's hook for modules that add tools after start-up. */
  function registerTools(definitions: ToolDefinition[]) {
    for (const tool of definitions) tools.register(tool);
  }

  /** A typed number picks the matching button of the last answer (how WhatsApp users answer a menu). */
  async function buttonPicked(session: ChatSession, text: string): Promise<ChatButton | undefined> {
    if (!/^\d{1,2}$/.test(text)) return undefined;
    const [last] = (await sessions.messages(session.id, 1)).filter((m) => m.role === 'assistant');
    return last?.actions.buttons[Number(text) - 1];
  }

  async function handOff(session: ChatSession, request: HandoffRequest, context: SessionContext): Promise<ToolResult> {
    try {
      const transcript = `${siteUrl(ctx)}/admin/assistant/conversations/${session.id}`;
      const conversation = await deps.omnichannel.assistant.handOff({
        ownerId: session.ownerId,
        contact: request.contact,
        subject: t('es', 'handoffSubject'),
        note: [
          t('es', 'handoffNote', { reason: request.reason || '—', transcript }),
          request.contact ? t('es', 'handoffContact', { contact: request.contact }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        conversationId: session.channel === 'whatsapp' ? context.whatsappConversationId : undefined,
      });
      context.handoffConversationId = conversation.id;
      return { ok: true, tool: 'request_human', data: { handedOff: true, answerOn: conversation.contact } };
    } catch (error) {
      const e = error as { code?: string; message: string };
      if (!e.code) throw error;
      return { ok: false, tool: 'request_human', error: { code: e.code, message: e.message } };
    }
  }

  /** `process_message`: one message in, the assistant's answer out (streamed through `onText` when a model answers). */
  async function processMessage(asked: Actor, input: unknown, options: ProcessOptions = {}): Promise<ChatResponse> {
    const data = parseInput(chatMessageSchema, input);
    const actor: Actor = data.language ? { ...asked, language: data.language } : asked;
    const caller = callerOf(actor, options.sessionKey);
    const session = await sessions.open(caller, options.channel ?? (actor.kind === 'staff' ? 'admin' : 'web'), actor.language, data.conversationId);
    const context: SessionContext = { ...session.context, ...options.context };
    const action = data.action ?? (await buttonPicked(session, data.message))?.value;
    const userRow: NewChatMessage = { role: 'user', content: data.message };
    let steps: NewChatMessage[];
    let mode: ChatResponse['mode'] = 'guided';
    let handedOff = false;

    const runGuided = async (notice?: string) => {
      const turn = await guided.reply(
        actor,
        { text: data.message, action, reachable: actor.kind !== 'anonymous' || !!context.whatsappConversationId },
        context.guided ?? null,
      );
      context.guided = turn.state;
      let text = turn.text;
      if (turn.handoff) {
        const result = await handOff(session, turn.handoff, context);
        handedOff = result.ok;
        text = result.ok ? t(actor.language, 'handedOff') : result.error.message;
      }
      return [
        {
          role: 'assistant',
          content: notice ? `${notice}\n\n${text}` : text,
          toolCalls: turn.toolCalls,
          toolResults: turn.toolResults,
          actions: { buttons: turn.buttons, links: turn.links },
          model: 'guided',
        } satisfies NewChatMessage,
      ];
    };

    if (!provider) {
      steps = await runGuided();
    } else {
      try {
        const earlier = await sessions.messages(session.id, HISTORY_FOR_MODEL);
        // The window opens on a person's message: some APIs (Anthropic) refuse a conversation that starts with an answer.
        const firstAsked = earlier.findIndex((m) => m.role === 'user');
        const history = [
          ...(firstAsked < 0 ? [] : earlier.slice(firstAsked)),
          {
            ...userRow,
            id: 0,
            sessionId: session.id,
            toolCalls: [],
            toolResults: [],
            actions: { buttons: [], links: [] },
            tokensUsed: 0,
            model: '',
            createdAt: clock.now(),
          },
        ];
        const turn = await runLlmTurn(
          { provider, tools, logger, settings },
          {
            actor,
            system: systemPrompt(actor, ctx.clinic, clock),
            history,
            maxSteps: settings.MAX_TOOL_STEPS,
            onText: options.onText,
            onTool: options.onTool,
            handOff: (request) => handOff(session, request, context),
          },
        );
        steps = turn.steps;
        handedOff = turn.handedOff;
        mode = 'llm';
        if (turn.stoppedAtLimit) {
          const text = t(actor.language, 'stepLimit');
          options.onText?.(text);
          steps.push({ role: 'assistant', content: text, actions: { buttons: [{ label: t(actor.language, 'talkToPerson'), value: '#human' }], links: [] } });
        }
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        logger.warn({ err: error }, 'AI provider failed; answering in guided mode');
        steps = await runGuided(t(actor.language, 'providerDown'));
      }
    }

    const written = await sessions.append(session, [userRow, ...steps], {
      context,
      language: actor.language,
      ...(handedOff ? { handedOffAt: clock.now() } : {}),
    });
    const answer = written.at(-1)!;
    const assistantRows = written.slice(1);
    return {
      conversationId: session.id,
      messageId: answer.id,
      message: answer.content,
      buttons: answer.actions.buttons,
      links: answer.actions.links,
      toolCalls: assistantRows.flatMap((r) => r.toolCalls),
      toolResults: assistantRows.flatMap((r) => r.toolResults),
      mode,
      model: mode === 'llm' ? (steps.findLast((s) => s.model)?.model ?? settings.MODEL) : 'guided',
      newConversation: session.messageCount === 0,
      tokensUsed: assistantRows.reduce((sum, r) => sum + r.tokensUsed, 0),
      handedOff,
    };
  }

  /** `get_conversation_history`: the caller's own conversation (staff: any), oldest first. */
  async function getConversationHistory(actor: Actor, conversationId: number, input: unknown = {}, sessionKey?: string | null) {
    const { limit } = parseInput(chatHistorySchema, input);
    const session = actor.kind === 'staff' ? await sessions.byId(conversationId) : await sessions.owned(callerOf(actor, sessionKey), conversationId);
    return { conversation: session, messages: await sessions.messages(session.id, limit) };
  }

  /** Staff: a whole conversation with its tool calls, for the transcript page. */
  async function getTranscript(actor: Actor, conversationId: number) {
    requireStaff(actor);
    const conversation = await sessions.byId(conversationId);
    const names = conversation.ownerId ? await deps.accounts.directory.namesOf([conversation.ownerId]) : new Map<string, string>();
    return { conversation, ownerName: names.get(conversation.ownerId ?? '') ?? '', messages: await sessions.messages(conversation.id, 500) };
  }

  /** The caller's live conversation on a channel with its messages, or a welcome when there is none. */
  async function currentConversation(actor: Actor, options: { sessionKey?: string | null; channel?: ChatChannel } = {}) {
    const caller = actor.kind === 'anonymous' && !options.sessionKey ? null : callerOf(actor, options.sessionKey);
    const session = caller ? await sessions.current(caller, options.channel ?? (actor.kind === 'staff' ? 'admin' : 'web')) : null;
    return {
      conversation: session,
      messages: session ? await sessions.messages(session.id, 100) : [],
      welcome: guided.welcome(actor),
      mode: provider ? ('llm' as const) : ('guided' as const),
    };
  }

  /** Ends the caller's conversation (the next message starts a fresh one). */
  async function endConversation(actor: Actor, conversationId: number, sessionKey?: string | null, resolved = true) {
    const session = await sessions.owned(callerOf(actor, sessionKey), conversationId);
    await sessions.end(session, resolved);
  }

  /** Staff: conversations, the handed-off ones first when asked; paginated. */
  async function listConversations(actor: Actor, input: unknown = {}) {
    requireStaff(actor);
    const q = parseInput(chatSessionListSchema, input);
    const where = and(q.handedOff ? isNotNull(chatSessions.handedOffAt) : undefined, q.channel ? eq(chatSessions.channel, q.channel) : undefined);
    const rows = await db
      .select({
        session: chatSessions,
        firstMessage: sql<
          string | null
        >`(select m.content from ai_assistant.chat_messages m where m.session_id = ${chatSessions.id} and m.role = 'user' order by m.id limit 1)`,
      })
      .from(chatSessions)
      .where(where)
      .orderBy(desc(chatSessions.lastMessageAt), desc(chatSessions.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    const found = pageOf(rows, q);
    const names = await deps.accounts.directory.namesOf([...new Set(found.items.flatMap((r) => (r.session.ownerId ? [r.session.ownerId] : [])))]);
    return {
      ...found,
      items: found.items.map((r) => ({ ...r.session, ownerName: names.get(r.session.ownerId ?? '') ?? '', firstMessage: r.firstMessage ?? '' })),
    };
  }

  return {
    processMessage,
    registerTools,
    getConversationHistory,
    getTranscript,
    currentConversation,
    endConversation,
    listConversations,
    endIdleSessions: sessions.endIdle,
    welcome: (actor: Actor) => guided.welcome(actor),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
