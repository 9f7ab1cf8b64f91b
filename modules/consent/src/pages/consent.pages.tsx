import { formatMoney, type HttpApp, idParams, type ModuleContext, requireStaff, rowId } from '@petfriendly/core';
import {
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
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { linkOf, signingMeta } from '../consent.routes';
import { IVA_RATES } from '../consent.schemas';
import { CONSENT_KINDS, CONSENT_LANGUAGES } from '../consent.tables';
import type { ConsentServices } from '../services';
import { ConsentText, SignForm, StatusBadge } from './parts';

type Problem = { errors: FieldErrors; message: string; status: number };
const text = z.string().optional();
/** `/admin/consents/new?pet=&visit=&appointment=&kind=`: what the request is for, when known. */
const newQuery = z.object({ pet: text, visit: text, appointment: text, kind: text });

/** Staff pages: the pending list, a request for a visit or appointment, a consent (its link, PDF, revocation), the tablet signing. */
export async function consentPages(app: HttpApp, s: ConsentServices, ctx: ModuleContext) {
  const c = s.consents;
  const mxn = (page: PageContext, v: string) => formatMoney(v, 'MXN', page.lang === 'es' ? 'es-MX' : page.lang);

  app.get('/admin/consents', async (req, reply) => {
    const pending = await c.listPending(req.actor);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('consent:list.title')} description={t('consent:list.description')} area="admin">
        <h1>{t('consent:list.title')}</h1>
        <p>
          <a href="/admin/consents/templates">✎ {t('consent:list.templates')}</a>
        </p>
        <Card title={t('consent:list.pending')}>
          {pending.length === 0 ? <Empty>{t('consent:list.none')}</Empty> : null}
          <ul class="list">
            {pending.map((p) => (
              <li>
                <a href={`/admin/consents/${p.id}`}>
                  {t(`consent:kind.${p.kind}`)} · {p.procedure}
                </a>{' '}
                <span class="meta">{fmt.dateTime(p.createdAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  async function requestPage(req: FastifyRequest, reply: FastifyReply, petAsked: string | undefined, values: Record<string, unknown>, problem?: Problem) {
    const petId = rowId.safeParse(values.pet ?? petAsked);
    const choices = await c.choicesForPet(req.actor, petId.success ? petId.data : 0);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const v = (key: string) => String(values[key] ?? '');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('consent:request.title')} description={t('consent:request.description')} area="admin">
        <p class="meta">
          <a href={`/admin/pets/${choices.pet.id}`}>← {choices.pet.name}</a>
        </p>
        <h1>{t('consent:request.title')}</h1>
        <Card>
          <FormErrorSummary message={problem?.message} />
          <Form ctx={page} action="/admin/consents/new">
            <input type="hidden" name="pet" value={String(choices.pet.id)} />
            <Select
              name="kind"
              label={t('consent:request.kind')}
              value={v('kind')}
              errors={problem?.errors}
              options={CONSENT_KINDS.map((k) => ({ value: k, label: t(`consent:kind.${k}`) }))}
            />
            <div class="grid-2">
              <Select
                name="visitId"
                label={t('consent:request.visit')}
                value={v('visitId')}
                errors={problem?.errors}
                options={[
                  { value: '', label: '—' },
                  ...choices.visits.map((x) => ({ value: String(x.id), label: `${fmt.dateTime(x.visitDate)} · ${x.reason}` })),
                ]}
              />
              <Select
                name="appointmentId"
                label={t('consent:request.appointment')}
                value={v('appointmentId')}
                errors={problem?.errors}
                options={[
                  { value: '', label: '—' },
                  ...choices.appointments.map((a) => ({ value: String(a.id), label: `${fmt.dateTime(a.startsAt)} · ${a.serviceName}` })),
                ]}
              />
            </div>
            <Field name="procedure" label={t('consent:request.procedure')} value={v('procedure')} errors={problem?.errors} required />
            <TextArea name="risks" label={t('consent:request.risks')} value={v('risks')} errors={problem?.errors} rows={4} />
            <div class="grid-2">
              <Field name="estimate" label={t('consent:request.estimate')} type="number" step="0.01" min="0" value={v('estimate')} errors={problem?.errors} />
              <Select
                name="ivaRate"
                label={t('consent:request.ivaRate')}
                value={v('ivaRate') || '0.16'}
                options={IVA_RATES.map((r) => ({ value: r, label: `${Number(r) * 100} %` }))}
              />
            </div>
            <Select
              name="lang"
              label={t('consent:request.lang')}
              value={v('lang')}
              options={[{ value: '', label: t('consent:request.langOwner') }, ...CONSENT_LANGUAGES.map((l) => ({ value: l, label: t(`consent:lang.${l}`) }))]}
            />
            <button type="submit" class="btn-block">
              {t('consent:request.submit')}
            </button>
          </Form>
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/consents/new', { schema: { querystring: newQuery } }, (req, reply) =>
    requestPage(req, reply, req.query.pet, { visitId: req.query.visit, appointmentId: req.query.appointment, kind: req.query.kind }),
  );
  app.post('/admin/consents/new', { schema: { querystring: newQuery } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      const made = await c.request(req.actor, body);
      return showPage(req, reply, made.consent.id, linkOf(ctx, made.path));
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return requestPage(req, reply, req.query.pet, body, { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422 });
    }
  });

  /** A consent for staff; right after it was requested (or a new link made), with the phone link, shown that once. */
  async function showPage(req: FastifyRequest, reply: FastifyReply, id: number, link?: string, problem?: Problem) {
    const consent = await c.get(req.actor, id);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const pending = consent.status === 'pending';
    return sendPage(
      reply,
      <Layout ctx={page} title={`${consent.title} · ${t('consent:list.title')}`} description={t('consent:request.description')} area="admin">
        <p class="meta">
          <a href={`/admin/pets/${consent.petId}`}>← {t('consent:show.back')}</a>
        </p>
        <h1>
          {t(`consent:kind.${consent.kind}`)} <StatusBadge page={page} consent={consent} />
        </h1>
        {link ? (
          <Card title={t('consent:show.link', { until: fmt.dateTime(consent.expiresAt) })}>
            <p>
              <a href={link} class="consent-link">
                {link}
              </a>
            </p>
            <p class="meta">
              {t('consent:request.done')} {t('consent:show.linkOnce')}
            </p>
          </Card>
        ) : null}
        {pending ? (
          <p class="row">
            <a class="btn" href={`/admin/consents/${consent.id}/sign`}>
              ✍ {t('consent:show.tablet')}
            </a>
          </p>
        ) : null}
        {pending && !link ? (
          <Form ctx={page} action={`/admin/consents/${consent.id}/link`} class="inline">
            <button type="submit" class="btn-secondary">
              🔗 {t('consent:show.newLink')}
            </button>
          </Form>
        ) : null}
        {consent.status === 'signed' ? (
          <Card>
            <p>{t('consent:show.signedBy', { name: consent.signerName, at: fmt.dateTime(consent.signedAt!) })}</p>
            <p class="meta">
              {t(`consent:via.${consent.signedVia}`)} · {consent.signerIp} · {consent.signerUserAgent}
            </p>
            <p class="meta">
              {t('consent:show.sha')}: <code class="consent-link">{consent.pdfSha256}</code>
            </p>
            <p>
              <a href={`/admin/consents/${consent.id}/consent.pdf`}>📄 {t('consent:show.pdf')}</a>
            </p>
            {consent.revocation ? (
              <p role="status">{t('consent:show.revoked', { at: fmt.dateTime(consent.revocation.revokedAt), reason: consent.revocation.reason })}</p>
            ) : (
              <Form ctx={page} action={`/admin/consents/${consent.id}/revoke`}>
                <FormErrorSummary message={problem?.message} />
                <TextArea name="reason" label={t('consent:show.revokeReason')} errors={problem?.errors} rows={2} required />
                <button type="submit" class="btn-secondary">
                  {t('consent:show.revoke')}
                </button>
              </Form>
            )}
          </Card>
        ) : null}
        <Card>
          <ConsentText title={consent.title} body={consent.body} lang={consent.lang} />
          {consent.estimateTotal ? (
            <p class="meta">
              {t('consent:request.estimate')}: <b>{mxn(page, consent.estimateTotal)}</b>
            </p>
          ) : null}
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/consents/:id', { schema: { params: idParams } }, (req, reply) => showPage(req, reply, req.params.id));
  app.post('/admin/consents/:id/link', { schema: { params: idParams } }, async (req, reply) => {
    const made = await c.newLink(req.actor, req.params.id);
    return showPage(req, reply, made.consent.id, linkOf(ctx, made.path));
  });
  app.post('/admin/consents/:id/revoke', { schema: { params: idParams } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      await c.revoke(req.actor, req.params.id, String(body.reason ?? ''));
      flash(reply, 'success', req.t('consent:show.revokeDone'));
      return redirect(reply, `/admin/consents/${req.params.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return showPage(req, reply, req.params.id, undefined, { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422 });
    }
  });

  /** The tablet: a staff member opens it and hands it to the owner, who reads and signs. */
  async function tabletPage(req: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, unknown> = {}, problem?: Problem) {
    const consent = await c.get(req.actor, id);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('consent:sign.title')} description={t('consent:sign.description')} area="admin">
        <h1>{t('consent:sign.title')}</h1>
        <Card>
          <ConsentText title={consent.title} body={consent.body} lang={consent.lang} />
        </Card>
        <Card>
          <SignForm
            page={page}
            action={`/admin/consents/${consent.id}/sign`}
            name={String(values.signerName ?? '')}
            errors={problem?.errors}
            message={problem?.message}
          />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/consents/:id/sign', { schema: { params: idParams } }, (req, reply) => tabletPage(req, reply, req.params.id));
  app.post('/admin/consents/:id/sign', { schema: { params: idParams } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      await c.signAtClinic(req.actor, req.params.id, body, signingMeta(req));
      flash(reply, 'success', req.t('consent:sign.done'));
      return redirect(reply, `/admin/consents/${req.params.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return tabletPage(req, reply, req.params.id, body, { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422 });
    }
  });

  app.post('/admin/consents/service-types/:id', { schema: { params: idParams } }, async (req, reply) => {
    requireStaff(req.actor);
    await s.templates.setRequirement(req.actor, req.params.id, nestForm(req.body));
    flash(reply, 'success', req.t('consent:service.saved'));
    return redirect(reply, `/admin/catalogue/services/${req.params.id}`);
  });
}
