import { type Actor, formBody, type HttpApp, idParams, type ModuleContext, pageNumber, requireStaff } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  Form,
  flash,
  formErrors,
  Icon,
  type IconName,
  Layout,
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { CALL_OUTCOMES, CHANNEL_TYPES, CONVERSATION_STATUSES, PRIORITIES } from '../omnichannel.tables';
import type { OmnichannelServices } from '../services';

const STATUS_TONE = { active: 'info', waiting: 'warn', resolved: 'muted', escalated: 'danger' } as const;
const PRIORITY_TONE = { low: 'muted', normal: 'muted', high: 'warn', urgent: 'danger' } as const;
const ICON = { email: 'mail', sms: 'message-square', whatsapp: 'message-circle', voice: 'phone' } as const satisfies Record<string, IconName>;
/** 185 s → 3:05. */
const minutesOf = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The unified inbox on a phone: every channel in one list, filters, and a conversation with reply and triage. */
/** Message text with this site's own addresses as links (the assistant's hand-off names the chat transcript); other URLs stay text. */
function Linked(props: { text: string; origin: string }) {
  const parts = props.text.split(/(https?:\/\/\S+)/);
  return <>{parts.map((part) => (part.startsWith(`${props.origin}/`) ? <a href={part.slice(props.origin.length)}>{part}</a> : part))}</>;
}

const listQuery = z.object({ channel: z.string().optional(), status: z.string().optional(), assignee: z.string().optional(), page: pageNumber });
const callBody = formBody({ direction: z.string().optional(), minutes: z.string().optional(), summary: z.string().optional(), outcome: z.string().optional() });

