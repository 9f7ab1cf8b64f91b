import { type HttpApp, idParams, numberFormat, pageOnlyQuery, requireStaff, textForm } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, formErrors, Layout, type PageContext, Pager, pageContext, redirect, ScrollRegion, sendPage } from '@petfriendly/ui';
import { CHANNELS, CHURN_RISKS, TIERS } from '../crm.tables';
import { type BuilderFields, builderFields, rulesFromFields } from '../segments/form';
import type { CrmServices } from '../services';
import { SummaryTable } from './summary-table';

const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'];
const LANGUAGES = ['es', 'en', 'de', 'fr', 'it'];
/** The rules the builder sent back; anything unreadable becomes null, which the rules schema refuses. */
function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

type Preview = Awaited<ReturnType<CrmServices['segments']['previewSegment']>>;
type Insight = Awaited<ReturnType<CrmServices['insights']['getInsights']>>;
type Retention = Awaited<ReturnType<typeof retentionOf>>;
const retentionOf = (s: CrmServices, staff: Parameters<CrmServices['insights']['getInsights']>[0]) =>
  s.insights.getInsights(staff, { type: 'retention', months: 12 });

function Choices({
  ctx,
  name,
  values,
  chosen,
  label,
}: {
  ctx: PageContext;
  name: string;
  values: readonly string[];
  chosen: string[];
  label: (v: string) => string;
}) {
  return (
    <fieldset class="choices-inline">
      <legend>{ctx.t(`crm:builder.${name}`)}</legend>
      {values.map((v) => (
        <label class="checkbox">
          <input type="checkbox" name={name} value={v} checked={chosen.includes(v)} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

function Input({ ctx, name, f, type = 'text' }: { ctx: PageContext; name: string; f: BuilderFields; type?: string }) {
  return (
    <div class="field">
      <label for={`b-${name}`}>{ctx.t(`crm:builder.${name}`)}</label>
      <input id={`b-${name}`} name={name} type={type} inputmode={type === 'number' ? 'numeric' : undefined} value={String(f[name] ?? '')} />
    </div>
  );
}

function Pick({ ctx, name, f, options }: { ctx: PageContext; name: string; f: BuilderFields; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={`b-${name}`}>{ctx.t(`crm:builder.${name}`)}</label>
      <select id={`b-${name}`} name={name}>
        <option value="">{ctx.t('crm:builder.any')}</option>
        {options.map((o) => (
          <option value={o.value} selected={f[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An insight as a table with a bar (a meter) per row. */
function InsightTable({ ctx, insight }: { ctx: PageContext; insight: Insight }) {
  const { t } = ctx;
  const max = Math.max(1, ...insight.rows.map((r) => r.value));
  return (
    <table class="data">
      <caption>{t(`crm:insights.${insight.type}`)}</caption>
      <tbody>
        {insight.rows.map((r) => {
          const label = insight.type === 'new_owners' ? r.label : t(`crm:insights.label.${r.label}`);
          return (
            <tr>
              <th scope="row">{label}</th>
              <td class="num">{r.value}</td>
              <td>
                <meter min={0} max={max} value={r.value} aria-label={label}>
                  {r.value}
                </meter>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Retention by first-visit cohort: one row per month, the share of its owners back N months later. */
function RetentionTable({ ctx, retention }: { ctx: PageContext; retention: Retention }) {
  const { t } = ctx;
  const percent = numberFormat(ctx.lang, { style: 'percent' });
  if (!retention.cohorts.length) return <Empty>{t('crm:insights.noVisits')}</Empty>;
  return (
    <ScrollRegion label={t('crm:insights.retention')}>
      <table class="data retention">
        <caption>{t('crm:insights.retention')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crm:insights.cohort')}</th>
            <th scope="col" class="num">
              {t('crm:insights.owners')}
            </th>
            {retention.offsets.map((k) => (
              <th scope="col" class="num">
                {t('crm:insights.after', { count: k })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {retention.cohorts.map((c) => (
            <tr>
              <th scope="row">{c.month}</th>
              <td class="num" data-label={t('crm:insights.owners')}>
                {c.owners}
              </td>
              {c.returned.map((n, i) => (
                <td
                  class="num"
                  data-label={t('crm:insights.after', { count: retention.offsets[i]! })}
                  title={n === null ? undefined : t('crm:insights.returned', { count: n })}
                >
                  {n === null ? '—' : percent.format(n / c.owners)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The live part of the builder: the count, how long it took, a sample, and the form that saves the rules. */
function PreviewPart({ ctx, preview, error, rules }: { ctx: PageContext; preview: Preview | null; error: string | null; rules: string }) {
  const { t } = ctx;
  return (
    <div id="preview" aria-live="polite">
      {error ? (
        <div class="flash flash-error" role="alert">
          {error}
        </div>
      ) : null}
      {preview ? (
        <Card title={t('crm:builder.matches', { count: preview.count })}>
          <p class="meta">{t('crm:builder.took', { ms: preview.durationMs })}</p>
          {preview.sample.length ? <SummaryTable ctx={ctx} rows={preview.sample} caption={t('crm:builder.sample')} /> : <Empty>{t('crm:list.none')}</Empty>}
          <Form ctx={ctx} action="/admin/segments" class="row">
            <input type="hidden" name="rules" value={rules} />
            <div class="field">
              <label for="s-name">{t('crm:builder.name')}</label>
              <input id="s-name" name="name" required minlength={2} maxlength={200} />
            </div>
            <label class="checkbox">
              <input type="checkbox" name="frozen" value="true" /> {t('crm:builder.static')}
            </label>
            <button type="submit">{t('crm:builder.save')}</button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

/** Segments: the list with counts and insights, the rule builder with a live count and sample, a segment's members. */
export async function segmentPages(app: HttpApp, s: CrmServices) {
  app.get('/admin/segments', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const [segments, activity, churn, newOwners, retention] = await Promise.all([
      s.segments.listSegments(staff),
      s.insights.getInsights(staff, { type: 'activity' }),
      s.insights.getInsights(staff, { type: 'churn' }),
      s.insights.getInsights(staff, { type: 'new_owners', months: 12 }),
      retentionOf(s, staff),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('crm:segments.title')} area="admin" description={t('crm:segments.description')}>
        <h1>{t('crm:segments.title')}</h1>
        <p>
          <a class="btn" href="/admin/segments/new">
            {t('crm:segments.new')}
          </a>
        </p>
        <Card title={t('crm:segments.title')}>
          {segments.length ? (
            <ul class="list">
              {segments.map((seg) => (
                <li>
                  <a href={`/admin/segments/${seg.id}`}>
                    <b>{seg.name}</b>
                  </a>{' '}
                  <Badge tone={seg.isDynamic ? 'info' : 'muted'}>{seg.isDynamic ? t('crm:segments.dynamic') : t('crm:segments.static')}</Badge>
                  <span class="meta">
                    {' '}
                    {t('crm:segments.members', { count: seg.memberCount })}
                    {seg.lastCalculated ? ` · ${page.fmt.dateTime(seg.lastCalculated)} (${seg.lastDurationMs ?? 0} ms)` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('crm:segments.none')}</Empty>
          )}
        </Card>
        <Card title={t('crm:insights.title')}>
          <div class="row">
            {[activity, churn, newOwners].map((insight) => (
              <InsightTable ctx={page} insight={insight} />
            ))}
          </div>
          <RetentionTable ctx={page} retention={retention} />
        </Card>
      </Layout>,
    );
  });

  app.get('/admin/segments/new', { schema: { querystring: builderFields } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const f = req.query;
    const rules = rulesFromFields(f);
    const page = pageContext(req, reply);
    const { t } = page;
    let preview: Preview | null = null;
    let error: string | null = null;
    try {
      preview = await s.segments.previewSegment(staff, { rules });
    } catch (e) {
      const { fields, message } = formErrors(e, req.t);
      error = Object.values(fields).filter(Boolean).join(' · ') || message;
    }
    const chosen = (name: string) => [f[name] ?? []].flat();
    return sendPage(
      reply,
      <Layout ctx={page} title={t('crm:builder.title')} area="admin" description={t('crm:builder.description')}>
        <h1>{t('crm:builder.title')}</h1>
        <form
          method="get"
          action="/admin/segments/new"
          class="stack segment-builder"
          data-hx-get="/admin/segments/new"
          data-hx-trigger="change, input delay:500ms"
          data-hx-select="#preview"
          data-hx-target="#preview"
          data-hx-swap="outerHTML"
        >
          <Pick
            ctx={page}
            name="match"
            f={f}
            options={[
              { value: 'all', label: t('crm:builder.matchAll') },
              { value: 'any', label: t('crm:builder.matchAny') },
            ]}
          />
          <Card title={t('crm:builder.pets')}>
            <Choices ctx={page} name="species" values={SPECIES} chosen={chosen('species')} label={(v) => t(`vet-clinic:species.${v}`)} />
            <div class="row">
              <Input ctx={page} name="breed" f={f} />
              <Input ctx={page} name="ageMin" f={f} type="number" />
              <Input ctx={page} name="ageMax" f={f} type="number" />
              <Pick
                ctx={page}
                name="vaccine"
                f={f}
                options={[
                  { value: 'yes', label: t('crm:builder.yes') },
                  { value: 'no', label: t('crm:builder.no') },
                ]}
              />
            </div>
          </Card>
          <Card title={t('crm:builder.visitsAndSpend')}>
            <div class="row">
              <Input ctx={page} name="sinceMin" f={f} type="number" />
              <Input ctx={page} name="sinceMax" f={f} type="number" />
              <label class="checkbox">
                <input type="checkbox" name="never" value="true" checked={f.never === 'true'} /> {t('crm:builder.never')}
              </label>
              <Input ctx={page} name="spendMin" f={f} />
              <Input ctx={page} name="spendDays" f={f} type="number" />
            </div>
            <Choices ctx={page} name="tier" values={TIERS} chosen={chosen('tier')} label={(v) => t(`crm:tier.${v}`)} />
            <Choices ctx={page} name="churn" values={CHURN_RISKS} chosen={chosen('churn')} label={(v) => t(`crm:churn.${v}`)} />
          </Card>
          <Card title={t('crm:builder.contact')}>
            <div class="row">
              <Input ctx={page} name="tag" f={f} />
              <Pick ctx={page} name="language" f={f} options={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))} />
              <Pick ctx={page} name="channel" f={f} options={CHANNELS.map((c) => ({ value: c, label: t(`crm:channel.${c}`) }))} />
              <Pick
                ctx={page}
                name="consent"
                f={f}
                options={[
                  { value: 'yes', label: t('crm:builder.yes') },
                  { value: 'no', label: t('crm:builder.no') },
                ]}
              />
              <Input ctx={page} name="postalCode" f={f} />
            </div>
          </Card>
          <button type="submit">{t('crm:builder.count')}</button>
        </form>
        <PreviewPart ctx={page} preview={preview} error={error} rules={JSON.stringify(rules)} />
      </Layout>,
    );
  });

  app.post('/admin/segments', { schema: { body: textForm } }, async (req, reply) => {
    const body = req.body;
    try {
      const segment = await s.segments.createSegment(req.actor, { name: body.name, rules: parseJson(body.rules), isDynamic: body.frozen !== 'true' });
      flash(reply, 'success', req.t('crm:done.segment', { count: segment.memberCount }));
      return redirect(reply, `/admin/segments/${segment.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      flash(reply, 'error', Object.values(fields).filter(Boolean).join(' · ') || message);
      return redirect(reply, '/admin/segments/new');
    }
  });

  app.get('/admin/segments/:id', { schema: { params: idParams, querystring: pageOnlyQuery } }, async (req, reply) => {
    const { id } = req.params;
    const { segment, members } = await s.segments.getSegment(req.actor, { segmentId: id }, { page: req.query.page });
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={segment.name} area="admin" description={t('crm:segments.description')}>
        <h1>{segment.name}</h1>
        <p class="meta">
          {segment.isDynamic ? t('crm:segments.dynamic') : t('crm:segments.frozenAt', { date: segment.frozenAt ? page.fmt.dateTime(segment.frozenAt) : '' })} ·{' '}
          {t('crm:segments.members', { count: segment.memberCount })}
        </p>
        <Card>
          {members.items.length ? <SummaryTable ctx={page} rows={members.items} caption={segment.name} /> : <Empty>{t('crm:list.none')}</Empty>}
          <Pager ctx={page} page={members.page} hasNext={members.hasNext} href={(n) => `/admin/segments/${segment.id}?page=${n}`} />
        </Card>
      </Layout>,
    );
  });
}
