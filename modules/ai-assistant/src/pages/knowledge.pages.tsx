import { type HttpApp, idParams, isServiceError, LANGUAGES, type ModuleContext, pageNumber, requireStaff, rowId } from '@petfriendly/core';
import {
  Badge,
  Card,
  Checkbox,
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
import { KNOWLEDGE_CATEGORIES } from '../ai-assistant.schemas';
import type { KnowledgeEntry } from '../knowledge.service';
import type { AiAssistantServices } from '../services';

const helpQuery = z.object({ q: z.string().optional(), category: z.string().optional() });
const slugParams = z.object({ slug: z.string() });
const listQuery = z.object({ q: z.string().optional(), language: z.string().optional(), category: z.string().optional(), page: pageNumber });

type Problem = { values: Record<string, any>; errors: FieldErrors; message: string; status: number };

const LANGUAGE_NAMES: Record<string, string> = { es: 'Español', en: 'English', de: 'Deutsch', fr: 'Français', it: 'Italiano' };
const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text);

/** Public help (search the FAQ, read an entry, say whether it helped) and the staff editor, phone first. */
export async function knowledgePages(app: HttpApp, s: AiAssistantServices, _ctx: ModuleContext) {
  const categoryLabel = (t: (k: string) => string, c: string) =>
    (KNOWLEDGE_CATEGORIES as readonly string[]).includes(c) ? t(`ai-assistant:categories.${c}`) : c;

  app.get('/help', { schema: { querystring: helpQuery } }, async (req, reply) => {
    const q = req.query;
    const page = pageContext(req, reply);
    const { t } = page;
    const query = (q.q ?? '').slice(0, 200);
    const category = /^[a-z][a-z0-9_-]{0,99}$/.test(q.category ?? '') ? q.category : undefined;
    const [found, cats] = await Promise.all([s.knowledge.search(req.actor, { query, category, limit: 20 }), s.knowledge.categories(req.actor)]);
    const searching = !!query || !!category;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ai-assistant:help.title')} area="site">
        <h1>{t('ai-assistant:help.title')}</h1>
        <p class="meta">{t('ai-assistant:help.intro')}</p>
        <form method="get" action="/help" class="row filters-form" role="search">
          <Field name="q" type="search" label={t('ai-assistant:help.search')} value={query} placeholder={t('ai-assistant:help.placeholder')} />
          {category ? <input type="hidden" name="category" value={category} /> : null}
          <button type="submit">{t('ai-assistant:help.searchButton')}</button>
        </form>
        <nav class="tabs help-categories" aria-label={t('ai-assistant:help.categories')}>
          <a href="/help" class={category ? undefined : 'active'} aria-current={category ? undefined : 'page'}>
            {t('ai-assistant:help.all')}
          </a>
          {cats.items.map((c) => (
            <>
              <a
                href={`/help?category=${encodeURIComponent(c.category)}`}
                class={c.category === category ? 'active' : undefined}
                aria-current={c.category === category ? 'page' : undefined}
              >
                {categoryLabel(t, c.category)} ({c.count})
              </a>
            </>
          ))}
        </nav>
        {found.fallback ? <p class="note fallback">{t('ai-assistant:help.fallback')}</p> : null}
        <Card>
          {found.items.length === 0 ? <Empty>{searching ? t('ai-assistant:help.none') : t('ai-assistant:help.empty')}</Empty> : null}
          <ul class="list help-results">
            {found.items.map((e) => (
              <li>
                <div class="grow stack">
                  <a href={`/help/${e.slug}${e.language !== page.lang ? `?language=${e.language}` : ''}`} lang={e.language}>
                    <b>{e.title}</b>
                  </a>
                  <small class="meta" lang={e.language}>
                    {categoryLabel(t, e.category)} · {excerpt(e.content)}
                  </small>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  app.get('/help/:slug', { schema: { params: slugParams, querystring: z.object({ language: z.string().optional() }) } }, async (req, reply) => {
    const { slug } = req.params;
    const { language } = req.query;
    const page = pageContext(req, reply);
    const { t } = page;
    const entry = await s.knowledge.getEntry(req.actor, slug, language && (LANGUAGES as readonly string[]).includes(language) ? language : undefined);
    return sendPage(
      reply,
      <Layout ctx={page} title={entry.title} area="site">
        <p class="meta">
          <a href="/help">← {t('ai-assistant:help.back')}</a> ·{' '}
          <a href={`/help?category=${encodeURIComponent(entry.category)}`}>{categoryLabel(t, entry.category)}</a>
        </p>
        <article class="help-entry" lang={entry.language}>
          <h1>{entry.title}</h1>
          <div class="pre help-content">{entry.content}</div>
        </article>
        <Card class="helpful">
          <p>
            <b>{t('ai-assistant:help.helpful')}</b>
          </p>
          <div class="row line-actions">
            <Form ctx={page} action={`/help/${entry.slug}/helpful?id=${entry.id}`} class="inline">
              <input type="hidden" name="helpful" value="true" />
              <button type="submit">👍 {t('ai-assistant:help.yes')}</button>
            </Form>
            <Form ctx={page} action={`/help/${entry.slug}/helpful?id=${entry.id}`} class="inline">
              <input type="hidden" name="helpful" value="false" />
              <button type="submit" class="btn-secondary">
                👎 {t('ai-assistant:help.no')}
              </button>
            </Form>
          </div>
        </Card>
      </Layout>,
    );
  });

  app.post('/help/:slug/helpful', { schema: { params: slugParams, querystring: z.object({ id: rowId }) } }, async (req, reply) => {
    const { slug } = req.params;
    const { id } = req.query;
    const values = nestForm(req.body) as Record<string, any>;
    await s.knowledge.markHelpful(req.actor, id, { helpful: values.helpful });
    flash(reply, 'success', req.t(values.helpful === 'true' ? 'ai-assistant:help.thanksYes' : 'ai-assistant:help.thanksNo'));
    return redirect(reply, `/help/${encodeURIComponent(slug)}`);
  });

  // ---- staff ----

  const filtersOf = (q: z.output<typeof listQuery>) => {
    return {
      query: q.q || undefined,
      language: (LANGUAGES as readonly string[]).includes(q.language ?? '') ? q.language : undefined,
      category: /^[a-z][a-z0-9_-]*$/.test(q.category ?? '') ? q.category : undefined,
      page: q.page,
    };
  };

  function EntryForm(props: { page: ReturnType<typeof pageContext>; action: string; entry?: KnowledgeEntry; problem?: Problem; submit: string }) {
    const { t } = props.page;
    const v = props.problem?.values ?? {};
    const e = props.entry;
    const errors = props.problem?.errors;
    const keywords = v.keywords ?? e?.keywords.join(', ') ?? '';
    return (
      <>
        <FormErrorSummary message={props.problem?.message} />
        <Form ctx={props.page} action={props.action} class="entry-form">
          <Field name="title" label={t('ai-assistant:admin.entryTitle')} value={v.title ?? e?.title} errors={errors} required />
          <div class="row">
            <Select
              name="language"
              label={t('ai-assistant:admin.language')}
              value={v.language ?? e?.language ?? props.page.lang}
              errors={errors}
              options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] ?? l }))}
            />
            <Select
              name="category"
              label={t('ai-assistant:admin.category')}
              value={v.category ?? e?.category ?? 'clinic'}
              errors={errors}
              options={[...new Set([...KNOWLEDGE_CATEGORIES, ...(e ? [e.category] : [])])].map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            />
          </div>
          <TextArea name="content" label={t('ai-assistant:admin.content')} value={v.content ?? e?.content} errors={errors} rows={10} required />
          <Field name="keywords" label={t('ai-assistant:admin.keywords')} value={keywords} errors={errors} hint={t('ai-assistant:admin.keywordsHint')} />
          <Field name="slug" label={t('ai-assistant:admin.slug')} value={v.slug ?? e?.slug} errors={errors} hint={t('ai-assistant:admin.slugHint')} />
          <Checkbox name="isPublic" label={t('ai-assistant:admin.isPublic')} checked={v.isPublic ?? e?.isPublic ?? true} />
          <Checkbox name="isActive" label={t('ai-assistant:admin.isActive')} checked={v.isActive ?? e?.isActive ?? true} />
          <button type="submit">{props.submit}</button>
        </Form>
      </>
    );
  }

  async function listPage(req: FastifyRequest, reply: FastifyReply, query: z.output<typeof listQuery>, problem?: Problem) {
    const staff = requireStaff(req.actor);
    const f = filtersOf(query);
    const list = await s.knowledge.listEntries(staff, { ...f, pageSize: 20 });
    const page = pageContext(req, reply);
    const { t } = page;
    const qs = (n?: number) =>
      `?${new URLSearchParams({ ...(f.query ? { q: f.query } : {}), ...(f.language ? { language: f.language } : {}), ...(f.category ? { category: f.category } : {}), ...(n && n > 1 ? { page: String(n) } : {}) }).toString()}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ai-assistant:admin.title')} area="admin">
        <h1>{t('ai-assistant:admin.title')}</h1>
        <p class="meta">{t('ai-assistant:admin.intro')}</p>
        <form method="get" action="/admin/knowledge" class="row filters-form" role="search">
          <Field name="q" type="search" label={t('ai-assistant:admin.search')} value={f.query ?? ''} />
          <Select
            name="language"
            label={t('ai-assistant:admin.language')}
            value={f.language ?? ''}
            options={[{ value: '', label: t('ai-assistant:admin.allLanguages') }, ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] ?? l }))]}
          />
          <Select
            name="category"
            label={t('ai-assistant:admin.category')}
            value={f.category ?? ''}
            options={[
              { value: '', label: t('ai-assistant:admin.allCategories') },
              ...KNOWLEDGE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) })),
            ]}
          />
          <button type="submit" class="btn-secondary">
            {t('ai-assistant:admin.filter')}
          </button>
        </form>
        <details class="add" id="form-new" open={!!problem}>
          <summary>➕ {t('ai-assistant:admin.add')}</summary>
          <EntryForm page={page} action="/admin/knowledge" problem={problem} submit={t('ai-assistant:admin.create')} />
        </details>
        <Card>
          {list.items.length === 0 ? <Empty>{t('ai-assistant:admin.none')}</Empty> : null}
          <ul class="list knowledge-entries">
            {list.items.map((e) => (
              <li id={`entry-${e.id}`}>
                <div class="grow stack">
                  <a href={`/admin/knowledge/${e.id}`} lang={e.language}>
                    <b>{e.title}</b>
                  </a>
                  <small class="meta">
                    <code>{e.language}</code> · {categoryLabel(t, e.category)} ·{' '}
                    {t('ai-assistant:admin.stats', { views: e.viewCount, yes: e.helpfulCount, no: e.notHelpfulCount })}
                  </small>
                  <span>
                    {e.isActive ? null : <Badge tone="muted">{t('ai-assistant:admin.inactive')}</Badge>}{' '}
                    {e.isPublic ? null : <Badge tone="warn">{t('ai-assistant:admin.private')}</Badge>}
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => `/admin/knowledge${qs(n)}`} />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  async function editPage(req: FastifyRequest, reply: FastifyReply, id: number, problem?: Problem) {
    const staff = requireStaff(req.actor);
    const entry = await s.knowledge.getEntryForEdit(staff, id);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ai-assistant:admin.edit')} area="admin">
        <p class="meta">
          <a href="/admin/knowledge">← {t('ai-assistant:admin.title')}</a> ·{' '}
          <a href={`/help/${entry.slug}?language=${entry.language}`}>{t('ai-assistant:admin.view')}</a>
        </p>
        <h1>{t('ai-assistant:admin.edit')}</h1>
        <p class="meta">{t('ai-assistant:admin.stats', { views: entry.viewCount, yes: entry.helpfulCount, no: entry.notHelpfulCount })}</p>
        <Card>
          <EntryForm page={page} action={`/admin/knowledge/${entry.id}`} entry={entry} problem={problem} submit={t('ai-assistant:admin.save')} />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  const formValues = (req: FastifyRequest) => {
    const values = nestForm(req.body) as Record<string, any>;
    // An unticked box posts nothing: it means false here, not "keep as it was".
    const isPublic = values.isPublic === 'true';
    const isActive = values.isActive === 'true';
    return { values: { ...values, isPublic, isActive }, input: { ...values, isPublic, isActive } };
  };
  const problemOf = (error: unknown, req: FastifyRequest, values: Record<string, any>): Problem => {
    const { fields, message } = formErrors(error, req.t);
    return { values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 };
  };

  app.get('/admin/knowledge', { schema: { querystring: listQuery } }, (req, reply) => listPage(req, reply, req.query));
  app.get('/admin/knowledge/:id', { schema: { params: idParams } }, (req, reply) => editPage(req, reply, req.params.id));
  app.post('/admin/knowledge', { schema: { querystring: listQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { values, input } = formValues(req);
    try {
      const entry = await s.knowledge.addEntry(staff, input);
      flash(reply, 'success', req.t('ai-assistant:admin.created'));
      return redirect(reply, `/admin/knowledge/${entry.id}`);
    } catch (error) {
      if (!isServiceError(error) || error.statusCode !== 422) throw error;
      return listPage(req, reply, req.query, problemOf(error, req, values));
    }
  });
  app.post('/admin/knowledge/:id', { schema: { params: idParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { id } = req.params;
    const { values, input } = formValues(req);
    try {
      await s.knowledge.updateEntry(staff, id, input);
      flash(reply, 'success', req.t('ai-assistant:admin.saved'));
      return redirect(reply, `/admin/knowledge/${id}`);
    } catch (error) {
      if (!isServiceError(error) || error.statusCode !== 422) throw error;
      return editPage(req, reply, id, problemOf(error, req, values));
    }
  });
}
