import type { HttpApp } from '@petfriendly/core';
import { Card, type FieldErrors, formErrors, Layout, nestForm, pageContext, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signingMeta } from '../consent.routes';
import type { ConsentServices } from '../services';
import { ConsentText, SignForm } from './parts';

const tokenParams = z.object({ token: z.string() });

/** The owner's phone: the link opens the consent without an account; it signs once, then the link is spent. */
export async function signPages(app: HttpApp, s: ConsentServices) {
  async function phonePage(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    values: Record<string, unknown> = {},
    problem?: { errors: FieldErrors; message: string; status: number },
  ) {
    const consent = await s.consents.getForToken(token);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('consent:sign.title')} description={t('consent:sign.description')}>
        <h1>{t('consent:sign.title')}</h1>
        <Card>
          <ConsentText title={consent.title} body={consent.body} lang={consent.lang} />
        </Card>
        <Card>
          <SignForm page={page} action={`/consent/${token}`} name={String(values.signerName ?? '')} errors={problem?.errors} message={problem?.message} />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/consent/:token', { schema: { params: tokenParams } }, (req, reply) => phonePage(req, reply, req.params.token));
  app.post('/consent/:token', { schema: { params: tokenParams } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      const signed = await s.consents.signWithToken(req.params.token, body, signingMeta(req));
      const page = pageContext(req, reply);
      const { t } = page;
      return sendPage(
        reply,
        <Layout ctx={page} title={t('consent:sign.doneTitle')} description={t('consent:sign.description')}>
          <h1>{t('consent:sign.doneTitle')}</h1>
          <Card>
            <p role="status">{t('consent:sign.done')}</p>
            <p class="meta">
              {signed.title} · {page.fmt.dateTime(signed.signedAt!)}
            </p>
          </Card>
        </Layout>,
      );
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return phonePage(req, reply, req.params.token, body, { errors: fields, message, status: (error as { statusCode?: number }).statusCode ?? 422 });
    }
  });
}
