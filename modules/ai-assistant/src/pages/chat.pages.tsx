import { randomBytes } from 'node:crypto';
import { type HttpApp, isServiceError, localize, type ModuleContext } from '@petfriendly/core';
import { Card, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import type { ChatMessageRow } from '../chat/session.store';
import type { AiAssistantServices } from '../services';
import { CHAT_JS } from './chat.client';
import { AnswerText, type Bubble, ChoiceButtons, MessageBox, Transcript } from './chat.view';
import { conversationPages } from './conversations.pages';

const GUEST_COOKIE = 'pf_chat';

/** A guest's chat is theirs by an unguessable cookie; signed-in people by their session. */
function guestKey(req: FastifyRequest, reply: FastifyReply, create: boolean): string | null {
  if (req.actor.kind !== 'anonymous') return null;
  const existing = req.cookies?.[GUEST_COOKIE];
  if (existing && /^[\w-]{32,64}$/.test(existing)) return existing;
  if (!create) return null;
  const key = randomBytes(24).toString('base64url');
  reply.setCookie(GUEST_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: 30 * 86_400 });
  return key;
}

/** What a visitor sees of the stored messages: their words and the answers with text (tool-only steps stay out). */
const bubblesOf = (rows: ChatMessageRow[]): Bubble[] =>
  rows
    .filter((m) => m.role === 'user' || (m.role === 'assistant' && m.content.trim()))
    .map((m) => ({ role: m.role === 'user' ? 'user' : 'assistant', content: m.content, links: m.actions.links }));

function chatError(error: unknown, t: TFunction): string {
  if (isServiceError(error) && error.statusCode === 404) return localize(t, error.code, error.message);
  return formErrors(error, t).message;
}

/** The chat on the website (owners and guests) and in the staff admin, one page each, phone first. */
export async function chatPages(app: HttpApp, s: AiAssistantServices, ctx: ModuleContext) {
  app.get('/ai-assistant/chat.js', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(CHAT_JS),
  );

  for (const [path, area] of [
    ['/chat', 'site'],
    ['/admin/assistant', 'admin'],
  ] as const) {
    app.get(path, async (req, reply) => {
      if (area === 'admin' && req.actor.kind !== 'staff') return reply.callNotFound();
      const page = pageContext(req, reply);
      const { t } = page;
      const current = await s.chat.currentConversation(req.actor, { sessionKey: guestKey(req, reply, true) });
      const rows = current.messages;
      const lastAnswer = rows.findLast((m) => m.role === 'assistant');
      const bubbles = rows.length ? bubblesOf(rows) : [{ role: 'assistant' as const, content: current.welcome.text, links: current.welcome.links }];
      const buttons = rows.length ? (lastAnswer?.actions.buttons ?? []) : current.welcome.buttons;
      const conversationId = current.conversation?.id ?? null;
      return sendPage(
        reply,
        <Layout ctx={page} title={t(area === 'admin' ? 'ai-assistant:chat.staffTitle' : 'ai-assistant:chat.title')} area={area}>
          <h1>{t(area === 'admin' ? 'ai-assistant:chat.staffTitle' : 'ai-assistant:chat.title')}</h1>
          <p class="meta">
            {t(area === 'admin' ? 'ai-assistant:chat.staffIntro' : 'ai-assistant:chat.intro')}
            {/* How the assistant runs is the clinic's business: only staff are told it is in guided mode. */}
            {area === 'admin' && current.mode === 'guided' ? <> {t('ai-assistant:chat.guidedNote')}</> : null}
          </p>
          {area === 'admin' ? (
            <p>
              <a href="/admin/assistant/conversations">{t('ai-assistant:chat.sessions')} →</a>
            </p>
          ) : null}
          <Card class="chat">
            <div
              id="chat"
              data-hx-boost="false"
              data-stream={`${path}/stream`}
              data-conversation={conversationId ? String(conversationId) : ''}
              data-thinking={t('ai-assistant:chat.thinking')}
              data-failed={t('ai-assistant:chat.error')}
            >
              <Transcript ctx={page} bubbles={bubbles} />
              <ChoiceButtons ctx={page} action={path} conversationId={conversationId} buttons={buttons} />
              <MessageBox ctx={page} action={path} conversationId={conversationId} />
            </div>
          </Card>
          {conversationId ? (
            <form method="post" action={`${path}/new`} class="row">
              <input type="hidden" name="_csrf" value={page.csrfToken} />
              <button type="submit" class="btn-secondary">
                {t('ai-assistant:chat.newChat')}
              </button>
            </form>
          ) : null}
          <script src="/ai-assistant/chat.js" defer></script>
        </Layout>,
      );
    });

    const guard = (req: FastifyRequest, reply: FastifyReply) => (area === 'admin' && req.actor.kind !== 'staff' ? reply.callNotFound() : null);

    // Without JavaScript: post, answer, back to the page.
    app.post(path, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
      if (guard(req, reply)) return reply;
      try {
        await s.chat.processMessage(req.actor, req.body, { sessionKey: guestKey(req, reply, true) });
      } catch (error) {
        flash(reply, 'error', chatError(error, req.t));
      }
      return redirect(reply, `${path}#chat-compose`);
    });

    // With JavaScript: the answer as server-sent events (delta…, done) while the model writes it.
    app.post(`${path}/stream`, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
      if (guard(req, reply)) return reply;
      const sessionKey = guestKey(req, reply, true);
      reply.hijack();
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      try {
        const response = await s.chat.processMessage(req.actor, req.body, {
          sessionKey,
          onText: (text) => send('delta', { text }),
          onTool: (name) => send('tool', { name }),
        });
        // The finished answer also comes as HTML, rendered (and escaped) here, so its links are links.
        send('done', { ...response, html: String(<AnswerText text={response.message} />) });
      } catch (error) {
        if (!isServiceError(error)) ctx.logger.error({ err: error }, 'chat failed');
        send('error', { message: isServiceError(error) ? chatError(error, req.t) : req.t('ai-assistant:chat.error') });
      }
      reply.raw.end();
    });

    app.post(`${path}/new`, async (req, reply) => {
      if (guard(req, reply)) return reply;
      const sessionKey = guestKey(req, reply, false);
      const current = await s.chat.currentConversation(req.actor, { sessionKey });
      if (current.conversation) await s.chat.endConversation(req.actor, current.conversation.id, sessionKey);
      return redirect(reply, path);
    });
  }

  await conversationPages(app, s, ctx);
}
