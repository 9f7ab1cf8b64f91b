import { formatters, type HttpApp, idParams, type ModuleContext, pageNumber } from '@petfriendly/core';
import { Badge, Card, Empty, Layout, Pager, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { AiAssistantServices } from '../services';

/** `check_availability ×7, list_services`: each tool once, with how often it ran. */
function toolSummary(calls: { name: string }[]): string {
  const runs = new Map<string, number>();
  for (const call of calls) runs.set(call.name, (runs.get(call.name) ?? 0) + 1);
  return [...runs].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}
const excerpt = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Staff read the assistant's conversations: the ones handed to a person first, each with its tool calls. */
export async function conversationPages(app: HttpApp, s: AiAssistantServices, ctx: ModuleContext) {
  const when = (d: Date, lang: string) => formatters(lang, ctx.clinic.TIME_ZONE).dateTime(d);

  app.get(
    '/admin/assistant/conversations',
    { schema: { querystring: z.object({ handedOff: z.string().optional(), page: pageNumber }) } },
    async (req, reply) => {
      const q = req.query;
      const page = pageContext(req, reply);
      const { t } = page;
      const handedOff = q.handedOff === '1';
      const list = await s.chat.listConversations(req.actor, { handedOff, page: q.page });
      return sendPage(
        reply,
        <Layout ctx={page} title={t('ai-assistant:chat.sessions')} area="admin">
          <p class="meta">
            <a href="/admin/assistant">← {t('ai-assistant:chat.staffTitle')}</a>
          </p>
          <h1>{t('ai-assistant:chat.sessions')}</h1>
          <nav class="tabs">
            <a href="/admin/assistant/conversations" class={handedOff ? undefined : 'active'}>
              {t('ai-assistant:chat.all')}
            </a>
            <a href="/admin/assistant/conversations?handedOff=1" class={handedOff ? 'active' : undefined}>
              {t('ai-assistant:chat.handedOffOnly')}
            </a>
          </nav>
          <Card>
            {list.items.length === 0 ? <Empty>{t('ai-assistant:chat.noSessions')}</Empty> : null}
            <ul class="list">
              {list.items.map((c) => (
                <li>
                  <div class="grow stack">
                    <a href={`/admin/assistant/conversations/${c.id}`}>
                      <b>{c.ownerName || t('ai-assistant:chat.guest')}</b> · {t(`ai-assistant:chat.channels.${c.channel}`)}
                    </a>
                    <small class="meta">
                      {when(c.lastMessageAt, page.lang)} · {t('ai-assistant:chat.messages', { n: c.messageCount })} · {excerpt(c.firstMessage)}
                    </small>
                  </div>
                  {c.handedOffAt ? <Badge tone="warn">{t('ai-assistant:chat.handedOffAt')}</Badge> : null}
                </li>
              ))}
            </ul>
          </Card>
          <Pager
            ctx={page}
            page={list.page}
            hasNext={list.hasNext}
            href={(n) => `/admin/assistant/conversations?page=${n}${handedOff ? '&handedOff=1' : ''}`}
          />
        </Layout>,
      );
    },
  );

  app.get('/admin/assistant/conversations/:id', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    const page = pageContext(req, reply);
    const { t } = page;
    const { conversation, messages, ownerName } = await s.chat.getTranscript(req.actor, id);
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ai-assistant:chat.transcript')} area="admin">
        <p class="meta">
          <a href="/admin/assistant/conversations">← {t('ai-assistant:chat.back')}</a>
        </p>
        <h1>
          {t('ai-assistant:chat.transcript')} · {ownerName || t('ai-assistant:chat.guest')}
        </h1>
        <p class="meta">
          {t(`ai-assistant:chat.channels.${conversation.channel}`)} · {t('ai-assistant:chat.started')} {when(conversation.startedAt, page.lang)} ·{' '}
          {t('ai-assistant:chat.messages', { n: conversation.messageCount })}
          {conversation.handedOffAt ? (
            <>
              {' '}
              · <Badge tone="warn">{t('ai-assistant:chat.handedOffAt')}</Badge>{' '}
              {conversation.context.handoffConversationId ? (
                <a href={`/admin/inbox/${conversation.context.handoffConversationId}`}>{t('ai-assistant:chat.openInbox')}</a>
              ) : null}
            </>
          ) : null}
        </p>
        <Card>
          <ol class="chat-log transcript">
            {messages.map((m) => (
              <li class={`chat-bubble chat-${m.role === 'user' ? 'user' : 'assistant'}`}>
                {m.content ? <div class="chat-text">{m.content}</div> : null}
                {m.toolCalls.length ? (
                  <details class="chat-tools">
                    <summary>
                      {t('ai-assistant:chat.toolCalls')}: {toolSummary(m.toolCalls)}
                    </summary>
                    {m.toolCalls.map((c) => {
                      const result = m.toolResults.find((r) => r.id === c.id);
                      return (
                        <div class="stack">
                          <code>
                            {c.name}({JSON.stringify(c.arguments)})
                          </code>
                          <small class="meta">
                            {result
                              ? result.ok
                                ? excerpt(JSON.stringify(result.data), 300)
                                : `${t('ai-assistant:chat.failed')}: ${result.error?.message}`
                              : ''}
                          </small>
                        </div>
                      );
                    })}
                  </details>
                ) : null}
                <small class="meta">
                  {when(m.createdAt, page.lang)}
                  {m.model ? ` · ${m.model}` : ''}
                  {m.tokensUsed ? ` · ${t('ai-assistant:chat.tokens', { n: m.tokensUsed })}` : ''}
                </small>
              </li>
            ))}
          </ol>
        </Card>
      </Layout>,
    );
  });
}
