import {
  clinicInstant,
  formatMoney,
  formBody,
  type HttpApp,
  idParams,
  type ModuleContext,
  pageOnlyQuery,
  requireStaff,
  textForm,
  textQuery,
} from '@petfriendly/core';
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
  type PageContext,
  Pager,
  pageContext,
  redirect,
  ScrollRegion,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MANAGERS } from '../campaign.service';
import { type CampaignContent, type CampaignStatus, CHANNELS, LANGUAGES, type SequenceKey } from '../marketing.tables';
import type { MarketingServices } from '../services';

type Campaign = Awaited<ReturnType<MarketingServices['campaigns']['getCampaign']>>;
type Values = Record<string, string>;

const STATUS_TONE: Record<CampaignStatus, 'ok' | 'warn' | 'danger' | 'muted' | 'info'> = {
  draft: 'muted',
  scheduled: 'info',
  sending: 'warn',
  paused: 'warn',
  sent: 'ok',
  cancelled: 'danger',
};
/** The languages written in the editor's open part; the rest fold away. */
const MAIN_LANGUAGES = ['es', 'en'] as const;

const StatusBadge = ({ ctx, status }: { ctx: PageContext; status: CampaignStatus }) => (
  <Badge tone={STATUS_TONE[status]}>{ctx.t(`marketing:status.${status}`)}</Badge>
);

/** The editor's form fields as the service's input: a language counts when its text is written. */
function campaignInput(body: unknown) {
  const nested = nestForm(body) as { content?: Record<string, Values> } & Values;
  const content: Record<string, Partial<CampaignContent>> = {};
  for (const [language, c] of Object.entries(nested.content ?? {})) {
    if (!c.text?.trim()) continue;
    content[language] = {
      subject: c.subject ?? '',
      text: c.text,
      html: c.html ?? '',
      whatsappTemplate: c.whatsappTemplate ?? '',
      whatsappParams: (c.whatsappParams ?? '')
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
    };
  }
  return {
    name: nested.name,
    segmentId: nested.segmentId,
    channel: nested.channel,
    attributionDays: nested.attributionDays || undefined,
    content,
  };
}

/** The form's values back from a campaign (editing) or from what was sent (a refused save). */
function valuesOf(campaign: Campaign | null): Values {
  if (!campaign) return { channel: 'preferred', attributionDays: '14' };
  const values: Values = {
    name: campaign.name,
    segmentId: String(campaign.segmentId ?? ''),
    channel: campaign.channel,
    attributionDays: String(campaign.attributionDays),
  };
  for (const [language, c] of Object.entries(campaign.content)) {
    if (!c) continue;
    values[`content.${language}.subject`] = c.subject;
    values[`content.${language}.text`] = c.text;
    values[`content.${language}.html`] = c.html;
    values[`content.${language}.whatsappTemplate`] = c.whatsappTemplate;
    values[`content.${language}.whatsappParams`] = c.whatsappParams.join('\n');
  }
  return values;
}

function LanguageFields({ ctx, language, values, errors }: { ctx: PageContext; language: string; values: Values; errors: FieldErrors }) {
  const { t } = ctx;
  const key = (f: string) => `content.${language}.${f}`;
  return (
    <fieldset>
      <legend>{t(`marketing:language.${language}`)}</legend>
      <Field name={key('subject')} label={t('marketing:editor.subject')} value={values[key('subject')]} errors={errors} />
      <TextArea name={key('text')} label={t('marketing:editor.text')} value={values[key('text')]} errors={errors} rows={4} />
      <TextArea name={key('html')} label={t('marketing:editor.html')} value={values[key('html')]} errors={errors} rows={3} />
      <Field name={key('whatsappTemplate')} label={t('marketing:editor.whatsappTemplate')} value={values[key('whatsappTemplate')]} errors={errors} />
      <TextArea name={key('whatsappParams')} label={t('marketing:editor.whatsappParams')} value={values[key('whatsappParams')]} errors={errors} rows={2} />
    </fieldset>
  );
}

