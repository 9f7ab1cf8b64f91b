import type { AccountsPort } from '@petfriendly/accounts';
import { dateTimeFormat, type HttpApp, isStaff, type ModuleContext, requireStaff, textForm } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REMINDER_STATUSES, REMINDER_TYPES } from '../omnichannel.tables';
import { reminderListSchema } from '../reminder.service';
import type { OmnichannelServices } from '../services';

const STATUS_TONE = { pending: 'info', sent: 'muted', failed: 'danger', confirmed: 'ok', declined: 'warn', skipped: 'danger', cancelled: 'muted' } as const;
const bulkQuery = z.object({ audience: z.string().max(100).optional(), param: z.string().max(100).optional() });

/** Staff see and withdraw reminders; managers write to many owners at once (a closure, a recall). */
export async function outreachPages(app: HttpApp, s: OmnichannelServices, ctx: ModuleContext, accounts: AccountsPort) {
  const tz = ctx.clinic.TIME_ZONE;

  app.get('/admin/reminders', { schema: { querystring: reminderListSchema } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const list = await s.reminders.listReminders(staff, q);
    const names = await accounts.directory.namesOf([...new Set(list.items.map((r) => r.userId))]);
    const page = pageContext(req, reply);
    const { t } = page;
    const stamp = (d: Date | null) => (d ? dateTimeFormat(req.lang, { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(d) : '');
    const link = (change: Record<string, string | number | undefined>) => {
      const merged: Record<string, string | number | undefined> = { status: q.status, reminderType: q.reminderType, ...change };
      return `/admin/reminders?${new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined) as [string, string][])}`;
    };
    const chip = (label: string, change: Record<string, string | undefined>, on: boolean) => (
      <a class={`choice${on ? ' chosen' : ''}`} href={link(change)}>
        {label}
      </a>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('omnichannel:reminders.title')} area="admin">
        <h1>{t('omnichannel:reminders.title')}</h1>
        <p class="meta">{t('omnichannel:reminders.help')}</p>
        <div class="choices scroll">
          {chip(t('omnichannel:inbox.all'), { status: undefined }, !q.status)}
          {REMINDER_STATUSES.map((st) => chip(t(`omnichannel:reminderStatus.${st}`), { status: st }, q.status === st))}
        </div>
        <div class="choices scroll">
          {chip(t('omnichannel:inbox.all'), { reminderType: undefined }, !q.reminderType)}
          {REMINDER_TYPES.map((ty) => chip(t(`omnichannel:reminderType.${ty}`), { reminderType: ty }, q.reminderType === ty))}
        </div>
        <Card>
          {list.items.length === 0 ? <Empty>{t('omnichannel:reminders.none')}</Empty> : null}
          <ul class="list">
            {list.items.map((r) => (
              <li>
                <span>
                  <b>{names.get(r.userId) ?? '—'}</b> · {t(`omnichannel:reminderType.${r.reminderType}`)}
                  <div class="meta">
                    {stamp(r.scheduledFor)}
                    {r.channel ? ` · ${t(`omnichannel:channels.${r.channel}`)}` : ''}
                    {r.response ? ` · “${r.response}”` : ''}
                  </div>
                </span>
                <span>
                  <Badge tone={STATUS_TONE[r.status]}>{t(`omnichannel:reminderStatus.${r.status}`)}</Badge>
                  {r.status === 'pending' ? (
                    <Form ctx={page} action={`/admin/reminders/${r.id}/cancel`} class="inline">
                      <button type="submit" class="btn-small secondary">
                        {t('omnichannel:reminders.cancel')}
                      </button>
                    </Form>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => link({ page: n })} />
        </Card>
      </Layout>,
    );
  });

  app.post(
    '/admin/reminders/:id/cancel',
    { schema: { params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) } },
    async (req, reply) => {
      try {
        await s.reminders.cancelReminder(req.actor, req.params.id);
        flash(reply, 'success', req.t('omnichannel:reminders.cancelled'));
      } catch (error) {
        if (!isStaff(req.actor)) throw error;
        flash(reply, 'error', formErrors(error, req.t).message);
      }
      return redirect(reply, '/admin/reminders?status=pending');
    },
  );

  const bulkPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { audience?: string; param?: string; subject?: string; message?: string },
    failed?: { message: string; fields: Record<string, string | undefined> },
  ) => {
    const audiences = s.audiences.list(req.actor);
    const page = pageContext(req, reply);
    const { t } = page;
    const chosen = audiences.find((a) => a.key === form.audience) ?? audiences[0];
    return sendPage(
      reply,
      <Layout ctx={page} title={t('omnichannel:bulk.title')} area="admin">
        <h1>{t('omnichannel:bulk.title')}</h1>
        <p class="meta">{t('omnichannel:bulk.help')}</p>
        <Card>
          {failed ? <FormErrorSummary message={failed.message} /> : null}
          <Form ctx={page} action="/admin/messages/bulk">
            <Select
              name="audience"
              label={t('omnichannel:bulk.audience')}
              value={chosen?.key}
              options={audiences.map((a) => ({ value: a.key, label: t(a.labelKey) }))}
              errors={failed?.fields}
            />
            {chosen?.param === 'date' ? (
              <Field name="param" type="date" label={t('omnichannel:bulk.date')} value={form.param} required errors={failed?.fields} />
            ) : null}
            <Field
              name="subject"
              label={t('omnichannel:templates.subject')}
              value={form.subject}
              hint={t('omnichannel:bulk.subjectHint')}
              errors={failed?.fields}
            />
            <TextArea name="message" label={t('omnichannel:bulk.message')} value={form.message} rows={5} required errors={failed?.fields} />
            <button type="submit">{t('omnichannel:bulk.send')}</button>
          </Form>
        </Card>
      </Layout>,
      failed ? 422 : 200,
    );
  };

  app.get('/admin/messages/bulk', { schema: { querystring: bulkQuery } }, async (req, reply) => bulkPage(req, reply, req.query));

  app.post('/admin/messages/bulk', { schema: { body: textForm } }, async (req, reply) => {
    const form = req.body;
    try {
      const result = await s.audiences.sendToAudience(req.actor, { ...form, param: form.param || undefined, subject: form.subject || undefined });
      if (!result.sent.length && !result.unreachable.length) return bulkPage(req, reply, form, { message: req.t('omnichannel:bulk.empty'), fields: {} });
      const names = await accounts.directory.namesOf(result.unreachable.map((u) => u.userId));
      const missed = result.unreachable.map((u) => names.get(u.userId) ?? u.userId).join(', ');
      if (result.unreachable.length)
        flash(reply, 'error', req.t('omnichannel:bulk.result', { sent: result.sent.length, count: result.unreachable.length, missed }));
      else flash(reply, 'success', req.t('omnichannel:bulk.sent', { sent: result.sent.length }));
      return redirect(reply, '/admin/messages/bulk');
    } catch (error) {
      if (!isStaff(req.actor)) throw error;
      return bulkPage(req, reply, form, formErrors(error, req.t));
    }
  });
}