export async function inboxPages(app: HttpApp, s: OmnichannelServices, ctx: ModuleContext) {
  const origin = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;

  app.get('/admin/inbox', { schema: { querystring: listQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const notices = await s.notices.open(staff);
    const list = await s.inbox.listConversations(staff, {
      channel: q.channel || undefined,
      status: q.status || undefined,
      assignee: q.assignee || undefined,
      page: q.page,
    });
    const page = pageContext(req, reply);
    const { t } = page;
    const link = (change: Record<string, string | undefined>) => {
      const merged = { channel: q.channel, status: q.status, assignee: q.assignee, ...change };
      return `/admin/inbox?${new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as [string, string][])}`;
    };
    const chip = (label: Child, change: Record<string, string | undefined>, on: boolean) => (
      <a class={`choice${on ? ' chosen' : ''}`} href={link(change)}>
        {label}
      </a>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('omnichannel:inbox.title')} area="admin">
        <h1>{t('omnichannel:inbox.title')}</h1>
        {notices.length ? (
          <Card title={t('omnichannel:notices.title')}>
            <ul class="list">
              {notices.map((n) => (
                <li>
                  <div>
                    {n.link ? <a href={n.link}>{n.text}</a> : n.text}
                    <div class="meta">{page.fmt.dateTime(n.updatedAt)}</div>
                  </div>
                  <Form ctx={page} action={`/admin/inbox/notices/${n.id}/dismiss`} class="inline">
                    <button type="submit" class="btn-small btn-secondary">
                      {t('omnichannel:notices.dismiss')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <div class="choices scroll">
          {chip(t('omnichannel:inbox.all'), { channel: undefined }, !q.channel)}
          {CHANNEL_TYPES.map((c) =>
            chip(
              <span>
                <Icon name={ICON[c]} /> {t(`omnichannel:channels.${c}`)}
              </span>,
              { channel: c },
              q.channel === c,
            ),
          )}
        </div>
        <div class="choices scroll">
          {chip(t('omnichannel:inbox.all'), { status: undefined }, !q.status)}
          {CONVERSATION_STATUSES.map((st) => chip(t(`omnichannel:status.${st}`), { status: st }, q.status === st))}
          {chip(t('omnichannel:inbox.mine'), { assignee: q.assignee === 'me' ? undefined : 'me' }, q.assignee === 'me')}
          {chip(t('omnichannel:inbox.unassigned'), { assignee: q.assignee === 'none' ? undefined : 'none' }, q.assignee === 'none')}
        </div>
        <Card>
          {list.items.length === 0 ? <Empty>{t('omnichannel:inbox.none')}</Empty> : null}
          <ul class="list">
            {list.items.map((c) => (
              <li>
                <a href={`/admin/inbox/${c.id}`} class="conversation">
                  <b>
                    <Icon name={ICON[c.channel]} /> {c.ownerName || c.contact}
                  </b>{' '}
                  {c.unread ? <Badge tone="danger">{t('omnichannel:inbox.unread', { count: c.unread })}</Badge> : null}
                  <div class="meta">{c.lastMessage.slice(0, 90)}</div>
                </a>
                <div>
                  <Badge tone={STATUS_TONE[c.status]}>{t(`omnichannel:status.${c.status}`)}</Badge>{' '}
                  {c.priority !== 'normal' ? <Badge tone={PRIORITY_TONE[c.priority]}>{t(`omnichannel:priority.${c.priority}`)}</Badge> : null}
                  <div class="meta">
                    {c.lastMessageAt ? page.fmt.dateTime(c.lastMessageAt) : ''}
                    {c.assigneeName ? ` · ${c.assigneeName}` : ''}
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => `${link({})}&page=${n}`} />
        </Card>
        <p>
          <a href="/admin/outbox">{t('omnichannel:inbox.outbox')} →</a>
        </p>
      </Layout>,
    );
  });

  const conversationPage = async (req: FastifyRequest, reply: FastifyReply, id: number, error?: string) => {
    const staff = requireStaff(req.actor);
    const c = await s.inbox.getConversation(staff, id);
    await s.inbox.markRead(
      staff,
      c.messages.filter((m) => m.direction === 'inbound' && !m.isRead).map((m) => m.id),
    );
    const page = pageContext(req, reply);
    const { t } = page;
    const action = (name: string, label: string, extra: Record<string, string> = {}) => (
      <Form ctx={page} action={`/admin/inbox/${c.id}/${name}`} class="inline">
        {Object.entries(extra).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <button type="submit" class="btn-small btn-secondary">
          {label}
        </button>
      </Form>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={c.ownerName || c.contact} area="admin">
        <Card
          icon={ICON[c.channel]}
          title={c.ownerName || c.contact}
          actions={
            <>
              <Badge tone={STATUS_TONE[c.status]}>{t(`omnichannel:status.${c.status}`)}</Badge>
              <Badge tone={PRIORITY_TONE[c.priority]}>{t(`omnichannel:priority.${c.priority}`)}</Badge>
            </>
          }
        >
          <p class="meta">
            {c.contact}
            {c.ownerId ? (
              <>
                {' · '}
                <a href={`/admin/owners/${c.ownerId}`}>👤 {c.ownerName}</a>
              </>
            ) : (
              ` · ${t('omnichannel:inbox.unknownContact')}`
            )}
          </p>
          <div class="card-actions">
            {c.assignedTo === staff.userId
              ? action('assign', t('omnichannel:inbox.release'), { staffId: '' })
              : action('assign', t('omnichannel:inbox.assignToMe'), { staffId: staff.userId })}
            {c.status === 'resolved' ? action('reopen', t('omnichannel:inbox.reopen')) : action('resolve', t('omnichannel:inbox.resolve'))}
            {c.status !== 'escalated' ? action('escalate', t('omnichannel:inbox.escalate')) : null}
            {PRIORITIES.filter((p) => p !== c.priority).map((p) => action('priority', `⚑ ${t(`omnichannel:priority.${p}`)}`, { priority: p }))}
          </div>
        </Card>
        <Card>
          <ul class="thread">
            {c.messages.map((m) => (
              <li class={m.direction}>
                {m.subject ? <b>{m.subject}</b> : null}
                <div class="bubble">
                  {m.call ? (
                    <b>
                      {t('omnichannel:calls.detail', {
                        direction: t(`omnichannel:calls.${m.direction}`),
                        duration: minutesOf(m.call.durationSeconds),
                        outcome: t(`omnichannel:calls.outcomes.${m.call.outcome}`),
                      })}
                    </b>
                  ) : null}
                  <Linked text={m.content} origin={origin} />
                </div>
                <small class="meta">
                  {page.fmt.dateTime(m.createdAt)} ·{' '}
                  {m.senderType === 'ai'
                    ? t('omnichannel:inbox.assistant')
                    : m.senderName || (m.direction === 'inbound' ? c.ownerName || c.contact : t('omnichannel:inbox.system'))}{' '}
                  · {t(`omnichannel:messageStatus.${m.status}`)}
                  {m.error ? ` · ${m.error}` : ''}
                </small>
              </li>
            ))}
          </ul>
          {error ? <div class="flash flash-error">{error}</div> : null}
          {c.ownerId && c.channel !== 'voice' ? (
            <Form ctx={page} action={`/admin/inbox/${c.id}/reply`}>
              <TextArea name="message" label={t('omnichannel:inbox.reply')} rows={3} required />
              <button type="submit">{t('omnichannel:inbox.send')}</button>
            </Form>
          ) : null}
        </Card>
        {c.ownerId ? (
          <Card title={t('omnichannel:calls.title')} icon="phone">
            <Form ctx={page} action={`/admin/inbox/${c.id}/call`}>
              <Select
                name="direction"
                label={t('omnichannel:calls.direction')}
                options={(['inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`omnichannel:calls.${d}`) }))}
              />
              <Field name="minutes" type="number" min="0" max="1440" step="0.5" label={t('omnichannel:calls.minutes')} required />
              <TextArea name="summary" label={t('omnichannel:calls.summary')} rows={3} required />
              <Select
                name="outcome"
                label={t('omnichannel:calls.outcome')}
                options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`omnichannel:calls.outcomes.${o}`) }))}
              />
              <button type="submit">{t('omnichannel:calls.save')}</button>
            </Form>
          </Card>
        ) : null}
        <a href="/admin/inbox">← {t('omnichannel:inbox.title')}</a>
      </Layout>,
      error ? 422 : 200,
    );
  };

  app.get('/admin/inbox/:id', { schema: { params: idParams } }, async (req, reply) => conversationPage(req, reply, req.params.id));
  app.post('/admin/inbox/:id/reply', { schema: { params: idParams, body: formBody({ message: z.string().optional() }) } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await s.inbox.reply(req.actor, id, req.body.message ?? '');
      flash(reply, 'success', req.t('omnichannel:inbox.replied'));
      return redirect(reply, `/admin/inbox/${id}`);
    } catch (error) {
      return conversationPage(req, reply, id, formErrors(error, req.t).message);
    }
  });
  app.post('/admin/inbox/:id/call', { schema: { params: idParams, body: callBody } }, async (req, reply) => {
    const { id } = req.params;
    const body = req.body;
    try {
      const { ownerId } = await s.inbox.getConversation(req.actor, id, 1);
      const minutes = Number(body.minutes);
      const call = await s.calls.logCall(req.actor, {
        ownerId,
        direction: body.direction,
        durationSeconds: Number.isFinite(minutes) && body.minutes !== '' ? Math.round(minutes * 60) : undefined,
        summary: body.summary,
        outcome: body.outcome,
      });
      flash(reply, 'success', req.t('omnichannel:calls.logged'));
      return redirect(reply, `/admin/inbox/${call.conversationId}`);
    } catch (error) {
      return conversationPage(req, reply, id, formErrors(error, req.t).message);
    }
  });
  app.post('/admin/inbox/notices/:id/dismiss', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.notices.dismiss(req.actor, req.params.id);
      flash(reply, 'success', req.t('omnichannel:notices.dismissed'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, '/admin/inbox');
  });
  const triageBody = formBody({ staffId: z.string().optional(), priority: z.enum(PRIORITIES).optional() });
  /** A triage action; `priority` requires its field (a 422 without it). */
  const triage = (name: string, run: (actor: Actor, id: number, input: z.output<typeof triageBody>) => Promise<unknown>) =>
    app.post(
      `/admin/inbox/:id/${name}`,
      { schema: { params: idParams, body: name === 'priority' ? triageBody.required({ priority: true }) : triageBody } },
      async (req, reply) => {
        const { id } = req.params;
        try {
          await run(req.actor, id, req.body);
          flash(reply, 'success', req.t('omnichannel:inbox.updated'));
        } catch (error) {
          flash(reply, 'error', formErrors(error, req.t).message);
        }
        return redirect(reply, `/admin/inbox/${id}`);
      },
    );
  triage('assign', (actor, id, input) => s.inbox.assign(actor, id, input.staffId || null));
  triage('resolve', (actor, id) => s.inbox.resolve(actor, id));
  triage('reopen', (actor, id) => s.inbox.reopen(actor, id));
  triage('escalate', (actor, id) => s.inbox.escalate(actor, id));
  triage('priority', (actor, id, input) => s.inbox.setPriority(actor, id, input.priority ?? 'normal'));
}
