import { formBody, type HttpApp, idParams, requireStaff } from '@petfriendly/core';
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
import { PRICE_SOURCES } from '../competitive-intel.tables';
import { MARKET_WATCHERS } from '../competitor.service';
import type { CompetitiveIntelServices } from '../services';
import { price, Tabs } from './parts';

type Values = Record<string, unknown>;
type Problem = { errors: FieldErrors; message: string; status: number };
const joined = (v: unknown) => (Array.isArray(v) ? v.join('\n') : String(v ?? ''));

/** Managers' competitors: the list with what is worth knowing, a competitor's card (edit, archive) and its prices. */
export async function competitorPages(app: HttpApp, s: CompetitiveIntelServices) {
  const c = s.competitors;

  app.get('/admin/competitors', { schema: { querystring: z.object({ archived: z.string().optional() }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor, MARKET_WATCHERS);
    const archived = req.query.archived === '1';
    const [list, insights] = await Promise.all([c.getCompetitors(staff, { includeArchived: archived }), s.insights.getInsights(staff)]);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('competitive-intel:list.title')} description={t('competitive-intel:list.description')} area="admin">
        <h1>{t('competitive-intel:list.title')}</h1>
        <Tabs ctx={page} />
        <p class="card-actions">
          <a class="btn" href="/admin/competitors/new">
            ➕ {t('competitive-intel:list.add')}
          </a>
          <a class="btn btn-secondary" href={archived ? '/admin/competitors' : '/admin/competitors?archived=1'}>
            {archived ? t('competitive-intel:list.hideArchived') : t('competitive-intel:list.showArchived')}
          </a>
        </p>
        <Card title={t('competitive-intel:list.insights')}>
          {insights.summary ? (
            <>
              <p>{insights.summary}</p>
              <p class="meta">{t('competitive-intel:list.summaryBy')}</p>
            </>
          ) : null}
          {insights.insights.length ? (
            <ul class="list">
              {insights.insights.map((i) => (
                <li>{i.text}</li>
              ))}
            </ul>
          ) : (
            <Empty>{t('competitive-intel:list.noInsights')}</Empty>
          )}
        </Card>
        {list.length === 0 ? <Empty>{t('competitive-intel:list.empty')}</Empty> : null}
        <ul class="list">
          {list.map((x) => (
            <li>
              <a href={`/admin/competitors/${x.id}`}>
                <b>{x.name}</b>
              </a>{' '}
              {x.isActive ? null : <Badge tone="muted">{t('competitive-intel:list.archived')}</Badge>}
              <br />
              <span class="meta">{[x.address, x.phone].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  async function competitorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    values?: Values,
    problem?: Problem,
    priceForm?: { values: Values; problem: Problem },
  ) {
    const staff = requireStaff(req.actor, MARKET_WATCHERS);
    const [current, services] = await Promise.all([id ? c.getCompetitor(staff, id) : null, c.ourServices(staff)]);
    const v: Values = values ?? current ?? {};
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const title = current ? current.name : t('competitive-intel:form.newTitle');
    const pv = priceForm?.values ?? {};
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p class="meta">
          <a href="/admin/competitors">← {t('competitive-intel:list.title')}</a>
        </p>
        <h1>{title}</h1>
        {current && !current.isActive ? <Badge tone="muted">{t('competitive-intel:list.archived')}</Badge> : null}
        <div class="grid-2">
          <Card>
            <FormErrorSummary message={problem?.message} />
            <Form ctx={page} action={current ? `/admin/competitors/${current.id}` : '/admin/competitors/new'}>
              <Field name="name" label={t('competitive-intel:form.name')} value={String(v.name ?? '')} errors={problem?.errors} required />
              <TextArea name="address" label={t('competitive-intel:form.address')} value={String(v.address ?? '')} errors={problem?.errors} rows={2} />
              <div class="grid-2">
                <Field name="latitude" label={t('competitive-intel:form.latitude')} value={String(v.latitude ?? '')} errors={problem?.errors} />
                <Field name="longitude" label={t('competitive-intel:form.longitude')} value={String(v.longitude ?? '')} errors={problem?.errors} />
              </div>
              <Field
                name="website"
                label={t('competitive-intel:form.website')}
                value={String(v.website ?? '')}
                errors={problem?.errors}
                placeholder="https://"
              />
              <Field name="phone" label={t('competitive-intel:form.phone')} type="tel" value={String(v.phone ?? '')} errors={problem?.errors} />
              <TextArea
                name="servicesOffered"
                label={t('competitive-intel:form.services')}
                value={joined(v.servicesOffered)}
                errors={problem?.errors}
                rows={4}
              />
              <TextArea name="openingHours" label={t('competitive-intel:form.hours')} value={String(v.openingHours ?? '')} errors={problem?.errors} rows={2} />
              <TextArea name="ipRanges" label={t('competitive-intel:form.ipRanges')} value={joined(v.ipRanges)} errors={problem?.errors} rows={3} />
              <small class="hint">{t('competitive-intel:form.ipHint')}</small>
              <TextArea name="notes" label={t('competitive-intel:form.notes')} value={String(v.notes ?? '')} errors={problem?.errors} />
              <button type="submit" class="btn-block">
                {t('competitive-intel:form.save')}
              </button>
            </Form>
            {current ? (
              <Form ctx={page} action={`/admin/competitors/${current.id}/archive`}>
                <input type="hidden" name="archived" value={current.isActive ? 'true' : ''} />
                <button type="submit" class="btn-secondary">
                  {current.isActive ? t('competitive-intel:form.archive') : t('competitive-intel:form.restore')}
                </button>
              </Form>
            ) : null}
          </Card>
          {current ? (
            <div>
              {current.isActive ? (
                <Card title={t('competitive-intel:price.title')}>
                  <FormErrorSummary message={priceForm?.problem.message} />
                  <Form ctx={page} action={`/admin/competitors/${current.id}/prices`}>
                    <Select
                      name="serviceTypeId"
                      label={t('competitive-intel:price.service')}
                      value={String(pv.serviceTypeId ?? '')}
                      errors={priceForm?.problem.errors}
                      options={[
                        { value: '', label: t('competitive-intel:price.noService') },
                        ...services.map((x) => ({ value: String(x.id), label: `${x.name} (${price(x.price, page.lang)})` })),
                      ]}
                    />
                    <Field name="item" label={t('competitive-intel:price.item')} value={String(pv.item ?? '')} errors={priceForm?.problem.errors} required />
                    <div class="grid-2">
                      <Field
                        name="price"
                        label={t('competitive-intel:price.price')}
                        type="number"
                        step="0.01"
                        min="0"
                        value={String(pv.price ?? '')}
                        errors={priceForm?.problem.errors}
                        required
                      />
                      <Field
                        name="observedOn"
                        label={t('competitive-intel:price.observedOn')}
                        type="date"
                        value={String(pv.observedOn ?? '')}
                        errors={priceForm?.problem.errors}
                      />
                    </div>
                    <Select
                      name="source"
                      label={t('competitive-intel:price.source')}
                      value={String(pv.source ?? 'website')}
                      errors={priceForm?.problem.errors}
                      options={PRICE_SOURCES.map((x) => ({ value: x, label: t(`competitive-intel:price.sources.${x}`) }))}
                    />
                    <Field name="notes" label={t('competitive-intel:price.notes')} value={String(pv.notes ?? '')} errors={priceForm?.problem.errors} />
                    <button type="submit">{t('competitive-intel:price.save')}</button>
                  </Form>
                </Card>
              ) : null}
              <Card title={t('competitive-intel:price.history')}>
                {current.prices.length === 0 ? (
                  <Empty>{t('competitive-intel:price.none')}</Empty>
                ) : (
                  <table class="data" aria-label={t('competitive-intel:price.history')}>
                    <thead>
                      <tr>
                        <th>{t('competitive-intel:col.date')}</th>
                        <th>{t('competitive-intel:col.item')}</th>
                        <th class="num">{t('competitive-intel:col.price')}</th>
                        <th>{t('competitive-intel:col.source')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {current.prices.map((p) => (
                        <tr>
                          <td data-label={t('competitive-intel:col.date')}>{fmt.date(p.observedOn)}</td>
                          <td data-label={t('competitive-intel:col.item')}>{p.item}</td>
                          <td data-label={t('competitive-intel:col.price')} class="num">
                            {price(p.price, page.lang)}
                          </td>
                          <td data-label={t('competitive-intel:col.source')}>{t(`competitive-intel:price.sources.${p.source}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Card>
            </div>
          ) : null}
        </div>
      </Layout>,
      problem?.status ?? priceForm?.problem.status ?? 200,
    );
  }

  const problemOf = (req: FastifyRequest, error: unknown): Problem => {
    const { fields, message } = formErrors(error, req.t);
    return { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422 };
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const body = nestForm(req.body);
    try {
      const saved = id ? await c.updateCompetitor(req.actor, id, body) : await c.addCompetitor(req.actor, body);
      flash(reply, 'success', saved.name);
      return redirect(reply, `/admin/competitors/${saved.id}`);
    } catch (error) {
      return competitorPage(req, reply, id, body, problemOf(req, error));
    }
  };

  app.get('/admin/competitors/new', (req, reply) => competitorPage(req, reply, null));
  app.post('/admin/competitors/new', (req, reply) => save(req, reply, null));
  app.get('/admin/competitors/:id', { schema: { params: idParams } }, (req, reply) => competitorPage(req, reply, req.params.id));
  app.post('/admin/competitors/:id', { schema: { params: idParams } }, (req, reply) => save(req, reply, req.params.id));
  app.post('/admin/competitors/:id/archive', { schema: { params: idParams, body: formBody({ archived: z.string().optional() }) } }, async (req, reply) => {
    const archived = req.body.archived === 'true';
    await c.archiveCompetitor(req.actor, req.params.id, { archived });
    return redirect(reply, `/admin/competitors/${req.params.id}`);
  });
  app.post('/admin/competitors/:id/prices', { schema: { params: idParams } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      await c.logPricing(req.actor, req.params.id, body);
      flash(reply, 'success', req.t('competitive-intel:price.saved'));
      return redirect(reply, `/admin/competitors/${req.params.id}`);
    } catch (error) {
      return competitorPage(req, reply, req.params.id, undefined, undefined, { values: body, problem: problemOf(req, error) });
    }
  });
}
