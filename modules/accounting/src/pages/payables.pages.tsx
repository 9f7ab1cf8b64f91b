import { type HttpApp, idParams, textForm } from '@petfriendly/core';
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
import { LEDGER } from '../chart';
import { requireBookkeeper } from '../ledger.service';
import { BILL_RATES } from '../payables.schemas';
import { BILL_PAYMENT_METHODS, OPERATION_TYPES, PAYMENT_TERMS, THIRD_PARTY_TYPES } from '../payables.tables';
import type { AccountingServices } from '../services';
import { AgingTable } from './aging-table';
import { Amount, BooksTabs } from './parts';

const BILL_LINES = 3;
type FormState = { values: Record<string, string>; message: string; fields?: Record<string, string | undefined> };
const STATUS_TONE = { pending: 'warn', partial: 'info', paid: 'ok', cancelled: 'muted' } as const;

/** Payables: AP aging, the bills to pay, a bill typed by hand or read from the supplier's XML, paying a bill, and the suppliers. */
export async function payablesPages(app: HttpApp, s: AccountingServices) {
  async function overview(req: FastifyRequest, reply: FastifyReply, form?: FormState & { which: 'manual' | 'cfdi' }, status = 200) {
    requireBookkeeper(req.actor);
    const today = s.ledger.today();
    const [aging, open, vendors, accounts] = await Promise.all([
      s.payables.agingReport(req.actor, today),
      s.payables.listBills(req.actor, { status: 'open' }),
      s.payables.listVendors(req.actor),
      s.ledger.listAccounts(req.actor),
    ]);
    const postable = accounts.filter((a) => !a.isGroup && a.isActive && (a.accountType === 'expense' || a.accountType === 'asset' || a.code === '2102'));
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const v = form?.values ?? {};
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:payables.title')} area="admin">
        <h1>{t('accounting:payables.title')}</h1>
        <BooksTabs ctx={page} />
        <p class="meta">
          {t('accounting:payables.help', { date: page.fmt.date(today, 'date') })} · <a href="/admin/accounting/vendors">{t('accounting:vendors.title')}</a>
        </p>
        <ScrollRegion label={t('accounting:payables.title')}>
          <AgingTable ctx={page} report={aging} partyLabel={t('accounting:payables.vendor')} />
        </ScrollRegion>
        <h2>{t('accounting:payables.openBills')}</h2>
        {open.length === 0 ? (
          <Empty>{t('accounting:payables.none')}</Empty>
        ) : (
          <ScrollRegion label={t('accounting:payables.openBills')}>
            <table class="data ledger">
              <thead>
                <tr>
                  <th>{t('accounting:payables.vendor')}</th>
                  <th>{t('accounting:payables.number')}</th>
                  <th>{t('accounting:payables.due')}</th>
                  <th class="num">{t('accounting:payables.total')}</th>
                  <th class="num">{t('accounting:payables.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((b) => (
                  <tr>
                    <td>{b.vendorName}</td>
                    <td>
                      <a href={`/admin/accounting/payables/bills/${b.id}`}>{b.billNumber || `#${b.id}`}</a>
                    </td>
                    <td>
                      {page.fmt.date(b.dueDate, 'date')} {b.dueDate < today ? <Badge tone="danger">{t('accounting:payables.overdue')}</Badge> : null}
                    </td>
                    <td class="num">
                      <Amount value={b.total} lang={lang} />
                    </td>
                    <td class="num">
                      <Amount value={b.balance} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <div class="grid-2">
          <Card title={t('accounting:payables.upload')}>
            <p class="meta">{t('accounting:payables.uploadHelp')}</p>
            <FormErrorSummary message={form?.which === 'cfdi' ? form.message : undefined} />
            <Form ctx={page} action="/admin/accounting/payables/cfdi" multipart>
              <Field name="xml" type="file" accept=".xml,text/xml,application/xml" label={t('accounting:payables.xml')} required />
              <Field
                name="accountCode"
                label={t('accounting:payables.account')}
                hint={t('accounting:payables.accountHelp')}
                value={form?.which === 'cfdi' ? v.accountCode : ''}
              />
              <Field name="dueDate" type="date" label={t('accounting:payables.due')} value={form?.which === 'cfdi' ? v.dueDate : ''} />
              <button type="submit">{t('accounting:payables.save')}</button>
            </Form>
          </Card>
          <Card title={t('accounting:payables.newBill')}>
            <FormErrorSummary message={form?.which === 'manual' ? form.message : undefined} />
            <Form ctx={page} action="/admin/accounting/payables/bills">
              <Select
                name="vendorId"
                label={t('accounting:payables.vendor')}
                required
                value={v.vendorId}
                options={[{ value: '', label: '—' }, ...vendors.filter((x) => x.isActive).map((x) => ({ value: String(x.id), label: `${x.name} · ${x.rfc}` }))]}
              />
              <div class="row">
                <Field name="billNumber" label={t('accounting:payables.number')} value={v.billNumber} />
                <Field name="billDate" type="date" label={t('accounting:payables.date')} value={v.billDate ?? today} required />
                <Field name="dueDate" type="date" label={t('accounting:payables.due')} value={v.dueDate} />
              </div>
              <datalist id="bill-accounts">
                {postable.map((a) => (
                  <option value={a.code}>{a.name}</option>
                ))}
              </datalist>
              <table class="data entry-lines">
                <thead>
                  <tr>
                    <th>{t('accounting:payables.account')}</th>
                    <th>{t('accounting:payables.description')}</th>
                    <th class="num">{t('accounting:payables.amount')}</th>
                    <th>{t('accounting:payables.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: BILL_LINES }, (_, i) => {
                    const n = { n: i + 1 };
                    return (
                      <tr>
                        <td data-label={t('accounting:payables.account')}>
                          <input
                            name={`line${i}.accountCode`}
                            list="bill-accounts"
                            value={v[`line${i}.accountCode`] ?? ''}
                            aria-label={`${t('accounting:payables.account')} · ${t('accounting:payables.line', n)}`}
                          />
                        </td>
                        <td data-label={t('accounting:payables.description')}>
                          <input
                            name={`line${i}.description`}
                            value={v[`line${i}.description`] ?? ''}
                            aria-label={`${t('accounting:payables.description')} · ${t('accounting:payables.line', n)}`}
                          />
                        </td>
                        <td data-label={t('accounting:payables.amount')}>
                          <input
                            name={`line${i}.amount`}
                            inputmode="decimal"
                            value={v[`line${i}.amount`] ?? ''}
                            aria-label={`${t('accounting:payables.amount')} · ${t('accounting:payables.line', n)}`}
                          />
                        </td>
                        <td data-label={t('accounting:payables.rate')}>
                          <select name={`line${i}.rate`} aria-label={`${t('accounting:payables.rate')} · ${t('accounting:payables.line', n)}`}>
                            {BILL_RATES.map((r) => (
                              <option value={r} selected={(v[`line${i}.rate`] ?? '16') === r}>
                                {t(`accounting:payables.rates.${r}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div class="row">
                <Field name="ivaWithheld" label={t('accounting:payables.ivaWithheld')} value={v.ivaWithheld} />
                <Field name="isrWithheld" label={t('accounting:payables.isrWithheld')} value={v.isrWithheld} />
              </div>
              <button type="submit">{t('accounting:payables.save')}</button>
            </Form>
          </Card>
        </div>
      </Layout>,
      status,
    );
  }

  app.get('/admin/accounting/payables', (req, reply) => overview(req, reply));

  app.post('/admin/accounting/payables/bills', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    const lines = Array.from({ length: BILL_LINES }, (_, i) => ({
      accountCode: (body[`line${i}.accountCode`] ?? '').trim(),
      description: body[`line${i}.description`] ?? '',
      amount: body[`line${i}.amount`] ?? '',
      rate: body[`line${i}.rate`] || '16',
    })).filter((l) => l.accountCode || l.amount);
    try {
      const bill = await s.payables.createBill(req.actor, { ...body, lines });
      flash(reply, 'success', req.t('accounting:payables.created', { number: bill.billNumber || `#${bill.id}` }));
      return redirect(reply, `/admin/accounting/payables/bills/${bill.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      const detail = Object.values(fields).filter(Boolean).join(' · ');
      return overview(req, reply, { which: 'manual', values: body, message: detail && detail !== message ? `${message} ${detail}` : message }, 422);
    }
  });

  app.post('/admin/accounting/payables/cfdi', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    try {
      const xml = req.uploads?.xml?.bytes.toString('utf8') ?? '';
      const bill = await s.payables.createBillFromCfdi(req.actor, { xml, accountCode: body.accountCode, dueDate: body.dueDate });
      flash(
        reply,
        'success',
        req.t(bill.vendorCreated ? 'accounting:payables.vendorCreated' : 'accounting:payables.created', { number: bill.billNumber, name: bill.vendorName }),
      );
      return redirect(reply, `/admin/accounting/payables/bills/${bill.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      const detail = Object.values(fields).filter(Boolean).join(' · ');
      const status = (error as { statusCode?: number }).statusCode === 409 ? 409 : 422;
      return overview(req, reply, { which: 'cfdi', values: body, message: detail && detail !== message ? `${message} ${detail}` : message }, status);
    }
  });

  async function billPage(req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) {
    requireBookkeeper(req.actor);
    const [bill, accounts] = await Promise.all([s.payables.getBill(req.actor, id), s.ledger.listAccounts(req.actor)]);
    const moneyAccounts = accounts.filter((a) => (a.isBank || a.isCash) && !a.isGroup && a.isActive);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const v = form?.values ?? {};
    const title = t('accounting:payables.bill', { number: bill.billNumber || `#${bill.id}` });
    const amounts: [string, string][] = [
      ['subtotal', bill.subtotal],
      ['discount', bill.discount],
      ['iva16', bill.iva16],
      ['iva8', bill.iva8],
      ['ivaWithheld', bill.ivaWithheld],
      ['isrWithheld', bill.isrWithheld],
    ];
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p>
          <a href="/admin/accounting/payables">← {t('accounting:payables.back')}</a>
        </p>
        <h1>
          {title} <Badge tone={STATUS_TONE[bill.status]}>{t(`accounting:payables.statuses.${bill.status}`)}</Badge>
        </h1>
        <p>
          <b>{bill.vendorName}</b> · {bill.vendorRfc} · {t('accounting:payables.date')} {page.fmt.date(bill.billDate, 'date')} · {t('accounting:payables.due')}{' '}
          {page.fmt.date(bill.dueDate, 'date')}
        </p>
        {bill.cfdiUuid ? (
          <p class="meta">
            {t('accounting:payables.uuid')} <code>{bill.cfdiUuid}</code>
          </p>
        ) : null}
        {bill.lines.some((l) => l.accountCode === LEDGER.goodsReceived) ? (
          <p>
            <a href={`/admin/accounting/payables/bills/${bill.id}/receipts`}>📦 {t('accounting:receipts.link')}</a>
          </p>
        ) : null}
        <div class="grid-2">
          <Card title={t('accounting:payables.lines')}>
            <table class="data ledger">
              <tbody>
                {bill.lines.map((l) => (
                  <tr>
                    <td>
                      <span class="meta">{l.accountCode}</span> {l.accountName}
                      {l.description ? <span class="meta"> · {l.description}</span> : null}
                    </td>
                    <td class="num">
                      <Amount value={l.amount} lang={lang} />
                    </td>
                  </tr>
                ))}
                {amounts
                  .filter(([, value]) => value !== '0.00')
                  .map(([key, value]) => (
                    <tr>
                      <td>{t(`accounting:payables.${key}`)}</td>
                      <td class="num">
                        <Amount value={value} lang={lang} />
                      </td>
                    </tr>
                  ))}
                <tr>
                  <th scope="row">{t('accounting:payables.total')}</th>
                  <td class="num">
                    <b>
                      <Amount value={bill.total} lang={lang} />
                    </b>
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('accounting:payables.balance')}</th>
                  <td class="num">
                    <b>
                      <Amount value={bill.balance} lang={lang} />
                    </b>
                  </td>
                </tr>
              </tbody>
            </table>
          </Card>
          <Card title={t('accounting:payables.payments')}>
            {bill.payments.length === 0 ? <Empty>{t('accounting:payables.noPayments')}</Empty> : null}
            <ul class="plain">
              {bill.payments.map((p) => (
                <li>
                  {page.fmt.date(p.paidOn, 'date')} · {t(`accounting:payables.methods.${p.method}`)} · {p.accountCode} {p.reference ? `· ${p.reference}` : ''} ·{' '}
                  <Amount value={p.amount} lang={lang} />
                </li>
              ))}
            </ul>
            {bill.balance !== '0.00' && bill.status !== 'cancelled' ? (
              <>
                <h3>{t('accounting:payables.pay')}</h3>
                <FormErrorSummary message={form?.message} />
                <Form ctx={page} action={`/admin/accounting/payables/bills/${bill.id}/pay`}>
                  <div class="row">
                    <Field name="amount" label={t('accounting:payables.total')} value={v.amount ?? bill.balance} required errors={form?.fields} />
                    <Field
                      name="paidOn"
                      type="date"
                      label={t('accounting:payables.paidOn')}
                      value={v.paidOn ?? s.ledger.today()}
                      required
                      errors={form?.fields}
                    />
                  </div>
                  <div class="row">
                    <Select
                      name="method"
                      label={t('accounting:payables.method')}
                      value={v.method ?? 'transfer'}
                      options={BILL_PAYMENT_METHODS.map((m) => ({ value: m, label: t(`accounting:payables.methods.${m}`) }))}
                    />
                    <Select
                      name="accountCode"
                      label={t('accounting:payables.from')}
                      value={v.accountCode ?? moneyAccounts.find((a) => a.isBank)?.code}
                      options={moneyAccounts.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
                    />
                  </div>
                  <Field name="reference" label={t('accounting:payables.reference')} value={v.reference} />
                  <button type="submit">{t('accounting:payables.pay')}</button>
                </Form>
              </>
            ) : null}
          </Card>
        </div>
      </Layout>,
      status,
    );
  }

  app.get('/admin/accounting/payables/bills/:id', { schema: { params: idParams } }, (req, reply) => billPage(req, reply, req.params.id));

  app.post('/admin/accounting/payables/bills/:id/pay', { schema: { params: idParams, body: textForm } }, async (req, reply) => {
    const { id } = req.params;
    const { body } = req;
    try {
      await s.payables.payBill(req.actor, id, body);
      flash(reply, 'success', req.t('accounting:payables.paid'));
      return redirect(reply, `/admin/accounting/payables/bills/${id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return billPage(req, reply, id, { values: body, message, fields }, 422);
    }
  });

  async function vendorsPage(req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) {
    requireBookkeeper(req.actor);
    const [vendors, accounts] = await Promise.all([s.payables.listVendors(req.actor), s.ledger.listAccounts(req.actor)]);
    const expenses = accounts.filter((a) => !a.isGroup && a.isActive && (a.accountType === 'expense' || a.code === '1106'));
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const v = form?.values ?? {};
    const errors = form?.fields;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:vendors.title')} area="admin">
        <p>
          <a href="/admin/accounting/payables">← {t('accounting:payables.back')}</a>
        </p>
        <h1>{t('accounting:vendors.title')}</h1>
        {vendors.length === 0 ? (
          <Empty>{t('accounting:vendors.none')}</Empty>
        ) : (
          <ScrollRegion label={t('accounting:vendors.title')}>
            <table class="data ledger">
              <thead>
                <tr>
                  <th>{t('accounting:vendors.name')}</th>
                  <th>{t('accounting:vendors.rfc')}</th>
                  <th>{t('accounting:vendors.thirdParty')}</th>
                  <th>{t('accounting:vendors.operation')}</th>
                  <th class="num">{t('accounting:vendors.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {vendors.map((x) => (
                  <tr>
                    <td>{x.name}</td>
                    <td>
                      <code>{x.rfc}</code>
                    </td>
                    <td>{t(`accounting:vendors.thirdParties.${x.thirdPartyType}`)}</td>
                    <td>{t(`accounting:vendors.operations.${x.operationType}`)}</td>
                    <td class="num">
                      <Amount value={x.balance} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Card title={t('accounting:vendors.new')}>
          <FormErrorSummary message={form?.message} />
          <Form ctx={page} action="/admin/accounting/vendors">
            <div class="row">
              <Field name="name" label={t('accounting:vendors.name')} value={v.name} required errors={errors} />
              <Field name="rfc" label={t('accounting:vendors.rfc')} value={v.rfc} required errors={errors} />
            </div>
            <div class="row">
              <Select
                name="thirdPartyType"
                label={t('accounting:vendors.thirdParty')}
                value={v.thirdPartyType ?? '04'}
                options={THIRD_PARTY_TYPES.map((x) => ({ value: x, label: t(`accounting:vendors.thirdParties.${x}`) }))}
              />
              <Select
                name="operationType"
                label={t('accounting:vendors.operation')}
                value={v.operationType ?? '85'}
                options={OPERATION_TYPES.map((x) => ({ value: x, label: t(`accounting:vendors.operations.${x}`) }))}
              />
            </div>
            <div class="row">
              <Field name="foreignTaxId" label={t('accounting:vendors.foreignTaxId')} value={v.foreignTaxId} errors={errors} />
              <Field name="country" label={t('accounting:vendors.country')} value={v.country} errors={errors} />
            </div>
            <div class="row">
              <Field name="contactName" label={t('accounting:vendors.contact')} value={v.contactName} />
              <Field name="email" type="email" label={t('accounting:vendors.email')} value={v.email} errors={errors} />
              <Field name="phone" type="tel" label={t('accounting:vendors.phone')} value={v.phone} />
            </div>
            <div class="row">
              <Select
                name="paymentTerms"
                label={t('accounting:vendors.terms')}
                value={v.paymentTerms ?? 'net30'}
                options={PAYMENT_TERMS.map((x) => ({ value: x, label: t(`accounting:vendors.paymentTerms.${x}`) }))}
              />
              <Select
                name="defaultExpenseAccountCode"
                label={t('accounting:vendors.defaultAccount')}
                value={v.defaultExpenseAccountCode ?? ''}
                options={[{ value: '', label: '—' }, ...expenses.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))]}
              />
            </div>
            <button type="submit">{t('accounting:vendors.save')}</button>
          </Form>
        </Card>
      </Layout>,
      status,
    );
  }

  app.get('/admin/accounting/vendors', (req, reply) => vendorsPage(req, reply));

  app.post('/admin/accounting/vendors', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    try {
      await s.payables.createVendor(req.actor, body);
      flash(reply, 'success', req.t('accounting:vendors.saved'));
      return redirect(reply, '/admin/accounting/vendors');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return vendorsPage(req, reply, { values: body, message, fields }, 422);
    }
  });
}
