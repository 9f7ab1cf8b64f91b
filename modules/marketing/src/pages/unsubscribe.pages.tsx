import type { HttpApp } from '@petfriendly/core';
import { Card, Form, Layout, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { MarketingServices } from '../services';

/** The unsubscribe link in every marketing message: GET asks, POST (the button) unsubscribes. No sign-in needed: the link is signed. */
export async function unsubscribePages(app: HttpApp, s: MarketingServices) {
  const page = (method: 'get' | 'post') =>
    app[method]('/unsubscribe/:token', { schema: { params: z.object({ token: z.string() }) } }, async (req, reply) => {
      const done = method === 'post';
      const { token } = req.params;
      const ctx = pageContext(req, reply);
      const { t } = ctx;
      const claim = await s.consent.readLink(token);
      if (claim && done) await s.consent.unsubscribe(token);
      return sendPage(
        reply,
        <Layout ctx={ctx} title={t('marketing:unsubscribe.title')} description={t('marketing:unsubscribe.description')}>
          <Card title={t('marketing:unsubscribe.title')}>
            {!claim ? (
              <p role="alert">{t('marketing:unsubscribe.invalid')}</p>
            ) : done ? (
              <>
                <p role="status">{t('marketing:unsubscribe.done', { address: claim.address ?? '—' })}</p>
                <p class="meta">{t('marketing:unsubscribe.again')}</p>
              </>
            ) : (
              <Form ctx={ctx} action={`/unsubscribe/${encodeURIComponent(token)}`}>
                <p>{t('marketing:unsubscribe.confirm', { address: claim.address ?? '—' })}</p>
                <p class="meta">{t('marketing:unsubscribe.keep')}</p>
                <button type="submit">{t('marketing:unsubscribe.button')}</button>
              </Form>
            )}
          </Card>
        </Layout>,
        claim ? 200 : 404,
      );
    });
  page('get');
  page('post');
}
