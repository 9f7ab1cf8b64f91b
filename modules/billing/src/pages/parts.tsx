import { money as decimal, formatMoney, formatters, rowId } from '@petfriendly/core';
import { Badge } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { CfdiStatus, InvoiceStatus } from '../billing.tables';
import type { Invoice, InvoiceDetail } from '../invoice.service';

/** Pesos as the clinic's customers read them ($1,234.50). */
export const money = (value: string | number) => formatMoney(value, 'MXN');

/** A desk action's path: the invoice, and the line or payment the action is about when it names one. */
export const actionParams = z.object({ id: rowId, lineId: rowId.optional(), paymentId: rowId.optional() });
export type ActionParams = z.output<typeof actionParams>;

/** `:ownerId`: an owner's user id (a uuid). */
export const ownerParams = z.object({ ownerId: z.uuid() });

/** `?next=`: where to go back to once a form is done (see `safeNext`). */
export const nextQuery = z.object({ next: z.string().optional() });

/** A local path to go back to after a form (never another site). */
export function safeNext(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}

export function dateOf(d: Date | null | undefined, lang: string, timeZone: string): string {
  return d ? formatters(lang, timeZone).date(d) : '—';
}

/** A clinic-local calendar day (YYYY-MM-DD) in words. */
export function dayOf(day: string | null | undefined, lang: string): string {
  return day ? formatters(lang, 'UTC').date(day) : '—';
}

const STATUS_TONE: Record<InvoiceStatus, 'ok' | 'warn' | 'danger' | 'muted' | 'info'> = {
  draft: 'muted',
  sent: 'info',
  paid: 'ok',
  partial: 'warn',
  overdue: 'danger',
  cancelled: 'muted',
};
const CFDI_TONE: Record<CfdiStatus, 'ok' | 'warn' | 'danger' | 'muted' | 'info'> = {
  none: 'muted',
  sealed: 'warn',
  stamped: 'ok',
  cancel_pending: 'warn',
  cancelled: 'danger',
};

export function StatusBadge({ t, status }: { t: TFunction; status: InvoiceStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{t(`billing:status.${status}`)}</Badge>;
}

export function CfdiBadge({ t, invoice }: { t: TFunction; invoice: Pick<Invoice, 'cfdiStatus' | 'globalInvoiceId'> }) {
  if (invoice.cfdiStatus === 'none' && invoice.globalInvoiceId) return <Badge tone="muted">{t('billing:cfdi.inGlobal')}</Badge>;
  return <Badge tone={CFDI_TONE[invoice.cfdiStatus]}>{t(`billing:cfdi.status.${invoice.cfdiStatus}`)}</Badge>;
}

/** A line's discount as the customer sees it: quantity × shelf price less what the line costs. */
const lineDiscount = (l: InvoiceDetail['lines'][number]) => decimal(l.quantity).times(l.unitPrice).toDecimalPlaces(2).minus(l.lineTotal);

/** The invoice's lines at shelf prices (IVA included); `remove` renders a remove control per line (drafts at the desk). */
export function LinesTable({ t, invoice, remove }: { t: TFunction; invoice: InvoiceDetail; remove?: (lineId: number) => unknown }) {
  if (invoice.lines.length === 0) return <p class="empty">{t('billing:invoice.noLines')}</p>;
  return (
    <table class="data bill-lines">
      <thead>
        <tr>
          <th>{t('billing:invoice.description')}</th>
          <th class="num">{t('billing:invoice.quantity')}</th>
          <th class="num">{t('billing:invoice.unitPrice')}</th>
          <th class="num">{t('billing:invoice.lineDiscount')}</th>
          <th class="num">{t('billing:invoice.lineTotal')}</th>
          {remove ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {invoice.lines.map((l) => (
          <tr>
            <td>
              <b>{l.description}</b>
              {l.taxClass !== 'iva16' ? <span class="meta"> · {t(`billing:tax.${l.taxClass}`)}</span> : null}
            </td>
            <td class="num" data-label={t('billing:invoice.quantity')}>
              {decimal(l.quantity).toString()}
            </td>
            <td class="num" data-label={t('billing:invoice.unitPrice')}>
              {money(l.unitPrice)}
            </td>
            <td class="num" data-label={t('billing:invoice.lineDiscount')}>
              {lineDiscount(l).gt(0) ? `−${money(lineDiscount(l).toFixed(2))}` : '—'}
            </td>
            <td class="num" data-label={t('billing:invoice.lineTotal')}>
              <b>{money(l.lineTotal)}</b>
            </td>
            {remove ? <td class="num">{remove(l.id)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Totals({ t, invoice }: { t: TFunction; invoice: InvoiceDetail }) {
  return (
    <dl class="bill-totals">
      <dt>{t('billing:invoice.subtotal')}</dt>
      <dd>{money(invoice.subtotal)}</dd>
      {decimal(invoice.discountAmount).gt(0) ? (
        <>
          <dt>{t('billing:invoice.discount')}</dt>
          <dd>−{money(invoice.discountAmount)}</dd>
        </>
      ) : null}
      <dt>{t('billing:invoice.iva')}</dt>
      <dd>{money(invoice.taxAmount)}</dd>
      <dt class="grand">{t('billing:invoice.total')}</dt>
      <dd class="grand">{money(invoice.total)}</dd>
      {decimal(invoice.amountPaid).gt(0) ? (
        <>
          <dt>{t('billing:invoice.paid')}</dt>
          <dd>−{money(invoice.amountPaid)}</dd>
        </>
      ) : null}
      <dt class="balance">{t('billing:invoice.balance')}</dt>
      <dd class="balance">{money(invoice.balance)}</dd>
    </dl>
  );
}

type PaymentRow = InvoiceDetail['payments'][number];

/** Payments and refunds, oldest first; `extra` adds controls under a payment (refunds at the desk). */
export function PaymentsList({
  t,
  payments,
  lang,
  timeZone,
  extra,
}: {
  t: TFunction;
  payments: PaymentRow[];
  lang: string;
  timeZone: string;
  extra?: (p: PaymentRow) => unknown;
}) {
  if (payments.length === 0) return <p class="empty">{t('billing:invoice.noPayments')}</p>;
  return (
    <ul class="list">
      {payments.map((p) => (
        <li id={`payment-${p.id}`}>
          <span>
            <b>
              {p.refundOf ? `${t('billing:invoice.refund')} · ` : ''}
              {t(`billing:method.${p.paymentMethod}`)}
            </b>
            <br />
            <span class="meta">
              {dateOf(p.createdAt, lang, timeZone)}
              {p.referenceNumber ? ` · ${p.referenceNumber}` : ''}
              {p.notes ? ` · ${p.notes}` : ''}
              {decimal(p.cashDiscountApplied).gt(0) ? ` · ${t('billing:invoice.cashDiscountApplied', { amount: money(p.cashDiscountApplied) })}` : ''}
            </span>
          </span>
          <b class={decimal(p.amount).lt(0) ? 'bill-refund' : undefined}>{money(p.amount)}</b>
          {p.complementXml ? (
            <a class="btn btn-small btn-secondary" href={`/billing/payments/${p.id}/complement.xml`} data-hx-boost="false" download>
              ⬇ {t('billing:invoice.complement')}
            </a>
          ) : null}
          {extra ? extra(p) : null}
        </li>
      ))}
    </ul>
  );
}

/** The front desk's page of an invoice (with an anchor such as '#cfdi'). */
export const invoiceUrl = (id: number, hash = '') => `/admin/billing/invoices/${id}${hash}`;
