import type { HttpApp } from '@petfriendly/core';
import {
  Badge,
  Card,
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
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { templateParams } from '../consent.schemas';
import { CONSENT_LANGUAGES } from '../consent.tables';
import type { ConsentServices } from '../services';

const PLACEHOLDERS = '{{owner}} {{pet}} {{procedure}} {{risks}} {{estimate}} {{clinic}}';

/** Vets, managers and admins write each kind of consent in each language; one form per text. */
export async function templatePages(app: HttpApp, s: ConsentServices) {
  async function templatesPage(
    req: FastifyRequest,
    reply: FastifyReply,
    asked: string | undefined,
    failed?: { kind: string; lang: string; values: Record<string, unknown>; errors: FieldErrors; message: string },
  ) {
    const all = await s.templates.listTemplates(req.actor);
    const lang = CONSENT_LANGUAGES.find((l) => l === asked) ?? failed?.lang ?? 'es';
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('consent:templates.title')} description={t('consent:templates.description')} area="admin">
        <p class="meta">
          <a href="/admin/consents">← {t('consent:list.title')}</a>
        </p>
        <h1>{t('consent:templates.title')}</h1>
        <p class="row">
          {CONSENT_LANGUAGES.map((l) => (
            <a href={`/admin/consents/templates?lang=${l}`} aria-current={l === lang ? 'page' : undefined}>
              {t(`consent:lang.${l}`)}
            </a>
          ))}
        </p>
        <p class="meta">{t('consent:templates.placeholders', { list: PLACEHOLDERS, interpolation: { escapeValue: false } })}</p>
        {all
          .filter((x) => x.lang === lang)
          .map((x) => {
            const mine = failed?.kind === x.kind ? failed : undefined;
            return (
              <Card
                title={t(`consent:kind.${x.kind}`)}
                actions={<Badge tone={x.custom ? 'info' : 'muted'}>{x.custom ? t('consent:templates.custom') : t('consent:templates.builtIn')}</Badge>}
              >
                <FormErrorSummary message={mine?.message} />
                <Form ctx={page} action={`/admin/consents/templates/${x.kind}/${x.lang}`}>
                  <Field name="title" label={t('consent:templates.titleField')} value={String(mine?.values.title ?? x.title)} errors={mine?.errors} required />
                  <TextArea
                    name="body"
                    label={t('consent:templates.body')}
                    value={String(mine?.values.body ?? x.body)}
                    errors={mine?.errors}
                    rows={8}
                    required
                  />
                  <button type="submit" class="btn-secondary">
                    {t('consent:templates.save')}
                  </button>
                </Form>
              </Card>
            );
          })}
      </Layout>,
      failed ? 422 : 200,
    );
  }

  app.get('/admin/consents/templates', { schema: { querystring: z.object({ lang: z.string().optional() }) } }, (req, reply) =>
    templatesPage(req, reply, req.query.lang),
  );
  app.post('/admin/consents/templates/:kind/:lang', { schema: { params: templateParams } }, async (req, reply) => {
    const { kind, lang } = req.params;
    const body = nestForm(req.body);
    try {
      await s.templates.updateTemplate(req.actor, kind, lang, body);
      flash(reply, 'success', req.t('consent:templates.saved'));
      return redirect(reply, `/admin/consents/templates?lang=${lang}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return templatesPage(req, reply, undefined, { kind, lang, values: body, errors: fields, message });
    }
  });
}