/** The live count: who the campaign would reach now (htmx fetches it when the segment or channel changes). */
function CountPart({ ctx, count }: { ctx: PageContext; count: Awaited<ReturnType<MarketingServices['campaigns']['countRecipients']>> | null }) {
  const { t } = ctx;
  return (
    <div id="recipient-count" aria-live="polite" class="stack">
      {count ? (
        <>
          <p>
            <b>{t('marketing:editor.count', { reachable: count.reachable, segment: count.segment })}</b>
          </p>
          <p class="meta">{t('marketing:editor.countDetail', { noConsent: count.noConsent, suppressed: count.suppressed })}</p>
        </>
      ) : (
        <p class="meta">{t('marketing:editor.countPick')}</p>
      )}
    </div>
  );
}

/** Campaign admin: the list with the sequences, the editor with preview and live count, sending actions and results. */
export async function campaignPages(app: HttpApp, s: MarketingServices, ctx: ModuleContext) {
  const c = s.campaigns;

  app.get('/admin/marketing', { schema: { querystring: pageOnlyQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor, MANAGERS);
    const q = req.query;
    const list = await c.listCampaigns(staff, { page: q.page, pageSize: 20 });
    const sequences = await s.sequences.listSequences(staff);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('marketing:list.title')} area="admin" description={t('marketing:list.description')}>
        <h1>{t('marketing:list.title')}</h1>
        <p>
          <a class="btn" href="/admin/marketing/new">
            {t('marketing:list.new')}
          </a>
        </p>
        <Card>
          {list.items.length === 0 ? (
            <Empty>{t('marketing:list.none')}</Empty>
          ) : (
            <ScrollRegion label={t('marketing:list.title')}>
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('marketing:list.name')}</th>
                    <th scope="col">{t('marketing:list.status')}</th>
                    <th scope="col">{t('marketing:list.created')}</th>
                    <th scope="col">{t('marketing:list.results')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((row) => (
                    <tr>
                      <td>
                        <a href={`/admin/marketing/${row.id}`}>{row.name}</a>
                      </td>
                      <td>
                        <StatusBadge ctx={page} status={row.status} />
                      </td>
                      <td>{page.fmt.date(row.createdAt)}</td>
                      <td>{row.queuedAt ? <a href={`/admin/marketing/${row.id}/results`}>{t('marketing:list.results')}</a> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => `/admin/marketing?page=${n}`} />
        </Card>
        <Card title={t('marketing:sequences.title')}>
          <p class="meta">{t('marketing:sequences.description')}</p>
          <ul class="list">
            {sequences.map((q) => (
              <li>
                <div>
                  <a href={`/admin/marketing/sequences/${q.key}`}>
                    <b>{t(`marketing:sequences.${q.key}`)}</b>
                  </a>{' '}
                  {q.isActive ? <Badge tone="ok">{t('marketing:sequences.on')}</Badge> : <Badge>{t('marketing:sequences.off')}</Badge>}
                  <br />
                  <span class="meta">
                    {t('marketing:sequences.steps', { count: q.steps.length })} ·{' '}
                    {t('marketing:sequences.inside', { active: q.active, completed: q.completed, stopped: q.stopped })}
                  </span>
                </div>
                <Form ctx={page} action={`/admin/marketing/sequences/${q.key}`} class="row">
                  <input type="hidden" name="isActive" value={q.isActive ? 'false' : 'true'} />
                  <button type="submit" class={`btn-small${q.isActive ? ' btn-secondary' : ''}`}>
                    {q.isActive ? t('marketing:sequences.switchOff') : t('marketing:sequences.switchOn')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  app.post(
    '/admin/marketing/sequences/:key',
    { schema: { params: z.object({ key: z.string().max(40) }), body: formBody({ isActive: z.string().optional() }) } },
    async (req, reply) => {
      const { key } = req.params;
      await s.sequences.setActive(req.actor, key as SequenceKey, { isActive: req.body.isActive === 'true' });
      flash(reply, 'success', req.t('marketing:sequences.saved'));
      return redirect(reply, '/admin/marketing');
    },
  );

  app.get('/admin/marketing/count', { schema: { querystring: textQuery } }, async (req, reply) => {
    const q = req.query;
    const count = q.segmentId ? await c.countRecipients(req.actor, { segmentId: q.segmentId, channel: q.channel || 'preferred' }).catch(() => null) : null;
    return sendPage(reply, <CountPart ctx={pageContext(req, reply)} count={count} />);
  });

  /** The editor: a new campaign, or one not started yet (with its preview and the sending card). */
  async function editorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: Campaign | null,
    values: Values,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) {
    const staff = requireStaff(req.actor, MANAGERS);
    const page = pageContext(req, reply);
    const { t } = page;
    const segments = await c.segmentChoices(staff);
    const editable = !campaign || campaign.status === 'draft' || campaign.status === 'scheduled';
    const count = values.segmentId
      ? await c.countRecipients(staff, { segmentId: values.segmentId, channel: values.channel || 'preferred' }).catch(() => null)
      : null;
    const preview = campaign ? await c.previewSample(staff, campaign.id).catch(() => null) : null;
    const action = campaign ? `/admin/marketing/${campaign.id}` : '/admin/marketing/new';
    const title = campaign ? campaign.name : t('marketing:editor.newTitle');
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin" description={t('marketing:list.description')}>
        <h1>
          {title} {campaign ? <StatusBadge ctx={page} status={campaign.status} /> : null}
        </h1>
        {campaign?.queuedAt ? (
          <p>
            <a href={`/admin/marketing/${campaign.id}/results`}>{t('marketing:results.title')}</a>
          </p>
        ) : null}
        {editable ? (
          <Card title={campaign ? t('marketing:editor.editTitle') : t('marketing:editor.newTitle')}>
            <FormErrorSummary message={message} />
            <Form ctx={page} action={action}>
              <Field name="name" label={t('marketing:editor.name')} value={values.name} errors={errors} required />
              <div
                class="stack"
                data-hx-get="/admin/marketing/count"
                data-hx-trigger="change"
                data-hx-target="#recipient-count"
                data-hx-swap="outerHTML"
                data-hx-include="[name='segmentId'],[name='channel']"
              >
                <Select
                  name="segmentId"
                  label={t('marketing:editor.segment')}
                  value={values.segmentId}
                  errors={errors}
                  required
                  options={[
                    { value: '', label: t('marketing:editor.chooseSegment') },
                    ...segments.map((x) => ({ value: String(x.id), label: `${x.name} (${x.memberCount})` })),
                  ]}
                />
                <Select
                  name="channel"
                  label={t('marketing:editor.channel')}
                  value={values.channel}
                  errors={errors}
                  options={['preferred', ...CHANNELS].map((ch) => ({ value: ch, label: t(`marketing:channel.${ch}`) }))}
                />
              </div>
              <CountPart ctx={page} count={count} />
              <p class="meta">{t('marketing:editor.placeholders')}</p>
              {MAIN_LANGUAGES.map((language) => (
                <LanguageFields ctx={page} language={language} values={values} errors={errors} />
              ))}
              <details>
                <summary>{t('marketing:editor.otherLanguages')}</summary>
                {LANGUAGES.filter((l) => !(MAIN_LANGUAGES as readonly string[]).includes(l)).map((language) => (
                  <LanguageFields ctx={page} language={language} values={values} errors={errors} />
                ))}
              </details>
              <Field
                name="attributionDays"
                type="number"
                min="1"
                max="90"
                label={t('marketing:editor.attributionDays')}
                value={values.attributionDays}
                errors={errors}
              />
              <button type="submit">{t('marketing:editor.save')}</button>
            </Form>
          </Card>
        ) : (
          <Card>
            <p>{t('marketing:editor.started')}</p>
          </Card>
        )}
        {preview ? (
          <Card title={t('marketing:preview.title')}>
            <p class="meta">{t('marketing:preview.for', { name: preview.ownerName, channel: t(`marketing:channel.${preview.channel}`) })}</p>
            {preview.subject ? (
              <p>
                <b>{preview.subject}</b>
              </p>
            ) : null}
            <pre class="message-preview">{preview.text}</pre>
          </Card>
        ) : campaign ? (
          <Card title={t('marketing:preview.title')}>
            <p class="meta">{t('marketing:preview.none')}</p>
          </Card>
        ) : null}
        {campaign ? <ActionsCard ctx={page} campaign={campaign} /> : null}
      </Layout>,
      status,
    );
  }

  function ActionsCard({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
    const { t } = ctx;
    const base = `/admin/marketing/${campaign.id}`;
    const button = (act: string, label: string, secondary = false) => (
      <Form ctx={ctx} action={`${base}/${act}`} class="row">
        <button type="submit" class={secondary ? 'btn-secondary' : undefined}>
          {label}
        </button>
      </Form>
    );
    return (
      <Card title={t('marketing:actions.title')}>
        {campaign.status === 'scheduled' && campaign.scheduledAt ? (
          <p>{t('marketing:actions.scheduledFor', { at: ctx.fmt.dateTime(campaign.scheduledAt) })}</p>
        ) : null}
        <div class="stack">
          {campaign.status === 'draft' || campaign.status === 'scheduled' ? button('test', t('marketing:actions.test'), true) : null}
          {campaign.status === 'draft' ? (
            <>
              <Form ctx={ctx} action={`${base}/schedule`} class="row">
                <Field name="at" type="datetime-local" label={t('marketing:actions.scheduleAt')} />
                <button type="submit">{t('marketing:actions.schedule')}</button>
              </Form>
              {button('schedule', t('marketing:actions.sendNow'))}
            </>
          ) : null}
          {campaign.status === 'sending' || campaign.status === 'scheduled' ? button('pause', t('marketing:actions.pause'), true) : null}
          {campaign.status === 'paused' ? button('resume', t('marketing:actions.resume')) : null}
          {campaign.status !== 'sent' && campaign.status !== 'cancelled' ? button('cancel', t('marketing:actions.cancel'), true) : null}
        </div>
      </Card>
    );
  }

  app.get('/admin/marketing/new', async (req, reply) => editorPage(req, reply, null, valuesOf(null)));
  app.post('/admin/marketing/new', { schema: { body: textForm } }, async (req, reply) => {
    try {
      const created = await c.createCampaign(req.actor, campaignInput(req.body));
      flash(reply, 'success', req.t('marketing:editor.saved'));
      return redirect(reply, `/admin/marketing/${created.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editorPage(req, reply, null, req.body, fields, message, 422);
    }
  });

  app.get('/admin/marketing/:id', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    const campaign = await c.getCampaign(req.actor, id);
    return editorPage(req, reply, campaign, valuesOf(campaign));
  });
  app.post('/admin/marketing/:id', { schema: { params: idParams, body: textForm } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await c.updateCampaign(req.actor, id, campaignInput(req.body));
      flash(reply, 'success', req.t('marketing:editor.saved'));
      return redirect(reply, `/admin/marketing/${id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editorPage(req, reply, await c.getCampaign(req.actor, id), req.body, fields, message, 422);
    }
  });

  /** A sending action's button: the service call, then back to the campaign with what happened. */
  const actionBody = formBody({ at: z.string().optional() });
  const action = (path: string, act: (req: FastifyRequest, id: number, body: z.output<typeof actionBody>) => Promise<unknown>, done: string) =>
    app.post(`/admin/marketing/:id/${path}`, { schema: { params: idParams, body: actionBody } }, async (req, reply) => {
      const { id } = req.params;
      try {
        await act(req, id, req.body);
        flash(reply, 'success', req.t(done));
      } catch (error) {
        flash(reply, 'error', formErrors(error, req.t).message);
      }
      return redirect(reply, `/admin/marketing/${id}`);
    });
  action('test', (req, id) => c.testSend(req.actor, id, {}), 'marketing:actions.tested');
  action(
    'schedule',
    (req, id, body) => {
      const { at } = body;
      // The picker's time is the clinic's.
      const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(at ?? '');
      return c.scheduleCampaign(req.actor, id, local ? { at: clinicInstant(local[1]!, local[2]!, ctx.clinic.TIME_ZONE) } : at ? { at } : {});
    },
    'marketing:actions.scheduled',
  );
  action('pause', (req, id) => c.pauseCampaign(req.actor, id), 'marketing:actions.paused');
  action('resume', (req, id) => c.resumeCampaign(req.actor, id), 'marketing:actions.resumed');
  action('cancel', (req, id) => c.cancelCampaign(req.actor, id), 'marketing:actions.cancelled');

  app.get('/admin/marketing/:id/results', { schema: { params: idParams, querystring: pageOnlyQuery } }, async (req, reply) => {
    const { id } = req.params;
    const q = req.query;
    const results = await c.campaignResults(req.actor, id);
    const recipients = await c.listRecipients(req.actor, id, { page: q.page, pageSize: 50 });
    const page = pageContext(req, reply);
    const { t } = page;
    const figure = (label: string, value: string | number) => (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={`${t('marketing:results.title')} · ${results.campaign.name}`} area="admin" description={t('marketing:list.description')}>
        <h1>
          <a href={`/admin/marketing/${id}`}>{results.campaign.name}</a> <StatusBadge ctx={page} status={results.campaign.status} />
        </h1>
        <Card title={t('marketing:results.title')}>
          <dl class="facts">
            {figure(t('marketing:results.recipients'), results.recipients)}
            {Object.entries(results.states).map(([state, n]) => figure(t(`marketing:state.${state}`), n ?? 0))}
            {figure(t('marketing:results.clickers'), results.clickers)}
            {figure(t('marketing:results.clicks'), results.clicks)}
            {figure(t('marketing:results.bookings'), results.bookings)}
            {figure(t('marketing:results.purchases'), results.purchases)}
            {figure(t('marketing:results.revenue'), formatMoney(results.revenue, 'MXN', page.lang === 'es' ? 'es-MX' : page.lang))}
          </dl>
          <p class="meta">{t('marketing:results.window', { days: results.campaign.attributionDays })}</p>
        </Card>
        <Card title={t('marketing:results.recipients')}>
          {recipients.items.length === 0 ? (
            <Empty>{t('marketing:results.none')}</Empty>
          ) : (
            <ScrollRegion label={t('marketing:results.recipients')}>
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('marketing:results.address')}</th>
                    <th scope="col">{t('marketing:editor.channel')}</th>
                    <th scope="col">{t('marketing:list.status')}</th>
                    <th scope="col">{t('marketing:results.sentAt')}</th>
                    <th scope="col">{t('marketing:results.clickedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {recipients.items.map((r) => (
                    <tr>
                      <td>
                        <a href={`/admin/customers/${r.ownerId}`}>{r.address}</a>
                      </td>
                      <td>{t(`marketing:channel.${r.channel}`)}</td>
                      <td>{t(`marketing:state.${r.state}`)}</td>
                      <td>{r.sentAt ? page.fmt.dateTime(r.sentAt) : '—'}</td>
                      <td>{r.clickedAt ? `${page.fmt.dateTime(r.clickedAt)} (${r.clickCount})` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <Pager ctx={page} page={recipients.page} hasNext={recipients.hasNext} href={(n) => `/admin/marketing/${id}/results?page=${n}`} />
        </Card>
      </Layout>,
    );
  });
}
