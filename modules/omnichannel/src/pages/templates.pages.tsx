import { formBody, type HttpApp, idParams, LANGUAGES, requireStaff } from '@petfriendly/core';
import { Badge, Card, Checkbox, Field, Form, FormErrorSummary, flash, formErrors, Layout, pageContext, redirect, sendPage, TextArea } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OmnichannelServices } from '../services';

const langQuery = z.object({ lang: z.string().optional() });

/** Managers edit what the clinic says, per message, channel and language. */
export async function templatePages(app: HttpApp, s: OmnichannelServices) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    query: z.output<typeof langQuery>,
    failed?: { id: number; message: string; fields: Record<string, string | undefined> },
  ) => {
    const staff = requireStaff(req.actor);
    const lang = query.lang ?? req.lang;
    const rows = await s.templates.listTemplates(staff, { language: lang });
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('omnichannel:templates.title')} area="admin">
        <h1>{t('omnichannel:templates.title')}</h1>
        <p class="meta">{t('omnichannel:templates.help')}</p>
        <div class="choices scroll">
          {LANGUAGES.map((l) => (
            <a class={`choice${l === lang ? ' chosen' : ''}`} href={`/admin/templates?lang=${l}`}>
              {l.toUpperCase()}
            </a>
          ))}
        </div>
        {rows.map((row) => (
          <Card
            title={`${row.name} · ${t(`omnichannel:channels.${row.channelType}`)}`}
            actions={
              row.channelType === 'whatsapp' ? (
                <Badge tone={row.isApproved ? 'ok' : 'warn'}>{t(row.isApproved ? 'omnichannel:templates.approved' : 'omnichannel:templates.pending')}</Badge>
              ) : undefined
            }
          >
            <p class="meta">
              {t('omnichannel:templates.variables')}: {row.variables.map((v) => `{{${v}}}`).join(' ')}
            </p>
            {failed?.id === row.id ? <FormErrorSummary message={failed.message} /> : null}
            <Form ctx={ctx} action={`/admin/templates/${row.id}?lang=${lang}`}>
              {row.channelType === 'email' ? (
                <Field name="subject" label={t('omnichannel:templates.subject')} value={row.subject} errors={failed?.id === row.id ? failed.fields : {}} />
              ) : null}
              <TextArea
                name="content"
                label={t('omnichannel:templates.content')}
                value={row.content}
                rows={3}
                errors={failed?.id === row.id ? failed.fields : {}}
              />
              <input type="hidden" name="isActive" value="false" />
              <Checkbox name="isActive" label={t('omnichannel:templates.active')} checked={row.isActive} />
              <button type="submit" class="btn-small">
                {t('ui:form.save')}
              </button>
            </Form>
          </Card>
        ))}
      </Layout>,
      failed ? 422 : 200,
    );
  };

  app.get('/admin/templates', { schema: { querystring: langQuery } }, async (req, reply) => page(req, reply, req.query));
  const templateBody = formBody({ isActive: z.union([z.string(), z.array(z.string())]).optional() });
  app.post('/admin/templates/:id', { schema: { params: idParams, querystring: langQuery, body: templateBody } }, async (req, reply) => {
    const { id } = req.params;
    const body = req.body;
    const isActive = Array.isArray(body.isActive) ? body.isActive.includes('true') : body.isActive === 'true';
    try {
      await s.templates.updateTemplate(req.actor, id, { ...body, isActive });
      flash(reply, 'success', req.t('omnichannel:templates.saved'));
      return redirect(reply, `/admin/templates?lang=${req.query.lang ?? ''}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return page(req, reply, req.query, { id, message, fields });
    }
  });
}
