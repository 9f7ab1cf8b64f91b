import { money as decimal } from '@petfriendly/core';
import { Badge, Form, type PageContext } from '@petfriendly/ui';
import type { Suggestion } from '../charge-capture.service';
import { dayOf, money } from './parts';

type Totals = { subtotal: string; tax: string; total: string };

/** What the ticked charges come to, IVA broken out as the invoice will carry it. */
export function SuggestionTotals({ ctx, totals }: { ctx: PageContext; totals: Totals }) {
  const { t } = ctx;
  return (
    <dl class="bill-totals">
      <dt>{t('billing:charges.base')}</dt>
      <dd>{money(totals.subtotal)}</dd>
      <dt>{t('billing:charges.tax')}</dt>
      <dd>{money(totals.tax)}</dd>
      <dt class="grand">{t('billing:charges.total')}</dt>
      <dd class="grand">{money(totals.total)}</dd>
    </dl>
  );
}

/** Charges done in visits, the pending ones ticked: the desk unticks what it will not charge and adds the rest. */
export function SuggestionsForm({
  ctx,
  action,
  items,
  totals,
  submit,
}: {
  ctx: PageContext;
  action: string;
  items: Suggestion[];
  totals: Totals;
  submit: string;
}) {
  const { t } = ctx;
  if (items.length === 0) return <p class="empty">{t('billing:charges.none')}</p>;
  const hasPending = items.some((i) => i.state === 'pending');
  return (
    <Form ctx={ctx} action={action} class="stack bill-suggestions">
      <p class="meta">{t('billing:charges.suggestedHelp')}</p>
      <table class="data bill-lines">
        <thead>
          <tr>
            <th>{t('billing:charges.item')}</th>
            <th>{t('billing:charges.doneOn')}</th>
            <th class="num">{t('billing:charges.quantity')}</th>
            <th class="num">{t('billing:charges.unitPrice')}</th>
            <th class="num">{t('billing:charges.value')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <td>
                {item.state === 'pending' && item.unitPrice ? (
                  <label>
                    <input type="checkbox" name="items" value={String(item.id)} checked /> <b>{item.label}</b>
                  </label>
                ) : (
                  <>
                    <b>{item.label}</b> <Badge tone={item.state === 'charged' ? 'ok' : 'muted'}>{t(`billing:charges.states.${item.state}`)}</Badge>
                    <br />
                  </>
                )}
                <span class="meta">
                  {t(`billing:charges.kindNames.${item.kind}`)}
                  {item.waivedReason ? ` · ${t('billing:charges.reason')}: ${item.waivedReason}` : ''}
                </span>
              </td>
              <td data-label={t('billing:charges.doneOn')}>{dayOf(item.doneOn, ctx.lang)}</td>
              <td class="num" data-label={t('billing:charges.quantity')}>
                {decimal(item.quantity).toString()}
              </td>
              <td class="num" data-label={t('billing:charges.unitPrice')}>
                {item.unitPrice ? money(item.unitPrice) : '—'}
              </td>
              <td class="num" data-label={t('billing:charges.value')}>
                <b>{item.value ? money(item.value) : '—'}</b>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasPending ? (
        <>
          <SuggestionTotals ctx={ctx} totals={totals} />
          <button type="submit">{submit}</button>
        </>
      ) : null}
    </Form>
  );
}
