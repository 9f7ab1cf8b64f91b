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
import type { AccountingServices } from '../services';
import { Amount } from './parts';

type FormState = { values: Record<string, string>; message: string; fields?: Record<string, string | undefined> };

/** A supplier bill's lines on goods received matched to the store's receipts: the three-way check and its flags. */
export async function receiptPages(app: HttpApp, s: AccountingServices) {
  async function matchPage(req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) {
    requireBookkeeper(req.actor);
    const bill = await s.payables.getBill(req.actor, id);
    const [matches, open] = await Promise.all([
      s.receipts.billMatches(req.actor, id),
      s.receipts.listReceipts(req.actor, { status: 'unmatched', supplierRfc: bill.vendorRfc }),
    ]);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const v = form?.values ?? {};
    const matched = new Set(matches.map((m) => m.billLineId));
    const lines = bill.lines.filter((l) => l.accountCode === LEDGER.goodsReceived && !matched.has(l.id));
    const title = t('accounting:receipts.title');
    const billLabel = t('accounting:payables.bill', { number: bill.billNumber || `#${bill.id}` });
    return sendPage(
      reply,
      <Layout ctx={page} title={`${title} · ${billLabel}`} area="admin">
        <p>
          <a href={`/admin/accounting/payables/bills/${bill.id}`}>← {billLabel}</a>
        </p>
        <h1>{title}</h1>
        <p>
          <b>{bill.vendorName}</b> · {bill.vendorRfc} · {billLabel}
        </p>
        <p class="meta">{t('accounting:receipts.help')}</p>
        <Card title={t('accounting:receipts.matches')}>
          {matches.length === 0 ? (
            <Empty>{t('accounting:receipts.none')}</Empty>
          ) : (
            <ScrollRegion label={t('accounting:receipts.matches')}>
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">{t('accounting:receipts.receipt')}</th>
                    <th scope="col" class="num">
                      {t('accounting:receipts.received')}
                    </th>
                    <th scope="col" class="num">
                      {t('accounting:receipts.billed')}
                    </th>
                    <th scope="col" class="num">
                      {t('accounting:receipts.difference')}
                    </th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {matches.map((m) => (
                    <tr>
                      <td data-label={t('accounting:receipts.receipt')}>
                        #{m.receipt.id} · {m.receipt.batchNumber || '—'} · {page.fmt.date(m.receipt.receivedOn, 'date')}
                      </td>
                      <td class="num" data-label={t('accounting:receipts.received')}>
                        {m.receipt.quantity} × <Amount value={m.receipt.unitCost} lang={lang} />
                      </td>
                      <td class="num" data-label={t('accounting:receipts.billed')}>
                        {m.billedQuantity} × <Amount value={m.billedUnitPrice} lang={lang} />
                      </td>
                      <td class="num" data-label={t('accounting:receipts.difference')}>
                        <Amount value={m.difference} lang={lang} />
                      </td>
                      <td>
                        {m.quantityMismatch ? <Badge tone="warn">{t('accounting:receipts.quantityMismatch')}</Badge> : null}{' '}
                        {m.priceMismatch ? <Badge tone="warn">{t('accounting:receipts.priceMismatch')}</Badge> : null}{' '}
                        {m.amountMismatch ? <Badge tone="danger">{t('accounting:receipts.amountMismatch')}</Badge> : null}
                        {m.quantityMismatch || m.priceMismatch || m.amountMismatch ? null : <Badge tone="ok">{t('accounting:receipts.ok')}</Badge>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Card>
        <Card title={t('accounting:receipts.match')}>
          {lines.length === 0 ? <Empty>{t('accounting:receipts.nothingToMatch')}</Empty> : null}
          {lines.length > 0 && open.length === 0 ? <Empty>{t('accounting:receipts.noReceipts')}</Empty> : null}
          {lines.length > 0 && open.length > 0 ? (
            <>
              <FormErrorSummary message={form?.message} />
              <Form ctx={page} action={`/admin/accounting/payables/bills/${bill.id}/receipts`}>
                <div class="row">
                  <Select
                    name="billLineId"
                    label={t('accounting:receipts.line')}
                    value={v.billLineId}
                    errors={form?.fields}
                    options={lines.map((l) => ({ value: String(l.id), label: `${l.description || l.accountName} · $${l.amount}` }))}
                  />
                  <Select
                    name="receiptId"
                    label={t('accounting:receipts.receipt')}
                    value={v.receiptId}
                    errors={form?.fields}
                    options={open.map((r) => ({
                      value: String(r.id),
                      label: t('accounting:receipts.entry', {
                        id: r.id,
                        batch: r.batchNumber || '—',
                        date: page.fmt.date(r.receivedOn, 'date'),
                        quantity: r.quantity,
                        unitCost: `$${r.unitCost}`,
                      }),
                    }))}
                  />
                </div>
                <div class="row">
                  <Field
                    name="quantity"
                    type="number"
                    min="1"
                    step="1"
                    label={t('accounting:receipts.quantity')}
                    value={v.quantity}
                    required
                    errors={form?.fields}
                  />
                  <Field
                    name="unitPrice"
                    type="number"
                    min="0.01"
                    step="0.01"
                    label={t('accounting:receipts.unitPrice')}
                    value={v.unitPrice}
                    required
                    errors={form?.fields}
                  />
                </div>
                <button type="submit">{t('accounting:receipts.save')}</button>
              </Form>
            </>
          ) : null}
        </Card>
      </Layout>,
      status,
    );
  }

  app.get('/admin/accounting/payables/bills/:id/receipts', { schema: { params: idParams } }, (req, reply) => matchPage(req, reply, req.params.id));

  app.post('/admin/accounting/payables/bills/:id/receipts', { schema: { params: idParams, body: textForm } }, async (req, reply) => {
    const { id } = req.params;
    const body = req.body;
    try {
      await s.receipts.matchReceipt(req.actor, id, body);
      flash(reply, 'success', req.t('accounting:receipts.saved'));
      return redirect(reply, `/admin/accounting/payables/bills/${id}/receipts`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return matchPage(req, reply, id, { values: body, message, fields }, 422);
    }
  });
}
