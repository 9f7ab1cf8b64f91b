import { clinicToday, money as decimal, type HttpApp, idParams, type ModuleContext, requireStaff, rowId } from '@petfriendly/core';
import { Card, Empty, FormErrorSummary, flash, formErrors, Layout, nestForm, type PageContext, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Suggestion } from '../charge-capture.service';
import { missedChargesSchema } from '../charges.schemas';
import type { BillingServices } from '../services';
import { SuggestionsForm } from './charges-parts';
import { dayOf, invoiceUrl, money, safeNext } from './parts';

/** Charge capture at the desk: a visit's suggested lines, adding them to a draft, waivers, and the managers' missed-charges report. */
export async function chargePages(app: HttpApp, s: BillingServices, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  async function visitPage(req: FastifyRequest, reply: FastifyReply, visitId: number, message?: string) {
    const staff = requireStaff(req.actor);
    const { items, pending } = await s.charges.visitCharges(staff, visitId);
    const page = pageContext(req, reply);
    const { t } = page;
    const first = items[0];
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:charges.visitTitle')} area="admin">
        <p class="meta">{first ? <a href={`/admin/pets/${first.petId}#visit-${visitId}`}>← 🐾 {first.petName}</a> : null}</p>
        <h1>{t('billing:charges.visitTitle')}</h1>
        <Card title={t('billing:charges.suggested')}>
          <FormErrorSummary message={message} />
          <SuggestionsForm ctx={page} action={`/admin/billing/visits/${visitId}/invoice`} items={items} totals={pending} submit={t('billing:charges.create')} />
        </Card>
      </Layout>,
      message ? 422 : 200,
    );
  }

  const visitParams = z.object({ visitId: rowId });
  app.get('/admin/billing/visits/:visitId/invoice', { schema: { params: visitParams } }, async (req, reply) => visitPage(req, reply, req.params.visitId));
  app.post('/admin/billing/visits/:visitId/invoice', { schema: { params: visitParams } }, async (req, reply) => {
    try {
      const draftId = await s.charges.draftForVisit(req.actor, req.params.visitId);
      await s.charges.addToInvoice(req.actor, draftId, nestForm(req.body).items as never);
      flash(reply, 'success', req.t('billing:charges.added'));
      return redirect(reply, invoiceUrl(draftId));
    } catch (error) {
      return visitPage(req, reply, req.params.visitId, formErrors(error, req.t).message);
    }
  });

  app.post('/admin/billing/invoices/:id/charges', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await s.charges.addToInvoice(req.actor, id, (nestForm(req.body).items ?? []) as never);
      flash(reply, 'success', req.t('billing:charges.added'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, invoiceUrl(id));
  });

  app.post('/admin/billing/charges/:itemId/waive', { schema: { params: z.object({ itemId: rowId }) } }, async (req, reply) => {
    const body = nestForm(req.body);
    try {
      await s.charges.waive(req.actor, req.params.itemId, body);
      flash(reply, 'success', req.t('billing:charges.waived'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, safeNext(body.next, '/admin/billing'));
  });

  app.get('/admin/billing/missed-charges', { schema: { querystring: missedChargesSchema.partial() } }, async (req, reply) => {
    const staff = requireStaff(req.actor, ['manager', 'admin']);
    const month = req.query.month ?? clinicToday(ctx.clock, tz).slice(0, 7);
    const report = await s.charges.missedCharges(staff, { month });
    const page = pageContext(req, reply);
    const { t } = page;
    const rows = (list: Suggestion[]) => (
      <table class="data">
        <thead>
          <tr>
            <th>{t('billing:charges.item')}</th>
            <th>{t('billing:charges.doneOn')}</th>
            <th>{t('billing:charges.pet')}</th>
            <th class="num">{t('billing:charges.value')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr>
              <td>
                <b>{r.label}</b> × {decimal(r.quantity).toString()}
                <br />
                <span class="meta">
                  {t(`billing:charges.kindNames.${r.kind}`)}
                  {r.waivedReason ? ` · ${t('billing:charges.reason')}: ${r.waivedReason}` : ''}
                </span>
              </td>
              <td data-label={t('billing:charges.doneOn')}>{dayOf(r.doneOn, page.lang)}</td>
              <td data-label={t('billing:charges.pet')}>
                <a href={`/admin/pets/${r.petId}#visit-${r.visitId}`}>{r.petName}</a>
              </td>
              <td class="num" data-label={t('billing:charges.value')}>
                {r.value ? money(r.value) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:charges.missedTitle')} area="admin" description={t('billing:charges.missedHelp')}>
        <h1>{t('billing:charges.missedTitle')}</h1>
        <p class="meta">{t('billing:charges.missedHelp')}</p>
        <form method="get" action="/admin/billing/missed-charges" class="row">
          <div class="field">
            <label for="missed-month">{t('billing:charges.month')}</label>
            <input id="missed-month" type="month" name="month" value={month} />
          </div>
          <button type="submit" class="btn-secondary">
            {t('billing:charges.show')}
          </button>
        </form>
        <p>
          <a href={`/api/v1/billing/missed-charges.csv?month=${month}`} download>
            ⬇ {t('billing:charges.csv')}
          </a>
        </p>
        <Card title={t('billing:charges.missedValue', { value: money(report.missedValue) })}>
          {report.missed.length ? rows(report.missed) : <Empty>{t('billing:charges.noMissed')}</Empty>}
        </Card>
        <Card title={t('billing:charges.waivedTitle')}>
          <p class="meta">{t('billing:charges.waivedValue', { value: money(report.waivedValue) })}</p>
          {report.waived.length ? rows(report.waived) : <Empty>{t('billing:charges.noWaived')}</Empty>}
        </Card>
      </Layout>,
    );
  });
}

/** The desk invoice's card of a pet's charges not yet invoiced (a draft with a pet). */
export function PendingCharges({
  ctx,
  invoiceId,
  items,
  totals,
}: {
  ctx: PageContext;
  invoiceId: number;
  items: Suggestion[];
  totals: { subtotal: string; tax: string; total: string };
}) {
  return (
    <Card title={ctx.t('billing:charges.suggested')} class="bill-add">
      <SuggestionsForm ctx={ctx} action={`/admin/billing/invoices/${invoiceId}/charges`} items={items} totals={totals} submit={ctx.t('billing:charges.add')} />
    </Card>
  );
}
