import { formBody, type HttpApp, idParams, textForm } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  pageContext,
  redirect,
  ScrollRegion,
  Select,
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { Amount, BooksTabs } from './parts';

type FormState = { which: string; values: Record<string, string>; message: string };
const DATE_FORMATS = ['DD/MM/YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY'] as const;
const DELIMITERS = [
  [',', ','],
  [';', ';'],
  ['\t', 'TAB'],
] as const;

const failure = (error: unknown, t: FastifyRequest['t']) => {
  const { fields, message } = formErrors(error, t);
  const detail = Object.values(fields).filter(Boolean).join(' · ');
  return detail && detail !== message ? `${message} ${detail}` : message;
};

/** Banks: accounts tied to the chart, statement imports, rules, and reconciliations down to a difference of zero. */
export async function bankPages(app: HttpApp, s: AccountingServices) {
  async function overview(req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) {
    requireBookkeeper(req.actor);
    const [banks, rules, recs, accounts] = await Promise.all([
      s.bank.listBankAccounts(req.actor),
      s.bank.listRules(req.actor),
      s.bank.listReconciliations(req.actor),
      s.ledger.listAccounts(req.actor),
    ]);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const v = (which: string) => (form?.which === which ? form.values : {});
    const error = (which: string) => (form?.which === which ? form.message : undefined);
    const bankOptions = banks.map((b) => ({ value: String(b.id), label: `${b.name} · ${b.ledgerAccountCode}` }));
    const ledgerBanks = accounts.filter((a) => a.isBank && !a.isGroup && !banks.some((b) => b.ledgerAccountCode === a.code));
    const postable = accounts.filter((a) => !a.isGroup && a.isActive);
    const mapping = banks[0]?.csvMapping;
    const imp = v('import');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:bank.title')} area="admin">
        <h1>{t('accounting:bank.title')}</h1>
        <BooksTabs ctx={page} />
        <h2>{t('accounting:bank.accounts')}</h2>
        {banks.length === 0 ? (
          <Empty>{t('accounting:bank.noAccounts')}</Empty>
        ) : (
          <ScrollRegion label={t('accounting:bank.accounts')}>
            <table class="data ledger">
              <thead>
                <tr>
                  <th>{t('accounting:bank.name')}</th>
                  <th>{t('accounting:bank.ledgerAccount')}</th>
                  <th class="num">{t('accounting:bank.bookBalance')}</th>
                </tr>
              </thead>
              <tbody>
                {banks.map((b) => (
                  <tr>
                    <td>
                      {b.name} <span class="meta">{[b.bankName, b.accountNumber].filter(Boolean).join(' · ')}</span>
                    </td>
                    <td>
                      <span class="meta">{b.ledgerAccountCode}</span> {b.ledgerAccountName}
                    </td>
                    <td class="num">
                      <Amount value={b.bookBalance} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <h2>{t('accounting:bank.reconciliations')}</h2>
        {recs.length === 0 ? (
          <Empty>{t('accounting:bank.noReconciliations')}</Empty>
        ) : (
          <ul class="plain">
            {recs.map((r) => (
              <li>
                <a href={`/admin/accounting/bank/reconciliations/${r.id}`}>
                  {banks.find((b) => b.id === r.bankAccountId)?.name} · {page.fmt.date(r.statementDate, 'date')}
                </a>{' '}
                <Badge tone={r.status === 'open' ? 'warn' : 'ok'}>{t(`accounting:bank.statuses.${r.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
        <div class="grid-2">
          {banks.length > 0 ? (
            <Card title={t('accounting:bank.start')}>
              <FormErrorSummary message={error('start')} />
              <Form ctx={page} action="/admin/accounting/bank/reconciliations">
                <Select name="bankAccountId" label={t('accounting:bank.account')} options={bankOptions} value={v('start').bankAccountId} />
                <Field
                  name="statementDate"
                  type="date"
                  label={t('accounting:bank.statementDate')}
                  value={v('start').statementDate ?? s.ledger.today()}
                  required
                />
                <Field name="statementBalance" label={t('accounting:bank.statementBalance')} value={v('start').statementBalance} required />
                <Field name="openingBalance" label={t('accounting:bank.openingBalance')} value={v('start').openingBalance} />
                <button type="submit">{t('accounting:bank.startSubmit')}</button>
              </Form>
            </Card>
          ) : null}
          {banks.length > 0 ? (
            <Card title={t('accounting:bank.import')}>
              <FormErrorSummary message={error('import')} />
              <Form ctx={page} action="/admin/accounting/bank/statements" multipart>
                <Select name="bankAccountId" label={t('accounting:bank.account')} options={bankOptions} value={imp.bankAccountId} />
                <Field name="file" type="file" accept=".csv,.ofx,.qfx,text/csv" label={t('accounting:bank.file')} required />
                <Select
                  name="format"
                  label={t('accounting:bank.format')}
                  value={imp.format ?? 'csv'}
                  options={[
                    { value: 'csv', label: 'CSV' },
                    { value: 'ofx', label: 'OFX' },
                  ]}
                />
                <details>
                  <summary>{t('accounting:bank.mapping')}</summary>
                  <div class="row">
                    <Field name="date" label={t('accounting:bank.colDate')} value={imp.date ?? mapping?.date ?? 'Fecha'} />
                    <Field name="description" label={t('accounting:bank.colDescription')} value={imp.description ?? mapping?.description ?? 'Concepto'} />
                    <Field name="reference" label={t('accounting:bank.colReference')} value={imp.reference ?? mapping?.reference ?? 'Referencia'} />
                  </div>
                  <div class="row">
                    <Field name="amount" label={t('accounting:bank.colAmount')} value={imp.amount ?? mapping?.amount ?? ''} />
                    <Field name="withdrawal" label={t('accounting:bank.colWithdrawal')} value={imp.withdrawal ?? mapping?.withdrawal ?? 'Retiros'} />
                    <Field name="deposit" label={t('accounting:bank.colDeposit')} value={imp.deposit ?? mapping?.deposit ?? 'Depositos'} />
                  </div>
                  <div class="row">
                    <Select
                      name="dateFormat"
                      label={t('accounting:bank.dateFormat')}
                      value={imp.dateFormat ?? mapping?.dateFormat ?? 'DD/MM/YYYY'}
                      options={DATE_FORMATS.map((f) => ({ value: f, label: f }))}
                    />
                    <Select
                      name="delimiter"
                      label={t('accounting:bank.delimiter')}
                      value={imp.delimiter ?? mapping?.delimiter ?? ','}
                      options={DELIMITERS.map(([value, label]) => ({ value, label }))}
                    />
                  </div>
                </details>
                <button type="submit">{t('accounting:bank.importSubmit')}</button>
              </Form>
            </Card>
          ) : null}
          <Card title={t('accounting:bank.rules')}>
            <p class="meta">{t('accounting:bank.rulesHelp')}</p>
            {rules.length === 0 ? <Empty>{t('accounting:bank.noRules')}</Empty> : null}
            <ul class="plain">
              {rules.map((r) => (
                <li>
                  <code>{r.pattern}</code> → {r.accountCode} {r.description ? <span class="meta">· {r.description}</span> : null}{' '}
                  <Form ctx={page} action={`/admin/accounting/bank/rules/${r.id}/delete`} class="inline">
                    <button type="submit" class="btn-secondary">
                      {t('accounting:bank.deleteRule')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            <FormErrorSummary message={error('rule')} />
            <Form ctx={page} action="/admin/accounting/bank/rules">
              <div class="row">
                <Field name="pattern" label={t('accounting:bank.pattern')} value={v('rule').pattern} required />
                <Select
                  name="accountCode"
                  label={t('accounting:bank.ruleAccount')}
                  value={v('rule').accountCode ?? '7101'}
                  options={postable.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
                />
              </div>
              <Field name="description" label={t('accounting:bank.ruleDescription')} value={v('rule').description} />
              <button type="submit">{t('accounting:bank.saveRule')}</button>
            </Form>
          </Card>
          <Card title={t('accounting:bank.newAccount')}>
            <FormErrorSummary message={error('account')} />
            <Form ctx={page} action="/admin/accounting/bank/accounts">
              <Field name="name" label={t('accounting:bank.name')} value={v('account').name} required />
              <div class="row">
                <Field name="bankName" label={t('accounting:bank.bankName')} value={v('account').bankName} />
                <Field name="accountNumber" label={t('accounting:bank.accountNumber')} value={v('account').accountNumber} />
              </div>
              <Select
                name="ledgerAccountCode"
                label={t('accounting:bank.ledgerAccount')}
                value={v('account').ledgerAccountCode}
                options={ledgerBanks.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
              />
              <button type="submit">{t('accounting:bank.saveAccount')}</button>
            </Form>
          </Card>
        </div>
      </Layout>,
      status,
    );
  }

  app.get('/admin/accounting/bank', (req, reply) => overview(req, reply));

  /** A form on the overview: the service call, then back to the page with a message, or the page again with the error. */
  function overviewForm(path: string, which: string, run: (req: FastifyRequest, body: Record<string, string>) => Promise<string>) {
    app.post(path, { schema: { body: textForm } }, async (req, reply) => {
      const { body } = req;
      try {
        flash(reply, 'success', await run(req, body));
        return redirect(reply, '/admin/accounting/bank');
      } catch (error) {
        return overview(req, reply, { which, values: body, message: failure(error, req.t) }, 422);
      }
    });
  }

  overviewForm('/admin/accounting/bank/accounts', 'account', async (req, body) => {
    await s.bank.createBankAccount(req.actor, body);
    return req.t('accounting:bank.accountSaved');
  });
  overviewForm('/admin/accounting/bank/rules', 'rule', async (req, body) => {
    await s.bank.createRule(req.actor, body);
    return req.t('accounting:bank.ruleSaved');
  });
  overviewForm('/admin/accounting/bank/statements', 'import', async (req, body) => {
    const content = req.uploads?.file?.bytes.toString('utf8') ?? '';
    const mapping =
      body.format === 'csv'
        ? {
            date: body.date,
            description: body.description,
            reference: body.reference,
            amount: body.amount,
            withdrawal: body.withdrawal,
            deposit: body.deposit,
            dateFormat: body.dateFormat,
            delimiter: body.delimiter,
          }
        : undefined;
    const result = await s.bank.importStatement(req.actor, Number(body.bankAccountId), { format: body.format, content, mapping });
    return req.t('accounting:bank.imported', result);
  });

  app.post('/admin/accounting/bank/rules/:id/delete', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.bank.deleteRule(req.actor, req.params.id);
      flash(reply, 'success', req.t('accounting:bank.ruleDeleted'));
    } catch (error) {
      flash(reply, 'error', failure(error, req.t));
    }
    return redirect(reply, '/admin/accounting/bank');
  });

  app.post('/admin/accounting/bank/reconciliations', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    try {
      const rec = await s.bank.startReconciliation(req.actor, body);
      return redirect(reply, `/admin/accounting/bank/reconciliations/${rec.id}`);
    } catch (error) {
      return overview(req, reply, { which: 'start', values: body, message: failure(error, req.t) }, 422);
    }
  });

  app.get('/admin/accounting/bank/reconciliations/:id', { schema: { params: idParams } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const rec = await s.bank.getReconciliation(req.actor, req.params.id);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const title = t('accounting:bank.reconciliation', { name: rec.bankAccountName, date: page.fmt.date(rec.statementDate, 'date') });
    const base = `/admin/accounting/bank/reconciliations/${rec.id}`;
    const open = rec.status === 'open';
    const txById = new Map(rec.transactions.map((tx) => [tx.id, tx]));
    const unmatched = rec.transactions.filter((tx) => tx.journalLineIds.length === 0);
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p>
          <a href="/admin/accounting/bank">← {t('accounting:bank.title')}</a>
        </p>
        <h1>{title}</h1>
        <div class="figures-grid">
          {(
            [
              ['opening', rec.openingBalance],
              ['statement', rec.statementBalance],
              ['cleared', rec.clearedBalance],
              ['difference', rec.difference],
            ] as const
          ).map(([key, value]) => (
            <div class="figure">
              <h2>{t(`accounting:bank.${key}`)}</h2>
              <p class={`figure-value${key === 'difference' && value !== '0.00' ? ' neg' : ''}`}>
                <Amount value={value} lang={lang} />
              </p>
            </div>
          ))}
        </div>
        {open ? (
          <div class="row">
            <Form ctx={page} action={`${base}/apply-rules`} class="inline">
              <button type="submit" class="btn-secondary">
                {t('accounting:bank.applyRules')}
              </button>
            </Form>
            <Form ctx={page} action={`${base}/accept-suggestions`} class="inline">
              <button type="submit" class="btn-secondary" disabled={rec.suggestions.length === 0}>
                {t('accounting:bank.acceptSuggestions')}
              </button>
            </Form>
            <Form ctx={page} action={`${base}/complete`} class="inline">
              <button type="submit" disabled={rec.difference !== '0.00'}>
                {t('accounting:bank.complete')}
              </button>
            </Form>
          </div>
        ) : (
          <p>
            <Badge tone="ok">{t('accounting:bank.locked')}</Badge>
          </p>
        )}
        <h2>{t('accounting:bank.transactions')}</h2>
        <ScrollRegion label={t('accounting:bank.transactions')}>
          <table class="data ledger">
            <thead>
              <tr>
                <th>{t('accounting:journal.date')}</th>
                <th>{t('accounting:journal.description')}</th>
                <th class="num">{t('accounting:payables.total')}</th>
                <th>{t('accounting:payables.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rec.transactions.map((tx) => (
                <tr>
                  <td>{page.fmt.date(tx.date, 'date')}</td>
                  <td>
                    {tx.description} {tx.reference ? <span class="meta">· {tx.reference}</span> : null}
                  </td>
                  <td class="num">
                    <Amount value={tx.amount} lang={lang} />
                  </td>
                  <td>
                    {tx.journalLineIds.length > 0 ? (
                      <>
                        <Badge tone="ok">{t('accounting:bank.matched')}</Badge>
                        {open ? (
                          <Form ctx={page} action={`${base}/unmatch`} class="inline">
                            <input type="hidden" name="bankTransactionId" value={String(tx.id)} />
                            <button type="submit" class="btn-secondary">
                              {t('accounting:bank.unmatch')}
                            </button>
                          </Form>
                        ) : null}
                      </>
                    ) : (
                      <Badge tone="warn">{t('accounting:bank.unmatched')}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {open ? (
          <>
            <h2>{t('accounting:bank.suggestions')}</h2>
            {rec.suggestions.length === 0 ? <Empty>{t('accounting:bank.noSuggestions')}</Empty> : null}
            <ul class="plain">
              {rec.suggestions.map((sg) => {
                const tx = txById.get(sg.bankTransactionId)!;
                const lines = rec.unmatchedLines.filter((l) => sg.journalLineIds.includes(l.id));
                return (
                  <li>
                    <Form ctx={page} action={`${base}/matches`} class="inline">
                      <input type="hidden" name="bankTransactionId" value={String(tx.id)} />
                      {sg.journalLineIds.map((id) => (
                        <input type="hidden" name="journalLineIds" value={String(id)} />
                      ))}
                      <b>{tx.description}</b> <Amount value={tx.amount} lang={lang} /> ↔{' '}
                      {lines.map((l) => `${l.entryNumber ?? ''} ${l.description}`).join(' + ')}{' '}
                      <span class="meta">({t(`accounting:bank.reasons.${sg.reason}`)})</span>{' '}
                      <button type="submit" class="btn-secondary">
                        {t('accounting:bank.match')}
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ul>
            <h2>{t('accounting:bank.bookLines')}</h2>
            {rec.unmatchedLines.length === 0 ? <Empty>{t('accounting:bank.noBookLines')}</Empty> : null}
            {rec.unmatchedLines.length > 0 && unmatched.length === 0 ? (
              <ul class="plain">
                {rec.unmatchedLines.map((l) => (
                  <li>
                    {page.fmt.date(l.date, 'date')} · {l.entryNumber} · {l.description} · <Amount value={l.amount} lang={lang} />
                  </li>
                ))}
              </ul>
            ) : null}
            {rec.unmatchedLines.length > 0 && unmatched.length > 0 ? (
              <Card title={t('accounting:bank.manualMatch')}>
                <Form ctx={page} action={`${base}/matches`}>
                  <Select
                    name="bankTransactionId"
                    label={t('accounting:bank.bankLine')}
                    options={unmatched.map((tx) => ({ value: String(tx.id), label: `${tx.date} · ${tx.description} · ${tx.amount}` }))}
                  />
                  <fieldset class="plain">
                    <legend>{t('accounting:bank.bookLines')}</legend>
                    {rec.unmatchedLines.map((l) => (
                      <label class="checkbox">
                        <input type="checkbox" name="journalLineIds" value={String(l.id)} /> {page.fmt.date(l.date, 'date')} · {l.entryNumber} · {l.description}{' '}
                        · <Amount value={l.amount} lang={lang} />
                      </label>
                    ))}
                  </fieldset>
                  <button type="submit">{t('accounting:bank.match')}</button>
                </Form>
              </Card>
            ) : null}
          </>
        ) : null}
      </Layout>,
    );
  });

  /** An action on a reconciliation: back to it with the outcome. */
  function action(path: string, run: (req: FastifyRequest, id: number, body: Record<string, unknown>) => Promise<string>) {
    app.post(`/admin/accounting/bank/reconciliations/:id/${path}`, { schema: { params: idParams, body: formBody({}) } }, async (req, reply) => {
      const { id } = req.params;
      try {
        flash(reply, 'success', await run(req, id, req.body));
      } catch (error) {
        flash(reply, 'error', failure(error, req.t));
      }
      return redirect(reply, `/admin/accounting/bank/reconciliations/${id}`);
    });
  }
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

  action('matches', async (req, id, body) => {
    await s.bank.match(req.actor, id, { bankTransactionId: body.bankTransactionId, journalLineIds: list(body.journalLineIds) });
    return req.t('accounting:bank.matchedOk');
  });
  action('unmatch', async (req, id, body) => {
    await s.bank.unmatch(req.actor, id, body);
    return req.t('accounting:bank.unmatch');
  });
  action('accept-suggestions', async (req, id) => {
    await s.bank.acceptSuggestions(req.actor, id);
    return req.t('accounting:bank.matchedOk');
  });
  action('apply-rules', async (req, id) => req.t('accounting:bank.booked', { count: (await s.bank.applyRules(req.actor, id)).booked }));
  action('complete', async (req, id) => {
    await s.bank.completeReconciliation(req.actor, id);
    return req.t('accounting:bank.completed');
  });
}
