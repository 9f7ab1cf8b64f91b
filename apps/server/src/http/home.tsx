import { type HttpApp, localOutbox, type Platform, pageOnlyQuery, requireStaff } from '@petfriendly/core';
import { Card, Empty, Icon, Layout, Pager, pageContext, sendPage } from '@petfriendly/ui';
import { count, desc } from 'drizzle-orm';

/** The public front page, and the staff view of what the local providers "sent". */
export async function homeRoutes(app: HttpApp, { platform }: { platform: Platform }) {
  const clinic = platform.ctx.clinic;
  const whatsapp = platform.services.omnichannel?.settings.WHATSAPP_BUSINESS_PHONE;

  app.get('/', async (req, reply) => {
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ui:home.title')}>
        <section class="card hero">
          <h1>
            <Icon name="paw-print" /> {clinic.NAME}
          </h1>
          <p>{t('ui:home.tagline')}</p>
          <div class="card-actions">
            {req.sessionUser ? (
              <a class="btn" href={req.sessionUser.role === 'owner' ? '/my/pets' : '/admin'}>
                {req.sessionUser.role === 'owner' ? t('ui:nav.myPets') : t('ui:admin.title')} →
              </a>
            ) : (
              <>
                <a class="btn" href="/sign-up">
                  {t('ui:home.signUp')}
                </a>
                <a class="btn btn-secondary" href="/sign-in">
                  {t('ui:nav.signIn')}
                </a>
              </>
            )}
          </div>
        </section>
        <div class="grid-2">
          <Card icon="map-pin" title={t('ui:home.visitUs')}>
            <p>{clinic.ADDRESS}</p>
            <p>
              <Icon name="phone" /> <a href={`tel:${clinic.PHONE.replace(/\s+/g, '')}`}>{clinic.PHONE}</a> · <Icon name="mail" />{' '}
              <a href={`mailto:${clinic.EMAIL}`}>{clinic.EMAIL}</a>
            </p>
            {whatsapp && (
              <p>
                <Icon name="message-circle" /> <a href={`https://wa.me/${whatsapp.replace(/\D/g, '')}`}>{t('ui:home.whatsapp')}</a>
              </p>
            )}
          </Card>
          <Card icon="sparkles" title={t('ui:home.whatYouCanDo')}>
            <ul>
              <li>{t('ui:home.feature.pets')}</li>
              <li>{t('ui:home.feature.vaccines')}</li>
              <li>{t('ui:home.feature.travel')}</li>
            </ul>
          </Card>
        </div>
      </Layout>,
    );
  });

  app.get('/admin/outbox', { schema: { querystring: pageOnlyQuery } }, async (req, reply) => {
    requireStaff(req.actor);
    const pageNumber = req.query.page;
    const size = 25;
    const rows = await platform.ctx.db
      .select()
      .from(localOutbox)
      .orderBy(desc(localOutbox.createdAt))
      .limit(size + 1)
      .offset((pageNumber - 1) * size);
    const [total] = await platform.ctx.db.select({ n: count() }).from(localOutbox);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('ui:admin.outbox')} area="admin">
        <h1>
          {t('ui:admin.outbox')} <small class="meta">({total!.n})</small>
        </h1>
        <p class="meta">{t('ui:admin.outboxHelp')}</p>
        {rows.length === 0 ? <Empty>{t('ui:admin.noOutbox')}</Empty> : null}
        {rows.slice(0, size).map((m) => (
          <Card>
            <div class="meta">
              {m.channel} → <b>{m.recipient}</b> · {page.fmt.dateTime(m.createdAt)}
            </div>
            {m.subject ? <h3>{m.subject}</h3> : null}
            <pre class="message">{m.body}</pre>
          </Card>
        ))}
        <Pager ctx={page} page={pageNumber} hasNext={rows.length > size} href={(n) => `/admin/outbox?page=${n}`} />
      </Layout>,
    );
  });
}
