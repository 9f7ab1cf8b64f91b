import { type HttpApp, textQuery } from '@petfriendly/core';
import { Card, Empty, Field, flash, Layout, pageContext, redirect, ScrollRegion, Select, sendPage } from '@petfriendly/ui';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { errorText } from './closing.pages';
import { Amount, BooksTabs, yearMonthQuery } from './parts';

const DOCUMENTS = ['catalogo', 'balanza', 'polizas'] as const;
const mm = (m: number) => String(m).padStart(2, '0');

/** The month's electronic accounting files for the SAT, and the DIOT. */
export async function satPages(app: HttpApp, s: AccountingServices) {
  app.get('/admin/accounting/sat', { schema: { querystring: yearMonthQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const q = req.query;
    const today = s.ledger.today();
    const year = q.year && Number(q.year) >= 2015 ? Number(q.year) : Number(today.slice(0, 4));
    const month = q.month ? Number(q.month) : Number(today.slice(5, 7));
    const diot = await s.diot.report(req.actor, { year, month });
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${year}-${mm(i + 1)}` }));
    const hidden = (doc: string) => (
      <>
        <input type="hidden" name="doc" value={doc} />
        <input type="hidden" name="year" value={String(year)} />
      </>
    );
    const buttons = (
      <div class="actions">
        <button type="submit" name="format" value="xml">
          {t('accounting:sat.xml')}
        </button>
        <button type="submit" name="format" value="zip" class="btn-secondary">
          {t('accounting:sat.zip')}
        </button>
      </div>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:sat.heading')} area="admin">
        <h1>{t('accounting:sat.heading')}</h1>
        <BooksTabs ctx={page} />
        <form method="get" action="/admin/accounting/sat" class="row period-picker">
          <Field name="year" label={t('accounting:sat.year')} type="number" min="2015" max="2099" value={year} required />
          <Select name="month" label={t('accounting:sat.month')} value={String(month)} options={months} />
          <button type="submit">{t('accounting:period.show')}</button>
        </form>
        <p class="meta">{t('accounting:sat.help')}</p>
        <div class="grid-2">
          <Card title={t('accounting:sat.catalogo')}>
            <form method="get" action="/admin/accounting/sat/file" class="stack" data-hx-boost="false">
              {hidden('catalogo')}
              <input type="hidden" name="month" value={String(month)} />
              {buttons}
            </form>
          </Card>
          <Card title={t('accounting:sat.balanza')}>
            <form method="get" action="/admin/accounting/sat/file" class="stack" data-hx-boost="false">
              {hidden('balanza')}
              <Select
                name="month"
                label={t('accounting:sat.month')}
                value={String(month)}
                options={[...months, { value: '13', label: t('accounting:sat.month13') }]}
              />
              <Select
                name="kind"
                label={t('accounting:sat.kind')}
                options={[
                  { value: 'N', label: t('accounting:sat.normal') },
                  { value: 'C', label: t('accounting:sat.complementaria') },
                ]}
              />
              <Field name="modifiedOn" label={t('accounting:sat.modifiedOn')} type="date" />
              {buttons}
            </form>
          </Card>
          <Card title={t('accounting:sat.polizas')}>
            <form method="get" action="/admin/accounting/sat/file" class="stack" data-hx-boost="false">
              {hidden('polizas')}
              <input type="hidden" name="month" value={String(month)} />
              <Select
                name="tipoSolicitud"
                label={t('accounting:sat.tipoSolicitud')}
                options={(['AF', 'FC', 'DE', 'CO'] as const).map((k) => ({ value: k, label: t(`accounting:sat.solicitud.${k}`) }))}
              />
              <Field name="numOrden" label={t('accounting:sat.numOrden')} placeholder="ABC6912345/15" />
              <Field name="numTramite" label={t('accounting:sat.numTramite')} placeholder="AB123456789012" />
              {buttons}
            </form>
          </Card>
        </div>
        <Card title={t('accounting:sat.diot')}>
          <p class="meta">{t('accounting:sat.diotHelp')}</p>
          {diot.lines.length === 0 ? (
            <Empty>{t('accounting:sat.diotNone')}</Empty>
          ) : (
            <>
              <ScrollRegion label={t('accounting:sat.diot')}>
                <table class="data ledger">
                  <thead>
                    <tr>
                      <th>{t('accounting:sat.rfc')}</th>
                      <th>{t('accounting:sat.tipoTercero')}</th>
                      <th>{t('accounting:sat.tipoOperacion')}</th>
                      {(['base16', 'base8', 'base0', 'exempt', 'ivaPaid', 'ivaWithheld'] as const).map((k) => (
                        <th class="num">{t(`accounting:sat.${k}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {diot.lines.map((l) => (
                      <tr>
                        <td>{l.rfc || l.foreignName}</td>
                        <td>{l.tipoTercero}</td>
                        <td>{l.tipoOperacion}</td>
                        {([l.base16, l.base8, l.base0, l.exempt, l.ivaPaid, l.ivaWithheld] as const).map((v) => (
                          <td class="num">
                            <Amount value={v} lang={lang} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <p>
                <a href={`/admin/accounting/sat/diot?year=${year}&month=${month}`} data-hx-boost="false" download>
                  {t('accounting:sat.download')}
                </a>
              </p>
            </>
          )}
        </Card>
      </Layout>,
    );
  });

  /** A document as XML or ZIP; what the SAT's rules refuse comes back to the page as a message. */
  app.get('/admin/accounting/sat/file', { schema: { querystring: textQuery } }, async (req, reply) => {
    const q = Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== ''));
    const doc = DOCUMENTS.find((d) => d === q.doc) ?? 'catalogo';
    try {
      const file = s.sat.download(await s.sat[doc](req.actor, q), q.format === 'zip' ? 'zip' : 'xml');
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
      return redirect(reply, `/admin/accounting/sat?year=${Number(q.year) || ''}&month=${Math.min(Number(q.month) || 12, 12)}`);
    }
  });

  app.get('/admin/accounting/sat/diot', async (req, reply) => {
    const diot = await s.diot.report(req.actor, req.query);
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${diot.fileName}"`).send(diot.txt);
  });
}
