import { formatMoney, type HttpApp, idParams, pageNumber, textForm } from '@petfriendly/core';
import { Badge, Card, Empty, Form, FormErrorSummary, flash, formErrors, Layout, Pager, pageContext, redirect, ScrollRegion, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { JOURNAL_FORMATS } from '../statements.service';
import { AccountName, Amount, BooksTabs, defaultPeriod, PeriodPicker, periodQuery } from './parts';

const LINE_ROWS = 4;

/** The chart of accounts with today's balances, and the journal with manual entry. */
export async function bookPages(app: HttpApp, s: AccountingServices) {
  app.get('/admin/accounting', async (req, reply) => {
    requireBookkeeper(req.actor);
    const today = s.ledger.today();
    const trial = await s.statements.trialBalance(req.actor, { from: `${today.slice(0, 4)}-01-01`, to: today });
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:chart.title')} area="admin">
        <h1>{t('accounting:chart.title')}</h1>
        <BooksTabs ctx={page} />
        <p class="meta">{t('accounting:chart.help', { date: today })}</p>
        <ScrollRegion label={t('accounting:chart.title')}>
          <table class="data ledger">
            <thead>
              <tr>
                <th>{t('accounting:col.account')}</th>
                <th>{t('accounting:col.sat')}</th>
                <th class="num">{t('accounting:col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {trial.rows.map((r) => (
                <tr>
                  <td>
                    <AccountName row={r} />
                  </td>
                  <td class="meta">{r.satCode}</td>
                  <td class="num">{r.isGroup ? null : <Amount value={r.closing} lang={page.lang} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Layout>,
    );
  });

  const journalQuery = periodQuery.extend({ page: pageNumber });
  async function journalPage(
    req: FastifyRequest,
    reply: FastifyReply,
    q: z.output<typeof journalQuery>,
    form?: { values: Record<string, string>; message: string },
    status = 200,
  ) {
    requireBookkeeper(req.actor);
    const period = defaultPeriod(s.ledger.today(), q);
    const [entries, accounts] = await Promise.all([
      s.ledger.listEntries(req.actor, { ...period, page: q.page, pageSize: 20 }),
      s.ledger.listAccounts(req.actor),
    ]);
    const postable = accounts.filter((a) => !a.isGroup && a.isActive);
    const page = pageContext(req, reply);
    const { t } = page;
    const v = form?.values ?? {};
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:journal.title')} area="admin">
        <h1>{t('accounting:journal.title')}</h1>
        <BooksTabs ctx={page} />
        <PeriodPicker ctx={page} action="/admin/accounting/journal" {...period} />
        <p class="exports">
          {t('accounting:export.ledger')}:{' '}
          {JOURNAL_FORMATS.map((format, i) => (
            <>
              {i > 0 ? ' · ' : null}
              <a href={`/admin/accounting/journal/${format}?${new URLSearchParams(period)}`} data-hx-boost="false" download>
                {format}
              </a>
            </>
          ))}
        </p>
        <Card title={t('accounting:journal.new')}>
          <FormErrorSummary message={form?.message} />
          <Form ctx={page} action="/admin/accounting/journal" class="stack journal-form">
            <div class="row">
              <div class="field">
                <label for="f-date">{t('accounting:journal.date')}</label>
                <input id="f-date" type="date" name="date" value={v.date ?? s.ledger.today()} required />
              </div>
              <div class="field">
                <label for="f-description">{t('accounting:journal.description')}</label>
                <input id="f-description" name="description" value={v.description ?? ''} />
              </div>
            </div>
            <datalist id="accounts">
              {postable.map((a) => (
                <option value={a.code}>{a.name}</option>
              ))}
            </datalist>
            <table class="data entry-lines">
              <thead>
                <tr>
                  <th>{t('accounting:col.account')}</th>
                  <th class="num">{t('accounting:col.debit')}</th>
                  <th class="num">{t('accounting:col.credit')}</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: LINE_ROWS }, (_, i) => (
                  <tr>
                    <td data-label={t('accounting:col.account')}>
                      <input
                        name={`line${i}.accountCode`}
                        list="accounts"
                        value={v[`line${i}.accountCode`] ?? ''}
                        aria-label={`${t('accounting:col.account')} ${i + 1}`}
                      />
                    </td>
                    <td data-label={t('accounting:col.debit')}>
                      <input
                        name={`line${i}.debit`}
                        inputmode="decimal"
                        value={v[`line${i}.debit`] ?? ''}
                        aria-label={`${t('accounting:col.debit')} ${i + 1}`}
                      />
                    </td>
                    <td data-label={t('accounting:col.credit')}>
                      <input
                        name={`line${i}.credit`}
                        inputmode="decimal"
                        value={v[`line${i}.credit`] ?? ''}
                        aria-label={`${t('accounting:col.credit')} ${i + 1}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div class="actions">
              <button type="submit" name="intent" value="post">
                {t('accounting:journal.post')}
              </button>
              <button type="submit" name="intent" value="draft" class="btn-secondary">
                {t('accounting:journal.saveDraft')}
              </button>
            </div>
          </Form>
        </Card>
        {entries.items.length === 0 ? <Empty>{t('accounting:journal.none')}</Empty> : null}
        {entries.items.map((e) => (
          <Card
            title={`${e.entryNumber ?? t('accounting:journal.draft')} · ${e.date}`}
            actions={
              e.status === 'draft' ? (
                <Form ctx={page} action={`/admin/accounting/journal/${e.id}/post`} class="inline">
                  <button type="submit">{t('accounting:journal.post')}</button>
                </Form>
              ) : (
                <Badge tone={e.entryType === 'manual' ? 'info' : 'muted'}>{t(`accounting:entryType.${e.entryType}`)}</Badge>
              )
            }
          >
            <p>
              {e.description} {e.reference ? <span class="meta">· {e.reference}</span> : null}
            </p>
            <ScrollRegion label={e.description}>
              <table class="data ledger">
                <tbody>
                  {e.lines.map((l) => (
                    <tr>
                      <td>
                        <span class="meta">{l.accountCode}</span> {l.accountName}
                      </td>
                      <td class="num">{l.debit !== '0.00' ? <Amount value={l.debit} lang={page.lang} /> : null}</td>
                      <td class="num">{l.credit !== '0.00' ? <Amount value={l.credit} lang={page.lang} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        ))}
        <Pager
          ctx={page}
          page={entries.page}
          hasNext={entries.hasNext}
          href={(p) => `/admin/accounting/journal?from=${period.from}&to=${period.to}&page=${p}`}
        />
      </Layout>,
      status,
    );
  }

  /** A posting that takes an expense over its month's budget says so (the posting stands). */
  async function budgetWarnings(req: FastifyRequest, entryId: number): Promise<string> {
    const over = await s.budgets.warningsFor(req.actor, entryId);
    const pesos = (v: string) => formatMoney(v, 'MXN', req.lang === 'es' ? 'es-MX' : req.lang);
    return over
      .map(
        (w) =>
          ` ${req.t('accounting:budgets.warning', { account: `${w.accountCode} ${w.name}`, month: w.month, actual: pesos(w.actual), budget: pesos(w.budget) })}`,
      )
      .join('');
  }

  app.get('/admin/accounting/journal', { schema: { querystring: journalQuery } }, (req, reply) => journalPage(req, reply, req.query));

  app.get(
    '/admin/accounting/journal/:format',
    { schema: { params: z.object({ format: z.enum(JOURNAL_FORMATS) }), querystring: periodQuery } },
    async (req, reply) => {
      const { format } = req.params;
      const period = defaultPeriod(s.ledger.today(), req.query);
      const text = await s.statements.exportJournal(req.actor, format, period);
      const filename = `libro-${period.from}-${period.to}.${format === 'beancount' ? 'beancount' : 'journal'}`;
      return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(text);
    },
  );

  app.post('/admin/accounting/journal', { schema: { querystring: journalQuery, body: textForm } }, async (req, reply) => {
    const { body } = req;
    const lines = Array.from({ length: LINE_ROWS }, (_, i) => ({
      accountCode: (body[`line${i}.accountCode`] ?? '').trim(),
      debit: body[`line${i}.debit`] ?? '',
      credit: body[`line${i}.credit`] ?? '',
    })).filter((l) => l.accountCode || l.debit || l.credit);
    try {
      const entry = await s.ledger.createJournalEntry(req.actor, { date: body.date, description: body.description ?? '', lines });
      if (body.intent === 'post') await s.ledger.postEntry(req.actor, entry.id);
      const warnings = body.intent === 'post' ? await budgetWarnings(req, entry.id) : '';
      flash(reply, warnings ? 'info' : 'success', `${req.t(body.intent === 'post' ? 'accounting:journal.posted' : 'accounting:journal.saved')}${warnings}`);
      return redirect(reply, '/admin/accounting/journal');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      const detail = Object.values(fields).filter(Boolean).join(' · ');
      return journalPage(req, reply, req.query, { values: body, message: detail && detail !== message ? `${message} ${detail}` : message }, 422);
    }
  });

  app.post('/admin/accounting/journal/:id/post', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await s.ledger.postEntry(req.actor, id);
      const warnings = await budgetWarnings(req, id);
      flash(reply, warnings ? 'info' : 'success', `${req.t('accounting:journal.posted')}${warnings}`);
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, '/admin/accounting/journal');
  });
}
