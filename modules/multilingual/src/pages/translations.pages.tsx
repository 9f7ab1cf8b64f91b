import { type HttpApp, idParams, isServiceError, pageNumber, requireStaff } from '@petfriendly/core';
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
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TRANSLATION_STATUSES, type TranslationStatus } from '../multilingual.schemas';
import type { MultilingualServices } from '../services';

type Problem = { form: 'edit' | 'language'; id?: number; values: Record<string, any>; errors: FieldErrors; message: string; status: number };

const MANAGERS = ['manager', 'admin'];

/** Staff review of translations, phone first: filter by language and status, approve or correct; languages and adding one. */
export async function translationPages(app: HttpApp, s: MultilingualServices) {
  const filterQuery = z.object({ language: z.string().optional(), status: z.string().optional(), page: pageNumber });
  const filtersOf = (q: z.output<typeof filterQuery>) => {
    const status: TranslationStatus = (TRANSLATION_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as TranslationStatus) : 'pending_review';
    return { language: q.language || undefined, status, page: q.page };
  };
  const queryOf = (f: { language?: string; status: string }, page?: number) =>
    `?${new URLSearchParams({ ...(f.language ? { language: f.language } : {}), status: f.status, ...(page && page > 1 ? { page: String(page) } : {}) }).toString()}`;

  async function translationsPage(req: FastifyRequest, reply: FastifyReply, query: z.output<typeof filterQuery>, problem?: Problem) {
    const staff = requireStaff(req.actor);
    const filters = filtersOf(query);
    const [list, langs] = await Promise.all([s.translation.listTranslations(staff, { ...filters, pageSize: 20 }), s.languages.listLanguages(staff)]);
    const page = pageContext(req, reply);
    const { t } = page;
    const nameOf = new Map(langs.map((l) => [l.code, l.nativeName]));
    const date = (d: Date) => page.fmt.date(d);
    const back = queryOf(filters, filters.page);
    const isManager = MANAGERS.includes(staff.role);
    const canFill = isManager && s.translation.hasTranslator();
    const langProblem = problem?.form === 'language' ? problem : null;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('multilingual:translations.title')} area="admin">
        <h1>{t('multilingual:translations.title')}</h1>
        <p class="meta">{t('multilingual:translations.intro')}</p>
        <form method="get" action="/admin/translations" class="row filters-form" role="search">
          <Select
            name="language"
            label={t('multilingual:translations.language')}
            value={filters.language ?? ''}
            options={[
              { value: '', label: t('multilingual:translations.allLanguages') },
              ...langs.filter((l) => l.code !== s.settings.DEFAULT_LANGUAGE).map((l) => ({ value: l.code, label: `${l.nativeName} (${l.code})` })),
            ]}
          />
          <Select
            name="status"
            label={t('multilingual:translations.status')}
            value={filters.status}
            options={TRANSLATION_STATUSES.map((st) => ({ value: st, label: t(`multilingual:translations.statuses.${st}`) }))}
          />
          <button type="submit" class="btn-secondary">
            {t('multilingual:translations.filter')}
          </button>
        </form>
        <p>
          <Badge tone={list.counts.pending ? 'warn' : 'ok'}>{t('multilingual:translations.pendingCount', { count: list.counts.pending })}</Badge>
        </p>
        <Card>
          {list.items.length === 0 ? <Empty>{t('multilingual:translations.none')}</Empty> : null}
          <ul class="list translations">
            {list.items.map((tr) => {
              const editing = problem?.form === 'edit' && problem.id === tr.id ? problem : null;
              return (
                <li id={`translation-${tr.id}`}>
                  <div class="grow stack">
                    <div class="meta">
                      <code>{tr.contentType}</code> #{tr.objectId} · <code>{tr.fieldName}</code> · {nameOf.get(tr.language) ?? tr.language}{' '}
                      {tr.isAiGenerated ? (
                        <Badge tone="info">{t('multilingual:translations.ai')}</Badge>
                      ) : (
                        <Badge tone="muted">{t('multilingual:translations.human')}</Badge>
                      )}{' '}
                      {tr.reviewedAt ? (
                        <Badge tone="ok">✓ {t('multilingual:translations.reviewed')}</Badge>
                      ) : (
                        <Badge tone="warn">{t('multilingual:translations.pending')}</Badge>
                      )}
                    </div>
                    <div class="note" lang={s.settings.DEFAULT_LANGUAGE}>
                      <small class="meta">{t('multilingual:translations.source')}</small>
                      <div class="pre source-text">{tr.sourceText || '—'}</div>
                    </div>
                    <div class="note" lang={tr.language}>
                      <small class="meta">{t('multilingual:translations.translation')}</small>
                      <div class="pre translation-text">{tr.translation}</div>
                    </div>
                    {tr.reviewedAt ? (
                      <small class="meta">{t('multilingual:translations.reviewedBy', { name: tr.reviewerName ?? '—', date: date(tr.reviewedAt) })}</small>
                    ) : null}
                    {tr.reviewedAt ? null : (
                      <div class="line-actions">
                        <Form ctx={page} action={`/admin/translations/${tr.id}/approve${back}`} class="inline approve-form">
                          <button type="submit">✓ {t('multilingual:translations.approve')}</button>
                        </Form>
                      </div>
                    )}
                    <details class="add edit-translation" open={!!editing}>
                      <summary>✏️ {t('multilingual:translations.edit')}</summary>
                      <FormErrorSummary message={editing?.message} />
                      <Form ctx={page} action={`/admin/translations/${tr.id}/edit${back}`}>
                        <TextArea
                          name="translation"
                          label={t('multilingual:translations.translation')}
                          value={editing?.values.translation ?? tr.translation}
                          errors={editing?.errors}
                          rows={4}
                          required
                        />
                        <button type="submit">{t('multilingual:translations.saveEdit')}</button>
                      </Form>
                    </details>
                  </div>
                </li>
              );
            })}
          </ul>
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => `/admin/translations${queryOf(filters, n)}`} />
        </Card>
        <Card title={t('multilingual:languages.title')}>
          <ul class="list compact languages">
            {langs.map((l) => (
              <li>
                <span class="grow">
                  <b>{l.nativeName}</b>{' '}
                  <span class="meta">
                    · {l.name} · <code>{l.code}</code>
                  </span>
                </span>
                <span>
                  {l.isCore ? <Badge tone="info">{t('multilingual:languages.core')}</Badge> : null}{' '}
                  {l.isActive ? null : <Badge tone="muted">{t('multilingual:languages.inactive')}</Badge>}
                </span>
                {canFill && l.isActive && l.code !== s.settings.DEFAULT_LANGUAGE ? (
                  <Form ctx={page} action={`/admin/languages/${l.code}/translate`} class="inline fill-form">
                    <button type="submit" class="btn-secondary">
                      🤖 {t('multilingual:languages.fill')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {isManager && !canFill ? <p class="meta no-translator">{t('multilingual:languages.fillNeedsKey')}</p> : null}
          {isManager ? (
            <details class="add" id="form-language" open={!!langProblem}>
              <summary>➕ {t('multilingual:languages.add')}</summary>
              <p class="meta">{t('multilingual:languages.addHint')}</p>
              <FormErrorSummary message={langProblem?.message} />
              <Form ctx={page} action="/admin/languages">
                <div class="row">
                  <Field
                    name="code"
                    label={t('multilingual:languages.code')}
                    value={langProblem?.values.code}
                    errors={langProblem?.errors}
                    hint={t('multilingual:languages.codeHint')}
                    required
                  />
                  <Field
                    name="name"
                    label={t('multilingual:languages.name')}
                    value={langProblem?.values.name}
                    errors={langProblem?.errors}
                    placeholder="Portuguese"
                    required
                  />
                </div>
                <Field
                  name="nativeName"
                  label={t('multilingual:languages.nativeName')}
                  value={langProblem?.values.nativeName}
                  errors={langProblem?.errors}
                  placeholder="Português"
                  required
                />
                <button type="submit">{t('multilingual:languages.addButton')}</button>
              </Form>
            </details>
          ) : null}
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/translations', { schema: { querystring: filterQuery } }, (req, reply) => translationsPage(req, reply, req.query));

  const review = (path: string, edit: boolean) =>
    app.post(path, { schema: { params: idParams, querystring: filterQuery } }, async (req, reply) => {
      const staff = requireStaff(req.actor);
      const { id } = req.params;
      const values = nestForm(req.body) as Record<string, any>;
      try {
        await s.translation.reviewTranslation(staff, id, edit ? { translation: values.translation ?? '' } : {});
        flash(reply, 'success', req.t(edit ? 'multilingual:translations.edited' : 'multilingual:translations.approved'));
        return redirect(reply, `/admin/translations${queryOf(filtersOf(req.query), req.query.page)}`);
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return translationsPage(req, reply, req.query, {
          form: 'edit',
          id,
          values,
          errors: fields,
          message,
          status: isServiceError(error) ? error.statusCode : 422,
        });
      }
    });
  review('/admin/translations/:id/approve', false);
  review('/admin/translations/:id/edit', true);

  app.post('/admin/languages/:code/translate', { schema: { params: z.object({ code: z.string() }) } }, async (req, reply) => {
    const { code } = req.params;
    await s.translation.requestFill(req.actor, code);
    flash(
      reply,
      'success',
      req.t('multilingual:languages.fillQueued', { name: (await s.languages.getAvailableLanguages()).find((l) => l.code === code)?.nativeName ?? code }),
    );
    return redirect(reply, '/admin/translations');
  });

  app.post('/admin/languages', { schema: { querystring: filterQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const values = nestForm(req.body) as Record<string, any>;
    try {
      const language = await s.languages.addLanguage(staff, values);
      flash(reply, 'success', req.t('multilingual:languages.added', { name: language.nativeName }));
      return redirect(reply, '/admin/translations');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return translationsPage(req, reply, req.query, {
        form: 'language',
        values,
        errors: fields,
        message,
        status: isServiceError(error) ? error.statusCode : 422,
      });
    }
  });
}
