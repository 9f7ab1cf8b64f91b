import { type HttpApp, isServiceError, requireAuthenticated } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, Layout, pageContext, redirect, Select, sendPage, TextArea } from '@petfriendly/ui';
import { REQUEST_KINDS } from '../privacy.tables';
import type { PrivacyServices } from '../services';
import { STATUS_TONES } from './parts';

/** The owner portal's "Mis datos": download everything the clinic keeps, and ask to access, correct, cancel or oppose. */
export async function ownerPrivacyPages(app: HttpApp, s: PrivacyServices) {
  app.get('/account/privacy', async (req, reply) => {
    if (!req.sessionUser) return redirect(reply, '/sign-in?next=/account/privacy');
    const mine = await s.privacy.myRequests(req.actor);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('privacy:my.title')} description={t('privacy:my.intro')}>
        <h1>{t('privacy:my.title')}</h1>
        <p>{t('privacy:my.intro')}</p>
        <div class="grid-2">
          <Card title={t('privacy:my.download')}>
            <p class="meta">{t('privacy:my.downloadHelp')}</p>
            <p>
              <a class="btn" href="/account/privacy/my-data.pdf" download="mis-datos.pdf">
                {t('privacy:my.pdf')}
              </a>{' '}
              <a class="btn secondary" href="/account/privacy/my-data.json" download="mis-datos.json">
                {t('privacy:my.json')}
              </a>
            </p>
          </Card>
          <Card title={t('privacy:my.ask')}>
            <Form ctx={page} action="/account/privacy/requests">
              <Select name="kind" label={t('privacy:my.kind')} options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacy:kinds.${k}`) }))} />
              <TextArea name="details" label={t('privacy:my.details')} rows={3} />
              <p class="meta">{t('privacy:my.cancellationNote')}</p>
              <button type="submit">{t('privacy:my.send')}</button>
            </Form>
          </Card>
        </div>
        <Card title={t('privacy:my.requests')}>
          {mine.length === 0 ? <Empty>{t('privacy:my.noRequests')}</Empty> : null}
          <ul class="list">
            {mine.map((r) => (
              <li data-testid="privacy-request">
                <span class="grow">
                  <b>{t(`privacy:kinds.${r.kind}`)}</b> <Badge tone={STATUS_TONES[r.status]}>{t(`privacy:status.${r.status}`)}</Badge>
                  <br />
                  <span class="meta">
                    {t('privacy:my.asked', { at: fmt.date(r.requestedAt), due: fmt.date(r.dueBy) })}
                    {r.outcome ? ` · ${r.outcome}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  // The portal's downloads, on the session (the API's twins take a token).
  app.get('/account/privacy/my-data.json', async (req, reply) => {
    const data = await s.privacy.myData(req.actor);
    return reply
      .type('application/json')
      .header('content-disposition', 'attachment; filename="mis-datos.json"')
      .send(JSON.stringify(data, null, 2));
  });
  app.get('/account/privacy/my-data.pdf', async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="mis-datos.pdf"')
      .send(await s.pdf(req.actor)),
  );

  app.post('/account/privacy/requests', async (req, reply) => {
    requireAuthenticated(req.actor);
    try {
      await s.privacy.request(req.actor, req.body);
      flash(reply, 'success', req.t('privacy:my.sent'));
    } catch (error) {
      if (!isServiceError(error)) throw error;
      flash(reply, 'error', req.t(error.code, { ...error.details, defaultValue: error.message }));
    }
    return redirect(reply, '/account/privacy');
  });
}
