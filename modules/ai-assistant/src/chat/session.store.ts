import { type Actor, type ModuleContext, NotFoundError, ValidationError } from '@petfriendly/core';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type ChatChannel, chatMessages, chatSessions } from '../ai-assistant.tables';
import type { SessionContext } from './chat.types';

export type ChatSession = typeof chatSessions.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type NewChatMessage = Omit<typeof chatMessages.$inferInsert, 'id' | 'sessionId' | 'createdAt'>;

/** Who a session belongs to: a signed-in user, or a guest's random key. Never taken from a message. */
export interface Caller {
  ownerId: string | null;
  sessionKey: string | null;
}

export function callerOf(actor: Actor, sessionKey?: string | null): Caller {
  if (actor.kind === 'owner' || actor.kind === 'staff') return { ownerId: actor.userId, sessionKey: null };
  if (!sessionKey) throw ValidationError.forField('ai_assistant.session_required', 'sessionKey', 'A guest chat needs its session key.');
  return { ownerId: null, sessionKey };
}

const belongsTo = (caller: Caller) =>
  caller.ownerId ? eq(chatSessions.ownerId, caller.ownerId) : and(isNull(chatSessions.ownerId), eq(chatSessions.sessionKey, caller.sessionKey!));

/** Chat sessions and their messages. A session is live until it ends or sits idle for CONVERSATION_TTL_HOURS. */
export function createSessionStore(ctx: ModuleContext, ttlHours: number) {
  const { db, clock } = ctx;
  const liveSince = () => new Date(clock.now().getTime() - ttlHours * 3_600_000);
  const isLive = (s: ChatSession) => !s.endedAt && s.lastMessageAt > liveSince();

  /** The caller's live session on a channel, if any. */
  async function current(caller: Caller, channel: ChatChannel): Promise<ChatSession | null> {
    const [row] = await db
      .select()
      .from(chatSessions)
      .where(and(belongsTo(caller), eq(chatSessions.channel, channel), isNull(chatSessions.endedAt), gt(chatSessions.lastMessageAt, liveSince())))
      .orderBy(desc(chatSessions.lastMessageAt))
      .limit(1);
    return row ?? null;
  }

  /** One of the caller's sessions; someone else's is "not found", exactly like a missing one. */
  async function owned(caller: Caller, id: number): Promise<ChatSession> {
    const [row] = await db
      .select()
      .from(chatSessions)
      .where(and(eq(chatSessions.id, id), belongsTo(caller)));
    if (!row) throw new NotFoundError('ai_assistant.conversation_not_found', `Conversation ${id} not found.`);
    return row;
  }

  async function byId(id: number): Promise<ChatSession> {
    const [row] = await db.select().from(chatSessions).where(eq(chatSessions.id, id));
    if (!row) throw new NotFoundError('ai_assistant.conversation_not_found', `Conversation ${id} not found.`);
    return row;
  }

  async function start(caller: Caller, channel: ChatChannel, language: string, context: SessionContext = {}): Promise<ChatSession> {
    const now = clock.now();
    const [row] = await db
      .insert(chatSessions)
      .values({ ownerId: caller.ownerId, sessionKey: caller.sessionKey, channel, language, context, startedAt: now, lastMessageAt: now })
      .returning();
    return row!;
  }

  /** The session to write to: the one asked for while it is live, else the caller's live one, else a new one. */
  async function open(caller: Caller, channel: ChatChannel, language: string, id?: number): Promise<ChatSession> {
    if (id) {
      const asked = await owned(caller, id);
      if (isLive(asked)) return asked;
    }
    return (await current(caller, channel)) ?? start(caller, channel, language);
  }

  /** Appends messages in order and moves the session on (count, last activity, context). */
  async function append(
    session: ChatSession,
    rows: NewChatMessage[],
    set: Partial<Pick<ChatSession, 'context' | 'handedOffAt' | 'language'>> = {},
  ): Promise<ChatMessageRow[]> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const written = rows.length
        ? await tx
            .insert(chatMessages)
            .values(rows.map((r) => ({ ...r, sessionId: session.id, createdAt: now })))
            .returning()
        : [];
      written.sort((a, b) => a.id - b.id);
      await tx
        .update(chatSessions)
        .set({ ...set, messageCount: sql`${chatSessions.messageCount} + ${rows.length}`, lastMessageAt: now })
        .where(eq(chatSessions.id, session.id));
      return written;
    });
  }

  /** The latest `limit` messages, oldest first. */
  async function messages(sessionId: number, limit = 50): Promise<ChatMessageRow[]> {
    const rows = await db.select().from(chatMessages).where(eq(chatMessages.sessionId, sessionId)).orderBy(desc(chatMessages.id)).limit(limit);
    return rows.reverse();
  }

  async function end(session: ChatSession, resolved: boolean) {
    await db.update(chatSessions).set({ endedAt: clock.now(), resolved }).where(eq(chatSessions.id, session.id));
  }

  /** The hourly sweep: sessions idle past the TTL are ended (kept for staff, no longer continued). */
  async function endIdle(): Promise<number> {
    const ended = await db
      .update(chatSessions)
      .set({ endedAt: sql`${chatSessions.lastMessageAt}` })
      .where(and(isNull(chatSessions.endedAt), sql`${chatSessions.lastMessageAt} <= ${liveSince()}`))
      .returning({ id: chatSessions.id });
    return ended.length;
  }

  return { current, owned, byId, start, open, append, messages, end, endIdle, isLive };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
