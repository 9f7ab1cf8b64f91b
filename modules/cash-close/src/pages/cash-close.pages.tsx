import { formatMoney, type HttpApp, type ModuleContext, money, optionalDay, requireStaff } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APPROVERS, READERS } from '../cash-close.service';
import { MOVEMENT_KINDS } from '../cash-close.tables';
import { DENOMINATIONS } from '../denominations';
import type { CashCloseServices } from '../services';

type Problem = { errors: FieldErrors; message: string; status: number; form: 'count' | 'movement' };
/** A form field per denomination (`pieces.0_50`: a dot would nest it). */
const fieldOf = (d: string) => d.replace('.', '_');
const validDay = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Reception counts the drawer at closing; a manager approves; both see expected against counted. */
export async function cashClosePages(app: HttpApp, s: CashCloseServices, _ctx: ModuleContext) {
  const c = s.cashClose;

  async function closePage(req: FastifyRequest, reply: FastifyReply, day?: string, values: Record<string, unknown> = {}, problem?: Problem) {
    const staff = requireStaff(req.actor, READERS);
    const figures = await c.getDay(staff, day);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const mxn = (v: string) => formatMoney(v, 'MXN', lang === 'es' ? 'es-MX' : lang);
    const close = figures.close;
    const approved = close?.status === 'approved';
    const counted = (close?.denominations ?? {}) as Record<string, number>;
    const v = (values.pieces ?? {}) as Record<string, unknown>;
    const diff = (a: string, b: string) => money(a).minus(b).toFixed(2);
    return sendPage(
      reply,
      <Layout ctx={page} title={t('cash-close:title')} description={t('cash-close:description')} area="admin">
        <h1>{t('cash-close:title')}</h1>
        <form method="get" action="/admin/cash-close" class="row">
          <div class="field">
            <label for="f-day">{t('cash-close:day')}</label>
            <input id="f-day" type="date" name="day" value={figures.day} />
          </div>
          <button type="submit">{t('cash-close:show')}</button>
        </form>
        <p>
          <Badge tone={approved ? 'ok' : close ? 'warn' : 'muted'}>{t(`cash-close:status.${close?.status ?? 'open'}`)}</Badge>{' '}
          <a href={`/admin/cash-close/${figures.day}/slip.pdf`}>📄 {t('cash-close:slip')}</a>
        </p>
        <div class="grid-2">
          <Card title={t('cash-close:summary.title')}>
            <table class="data" aria-label={t('cash-close:summary.title')}>
              <thead>
                <tr>
                  <th>{t('cash-close:col.method')}</th>
                  <th class="num">{t('cash-close:col.expected')}</th>
                  <th class="num">{t('cash-close:col.counted')}</th>
                  <th class="num">{t('cash-close:col.difference')}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  [t('cash-close:summary.cash'), close?.expectedCash ?? figures.expectedCash, close?.countedCash],
                  [t('cash-close:summary.card'), close?.expectedCard ?? figures.expectedCard, close?.cardTerminalTotal],
                ].map(([label, expected, got]) => (
                  <tr>
                    <td data-label={t('cash-close:col.method')}>{label}</td>
                    <td data-label={t('cash-close:col.expected')} class="num">
                      {mxn(expected!)}
                    </td>
                    <td data-label={t('cash-close:col.counted')} class="num">
                      {got ? mxn(got) : '—'}
                    </td>
                    <td data-label={t('cash-close:col.difference')} class="num">
                      {got ? <b>{mxn(diff(got, expected!))}</b> : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {close?.reason ? (
              <p class="meta">
                {t('cash-close:count.reason')}: {close.reason}
              </p>
            ) : null}
            {close?.status === 'counted' && APPROVERS.some((r) => r === staff.role) ? (
              <Form ctx={page} action="/admin/cash-close/approve">
                <input type="hidden" name="day" value={figures.day} />
                <button type="submit">✅ {t('cash-close:approve.button')}</button>
              </Form>
            ) : null}
          </Card>
          <Card title={t('cash-close:methods.title')}>
            {figures.methods.length === 0 ? (
              <Empty>{t('cash-close:methods.none')}</Empty>
            ) : (
              <table class="data" aria-label={t('cash-close:methods.title')}>
                <thead>
                  <tr>
                    <th>{t('cash-close:col.method')}</th>
                    <th class="num">{t('cash-close:col.received')}</th>
                    <th class="num">{t('cash-close:col.refunded')}</th>
                    <th class="num">{t('cash-close:col.net')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.methods.map((m) => (
                    <tr>
                      <td data-label={t('cash-close:col.method')}>{t(`cash-close:methods.${m.method}`)}</td>
                      <td data-label={t('cash-close:col.received')} class="num">
                        {mxn(m.received)}
                      </td>
                      <td data-label={t('cash-close:col.refunded')} class="num">
                        {mxn(m.refunded)}
                      </td>
                      <td data-label={t('cash-close:col.net')} class="num">
                        {mxn(m.net)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
        {approved ? null : (
          <div class="grid-2">
            <Card title={t('cash-close:count.title')}>
              <FormErrorSummary message={problem?.form === 'count' ? problem.message : undefined} />
              <Form ctx={page} action="/admin/cash-close/count">
                <input type="hidden" name="day" value={figures.day} />
                {/* Two columns on a phone too: eleven short number fields. */}
                <div class="grid-2" style="grid-template-columns:1fr 1fr">
                  {DENOMINATIONS.map((d) => (
                    <Field
                      name={`pieces.${fieldOf(d)}`}
                      label={t('cash-close:count.pieces', { value: mxn(d) })}
                      type="number"
                      min="0"
                      step="1"
                      value={String(v[fieldOf(d)] ?? counted[d] ?? '')}
                      errors={problem?.form === 'count' ? problem.errors : undefined}
                    />
                  ))}
                </div>
                <Field
                  name="cardTerminalTotal"
                  label={t('cash-close:count.cardTotal')}
                  type="number"
                  step="0.01"
                  min="0"
                  value={String(values.cardTerminalTotal ?? close?.cardTerminalTotal ?? '')}
                  errors={problem?.form === 'count' ? problem.errors : undefined}
                  required
                />
                <TextArea
                  name="reason"
                  label={t('cash-close:count.reason')}
                  value={String(values.reason ?? close?.reason ?? '')}
                  errors={problem?.form === 'count' ? problem.errors : undefined}
                  rows={2}
                />
                <button type="submit" class="btn-block">
                  {t('cash-close:count.save')}
                </button>
              </Form>
            </Card>
            <Card title={t('cash-close:drawer.title')}>
              {figures.movements.length === 0 ? (
                <Empty>{t('cash-close:drawer.none')}</Empty>
              ) : (
                <ul class="list">
                  {figures.movements.map((m) => (
                    <li>
                      {t(`cash-close:drawer.${m.kind}`)}: <b>{mxn(m.amount)}</b> <span class="meta">{m.note}</span>
                    </li>
                  ))}
                </ul>
              )}
              <FormErrorSummary message={problem?.form === 'movement' ? problem.message : undefined} />
              <Form ctx={page} action="/admin/cash-close/movements">
                <input type="hidden" name="day" value={figures.day} />
                <Select
                  name="kind"
                  label={t('cash-close:drawer.kind')}
                  value={String(values.kind ?? 'float')}
                  options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`cash-close:drawer.${k}`) }))}
                />
                <Field
                  name="amount"
                  label={t('cash-close:drawer.amount')}
                  type="number"
                  step="0.01"
                  min="0.01"
                  value={String(values.amount ?? '')}
                  errors={problem?.form === 'movement' ? problem.errors : undefined}
                  required
                />
                <Field name="note" label={t('cash-close:drawer.note')} value={String(values.note ?? '')} />
                <button type="submit" class="btn-secondary">
                  {t('cash-close:drawer.add')}
                </button>
              </Form>
            </Card>
          </div>
        )}
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/cash-close', { schema: { querystring: z.object({ day: optionalDay }) } }, (req, reply) => closePage(req, reply, req.query.day));

  const post = (path: string, form: Problem['form'], action: (req: FastifyRequest, body: Record<string, unknown>) => Promise<unknown>, done: string) =>
    app.post(path, async (req, reply) => {
      const body = nestForm(req.body);
      const day = validDay(body.day);
      try {
        await action(req, body);
        flash(reply, 'success', req.t(done));
        return redirect(reply, `/admin/cash-close${day ? `?day=${day}` : ''}`);
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return closePage(req, reply, day, body, { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422, form });
      }
    });
  post(
    '/admin/cash-close/count',
    'count',
    (req, body) => {
      const pieces = (body.pieces ?? {}) as Record<string, unknown>;
      return c.count(req.actor, { ...body, denominations: Object.fromEntries(DENOMINATIONS.map((d) => [d, pieces[fieldOf(d)]])) });
    },
    'cash-close:count.saved',
  );
  post('/admin/cash-close/movements', 'movement', (req, body) => c.recordMovement(req.actor, body), 'cash-close:drawer.saved');
  post('/admin/cash-close/approve', 'count', (req, body) => c.approve(req.actor, String(body.day ?? '')), 'cash-close:approve.done');
}
