import {
  clinicInstant,
  clinicToday,
  formatters,
  formBody,
  type HttpApp,
  idParams,
  localDate,
  type ModuleContext,
  pageNumber,
  requireStaff,
  type StaffRole,
} from '@petfriendly/core';
import {
  Card,
  Empty,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  type PageContext,
  Pager,
  pageContext,
  redirect,
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { INVOICE_STATUSES, type InvoiceStatus } from '../billing.tables';
import { balanceOf, type Invoice } from '../invoice.service';
import type { BillingNeeds, BillingServices } from '../services';
import { FiscalForm, type FiscalValues } from './fiscal-form';
import { CfdiBadge, dateOf, invoiceUrl, money, nextQuery, ownerParams, StatusBadge, safeNext } from './parts';

export type DeskDeps = Pick<BillingNeeds, 'accounts' | 'vet-clinic' | 'appointments' | 'store'>;

const FINISHED = new Set(['checked_in', 'completed']);
/** Who issues the month's global invoice from the desk (the service checks the same). */
const GLOBAL_ROLES: readonly StaffRole[] = ['receptionist', 'manager', 'admin'];

/** The front desk ("Caja"), on a phone first: today's visits to invoice, open drafts, counter sales, the invoice list, owners' fiscal data. */
export async function deskPages(app: HttpApp, s: BillingServices, ctx: ModuleContext, deps: DeskDeps) {
  const tz = ctx.clinic.TIME_ZONE;
  const timeOf = (d: Date) => formatters(ctx.clinic.DEFAULT_LANGUAGE, tz).time(d);

  const listQuery = z.object({ status: z.string().optional(), page: pageNumber, owner: z.string().optional() });
  app.get('/admin/billing', { schema: { querystring: listQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const status = (INVOICE_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as InvoiceStatus) : undefined;
    const ownerQuery = (q.owner ?? '').trim().slice(0, 100);
    const [day, drafts, list, owners] = await Promise.all([
      deps.appointments.schedule.getDailySchedule(staff, clinicToday(ctx.clock, tz)),
      s.invoices.listInvoices(staff, { status: 'draft', pageSize: 50 }),
      s.invoices.listInvoices(staff, { status, page: q.page }),
      ownerQuery ? deps.accounts.users.searchOwners(staff, { query: ownerQuery, pageSize: 8 }) : Promise.resolve(null),
    ]);
    const finished = day.appointments.filter((a) => FINISHED.has(a.status));
    const byAppointment = await s.invoices.invoicesOfAppointments(
      staff,
      finished.map((a) => a.id),
    );
    const names = await deps.accounts.directory.namesOf([...new Set([...drafts.items, ...list.items].flatMap((i) => (i.ownerId ? [i.ownerId] : [])))]);
    const page = pageContext(req, reply);
    const { t } = page;
    const lastMonth = localDate(new Date(clinicInstant(`${clinicToday(ctx.clock, tz).slice(0, 7)}-01`, '00:00', tz).getTime() - 1), tz).slice(0, 7);
    const listHref = (st: string | undefined, n = 1) =>
      `/admin/billing?${new URLSearchParams({ ...(st ? { status: st } : {}), ...(n > 1 ? { page: String(n) } : {}) })}#invoices`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:desk.title')} area="admin">
        <h1>💳 {t('billing:desk.title')}</h1>
        <Card title={t('billing:desk.today')}>
          {finished.length === 0 ? <Empty>{t('billing:desk.noneToday')}</Empty> : null}
          <ul class="list">
            {finished.map((a) => {
              const invoice = byAppointment.get(a.id);
              return (
                <li id={`appointment-${a.id}`}>
                  <span class="bill-grow">
                    <b>
                      {timeOf(a.startsAt)} · {a.petName}
                    </b>
                    <br />
                    <span class="meta">{a.serviceName}</span>
                    <br />
                    <span class="meta">
                      👤 {a.ownerName} · 🩺 {a.staffName}
                    </span>
                  </span>
                  {invoice ? (
                    <a class="bill-chip" href={invoiceUrl(invoice.id)}>
                      {invoice.invoiceNumber} <StatusBadge t={t} status={invoice.status} />
                    </a>
                  ) : (
                    <Form ctx={page} action={`/admin/billing/appointments/${a.id}/invoice`} class="inline">
                      <button type="submit" class="btn-small">
                        🧾 {t('billing:desk.invoice')}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>

        <Card title={t('billing:desk.drafts')}>
          {drafts.items.length === 0 ? (
            <Empty>{t('billing:desk.noDrafts')}</Empty>
          ) : (
            <InvoiceList t={t} items={drafts.items} names={names} lang={page.lang} tz={tz} />
          )}
        </Card>

        <Card title={t('billing:desk.newSale')}>
          <form method="get" action="/admin/billing#new-sale" class="search-bar" role="search" id="new-sale">
            <input type="search" name="owner" value={ownerQuery} placeholder={t('billing:desk.ownerPlaceholder')} aria-label={t('billing:desk.ownerSearch')} />
            <button type="submit">🔍</button>
          </form>
          {owners && owners.items.length === 0 ? <Empty>{t('billing:desk.noOwners', { query: ownerQuery })}</Empty> : null}
          {owners ? (
            <ul class="list">
              {owners.items.map((o) => (
                <li>
                  <span class="bill-grow">
                    <b>{o.name}</b>
                    <br />
                    <span class="meta">{[o.phone, o.email].filter(Boolean).join(' · ')}</span>
                  </span>
                  <Form ctx={page} action="/admin/billing/sales" class="inline">
                    <input type="hidden" name="ownerId" value={o.id} />
                    <button type="submit" class="btn-small">
                      + {t('billing:desk.startSale')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p class="meta">{t('billing:desk.newSaleHelp')}</p>
          )}
        </Card>

        {GLOBAL_ROLES.includes(staff.role) ? (
          <Card title={t('billing:desk.globalTitle')}>
            <div id="global" />
            <p class="meta">{t('billing:desk.globalHelp')}</p>
            <Form ctx={page} action="/admin/billing/global-invoice" class="row">
              <Field name="month" type="month" label={t('billing:desk.globalMonth')} value={lastMonth} max={lastMonth} required />
              <button type="submit">🧾 {t('billing:desk.globalIssue')}</button>
            </Form>
          </Card>
        ) : null}

        <Card title={t('billing:desk.invoices')}>
          <div class="choices scroll" id="invoices">
            <a class={`choice chip${status ? '' : ' chosen'}`} href={listHref(undefined)}>
              {t('billing:desk.all')}
            </a>
            {INVOICE_STATUSES.map((st) => (
              <a class={`choice chip${status === st ? ' chosen' : ''}`} href={listHref(st)}>
                {t(`billing:status.${st}`)}
              </a>
            ))}
          </div>
          {list.items.length === 0 ? <Empty>{t('billing:desk.none')}</Empty> : <InvoiceList t={t} items={list.items} names={names} lang={page.lang} tz={tz} />}
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => listHref(status, n)} />
        </Card>
      </Layout>,
    );
  });

  app.post('/admin/billing/appointments/:id/invoice', { schema: { params: idParams } }, async (req, reply) => {
    try {
      const invoice = await s.invoices.createFromAppointment(req.actor, req.params.id);
      return redirect(reply, invoiceUrl(invoice.id));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, '/admin/billing');
    }
  });

  app.post('/admin/billing/global-invoice', async (req, reply) => {
    try {
      const global = await s.cfdi.issueGlobalInvoice(req.actor, nestForm(req.body));
      flash(reply, 'success', req.t('billing:desk.globalIssued', { number: global.invoiceNumber }));
      return redirect(reply, invoiceUrl(global.id, '#cfdi'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, '/admin/billing#global');
    }
  });

  app.post('/admin/billing/sales', { schema: { body: formBody({ ownerId: z.string().optional() }) } }, async (req, reply) => {
    try {
      const invoice = await s.invoices.createManual(req.actor, { ownerId: req.body.ownerId });
      flash(reply, 'success', req.t('billing:desk.saleStarted', { number: invoice.invoiceNumber }));
      return redirect(reply, invoiceUrl(invoice.id, '#add'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, '/admin/billing');
    }
  });

  // Staff keep an owner's fiscal data for them (the owner dictates it at the counter).
  const fiscalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    ownerId: string,
    nextAsked: string | undefined,
    values: FiscalValues | null,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) => {
    const staff = requireStaff(req.actor);
    const names = await deps.accounts.directory.namesOf([ownerId]);
    const current = values ?? (await s.fiscal.getFiscalProfile(staff, ownerId)) ?? {};
    const next = safeNext(nextAsked, '/admin/billing');
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:fiscal.title')} area="admin">
        <p class="meta">
          <a href={next}>← {t('billing:fiscal.back')}</a>
        </p>
        <h1>
          {t('billing:fiscal.title')} <small class="meta">{names.get(ownerId) ?? ''}</small>
        </h1>
        <Card>
          <p class="meta">{t('billing:fiscal.introStaff')}</p>
          <FormErrorSummary message={message} />
          <FiscalForm ctx={page} action={`/admin/billing/owners/${ownerId}/fiscal`} values={current} errors={errors} next={next} />
        </Card>
      </Layout>,
      status,
    );
  };
  const fiscalSchema = { params: ownerParams, querystring: nextQuery };
  app.get('/admin/billing/owners/:ownerId/fiscal', { schema: fiscalSchema }, async (req, reply) =>
    fiscalPage(req, reply, req.params.ownerId, req.query.next, null),
  );
  app.post('/admin/billing/owners/:ownerId/fiscal', { schema: fiscalSchema }, async (req, reply) => {
    const { next, ...values } = nestForm(req.body) as FiscalValues & { next?: string };
    try {
      await s.fiscal.saveFiscalProfile(req.actor, values, req.params.ownerId);
      flash(reply, 'success', req.t('billing:fiscal.saved'));
      return redirect(reply, safeNext(next, '/admin/billing'));
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return fiscalPage(req, reply, req.params.ownerId, req.query.next ?? next, values, fields, message, 422);
    }
  });
}

function InvoiceList({ t, items, names, lang, tz }: { t: PageContext['t']; items: Invoice[]; names: Map<string, string>; lang: string; tz: string }) {
  return (
    <ul class="list">
      {items.map((i) => (
        <li>
          <a class="grow" href={`/admin/billing/invoices/${i.id}`}>
            <b>{i.invoiceNumber}</b> <span class="meta">· {i.ownerId ? (names.get(i.ownerId) ?? '') : t('billing:desk.publicoGeneral')}</span>
            <br />
            <span class="meta">{dateOf(i.issuedAt ?? i.createdAt, lang, tz)}</span>
          </a>
          <span class="bill-side">
            <b>{money(i.total)}</b>
            {i.status !== 'paid' && i.status !== 'cancelled' && i.status !== 'draft' ? (
              <span class="meta">{t('billing:invoice.balanceShort', { amount: money(balanceOf(i)) })}</span>
            ) : null}
            <span>
              <StatusBadge t={t} status={i.status} /> {i.cfdiStatus !== 'none' ? <CfdiBadge t={t} invoice={i} /> : null}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
