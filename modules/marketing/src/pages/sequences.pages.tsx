import { type HttpApp, requireStaff, textForm } from '@petfriendly/core';
import {
  Card,
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
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MANAGERS } from '../campaign.service';
import { LANGUAGES, SEQUENCE_KEYS } from '../marketing.tables';
import type { MarketingServices } from '../services';

type Values = Record<string, string>;
type Preview = Awaited<ReturnType<MarketingServices['sequenceTexts']['previewTexts']>>;

const params = z.object({ key: z.enum(SEQUENCE_KEYS) });
const languageQuery = z.object({ lang: z.enum(LANGUAGES).catch('es') });

/** The form's fields (`steps.N.subject`…) as the service's input. */
function textsInput(body: unknown) {
  const nested = nestForm(body) as { language?: string; steps?: Record<string, Values> };
  const steps = Object.entries(nested.steps ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, step]) => ({ waitDays: step.waitDays, subject: step.subject ?? '', text: step.text ?? '' }));
  return { language: nested.language, steps };
}

/** A message as it would read: the subject, then the text with its footer. */
function PreviewPart({ ctx, preview }: { ctx: PageContext; preview: Preview }) {
  const { t } = ctx;
  return (
    <Card title={t('marketing:sequences.preview')}>
      <p class="meta">{t('marketing:sequences.previewNote')}</p>
      {preview.steps.map((step, i) => (
        <article class="stack" lang={step.language}>
          <h3>
            {t('marketing:sequences.step', { n: i + 1 })} · {step.subject}
          </h3>
          <pre class="message-preview">{step.text}</pre>
        </article>
      ))}
    </Card>
  );
}

/** A sequence's texts in one language: each step's wait, subject and text, with the preview of what owners read. */
export async function sequencePages(app: HttpApp, s: MarketingServices) {
  async function editor(
    req: FastifyRequest,
    reply: FastifyReply,
    { key }: z.output<typeof params>,
    { lang }: z.output<typeof languageQuery>,
    values: Values | null,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) {
    const staff = requireStaff(req.actor, MANAGERS);
    const language = values?.language ? languageQuery.parse({ lang: values.language }).lang : lang;
    const sequence = (await s.sequences.listSequences(staff)).find((q) => q.key === key)!;
    const form: Values = values ?? { language };
    if (!values)
      sequence.steps.forEach((step, i) => {
        form[`steps.${i}.waitDays`] = String(step.waitDays);
        form[`steps.${i}.subject`] = step.content[language]?.subject ?? '';
        form[`steps.${i}.text`] = step.content[language]?.text ?? '';
      });
    const preview = await s.sequenceTexts.previewTexts(staff, key, textsInput(form)).catch(() => null);
    const page = pageContext(req, reply);
    const { t } = page;
    const title = t(`marketing:sequences.${key}`);
    return sendPage(
      reply.status(status),
      <Layout ctx={page} title={title} area="admin" description={t('marketing:sequences.description')}>
        <p>
          <a href="/admin/marketing">{t('marketing:list.title')}</a>
        </p>
        <h1>{title}</h1>
        <nav aria-label={t('marketing:sequences.languages')} class="row">
          {LANGUAGES.map((l) => (
            <a href={`/admin/marketing/sequences/${key}?lang=${l}`} aria-current={l === language ? 'page' : undefined}>
              {t(`marketing:language.${l}`)}
            </a>
          ))}
        </nav>
        <Card title={t('marketing:sequences.texts', { language: t(`marketing:language.${language}`) })}>
          <p class="meta">{t('marketing:sequences.textsNote')}</p>
          <Form ctx={page} action={`/admin/marketing/sequences/${key}/texts`}>
            <FormErrorSummary message={message} />
            <input type="hidden" name="language" value={language} />
            {sequence.steps.map((_, i) => (
              <fieldset>
                <legend>{t('marketing:sequences.step', { n: i + 1 })}</legend>
                <Field
                  name={`steps.${i}.waitDays`}
                  type="number"
                  min="0"
                  max="365"
                  label={t('marketing:sequences.waitDays')}
                  value={form[`steps.${i}.waitDays`]}
                  errors={errors}
                />
                <Field name={`steps.${i}.subject`} label={t('marketing:editor.subject')} value={form[`steps.${i}.subject`]} errors={errors} />
                <TextArea name={`steps.${i}.text`} label={t('marketing:editor.text')} value={form[`steps.${i}.text`]} errors={errors} rows={4} />
              </fieldset>
            ))}
            <div class="row">
              <button type="submit" name="intent" value="save">
                {t('marketing:sequences.save')}
              </button>
              <button type="submit" name="intent" value="preview" class="btn-secondary">
                {t('marketing:sequences.preview')}
              </button>
            </div>
          </Form>
        </Card>
        {preview ? <PreviewPart ctx={page} preview={preview} /> : null}
      </Layout>,
    );
  }

  app.get('/admin/marketing/sequences/:key', { schema: { params, querystring: languageQuery } }, (req, reply) =>
    editor(req, reply, req.params, req.query, null),
  );

  app.post('/admin/marketing/sequences/:key/texts', { schema: { params, querystring: languageQuery, body: textForm } }, async (req, reply) => {
    const { key } = req.params;
    const { body } = req;
    const input = textsInput(body);
    try {
      if (body.intent === 'preview') {
        await s.sequenceTexts.previewTexts(req.actor, key, input);
        return editor(req, reply, req.params, req.query, body);
      }
      await s.sequenceTexts.updateTexts(req.actor, key, input);
      flash(reply, 'success', req.t('marketing:sequences.textsSaved'));
      return redirect(reply, `/admin/marketing/sequences/${key}?lang=${input.language}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editor(req, reply, req.params, req.query, body, fields, message, 422);
    }
  });
}
