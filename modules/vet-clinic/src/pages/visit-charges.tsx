import { formatMoney, money } from '@petfriendly/core';
import { Badge, Field, Form, type PageContext, Select } from '@petfriendly/ui';
import type { ChargeOption, ChargesSocket, ItemCharge } from '../charges';
import { VISIT_ITEM_KINDS } from '../vet-clinic.tables';
import type { ChargeableItem } from '../visit-items.service';
import { errs, type FormState, Section, val } from './chart-forms';

/** What one visit's charges look like on the chart: billing's view of each item, and its catalogue to pick from. */
export interface VisitChargesView {
  items: ChargeableItem[];
  status: Map<number, ItemCharge>;
  options: ChargeOption[];
  socket: ChargesSocket | null;
}

/**
 * The visit's priced work: each item with whether it is on an invoice, waived or done and not charged
 * (with its value), a waiver with a reason for a pending one, and the form to record another.
 */
export function VisitCharges({
  ctx,
  petId,
  visitId,
  locked,
  view,
  state,
}: {
  ctx: PageContext;
  petId: number;
  visitId: number;
  locked: boolean;
  view: VisitChargesView;
  state?: FormState;
}) {
  const t = ctx.t;
  const items = view.items.filter((i) => i.visitId === visitId);
  const pending = items.filter((i) => view.status.get(i.id)?.state === 'pending');
  const pendingValue = pending.reduce((sum, i) => sum.plus(view.status.get(i.id)?.value ?? 0), money(0));
  const form = `item-${visitId}`;
  const e = errs(state, form);
  return (
    <section class="visit-charges" aria-label={t('vet-clinic:charges.title')}>
      <h4>{t('vet-clinic:charges.title')}</h4>
      {pending.length ? (
        <p class="charges-pending" role="status">
          <Badge tone="warn">{t('vet-clinic:charges.notCharged', { count: pending.length })}</Badge> <b>{formatMoney(pendingValue)}</b>
          {view.socket ? (
            <>
              {' · '}
              <a href={view.socket.invoiceUrl(visitId)}>{t('vet-clinic:charges.invoice')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {items.length ? (
        <ul class="list charges-list">
          {items.map((item) => {
            const charge = view.status.get(item.id);
            return (
              <li>
                <span>
                  <b>{charge?.label ?? t(`vet-clinic:charges.kind.${item.kind}`)}</b> × {money(item.quantity).toString()}
                  <br />
                  <span class="meta">
                    {t(`vet-clinic:charges.kind.${item.kind}`)}
                    {item.note ? ` · ${item.note}` : ''}
                    {charge?.value ? ` · ${formatMoney(charge.value)}` : ''}
                    {charge?.waivedReason ? ` · ${t('vet-clinic:charges.reason')}: ${charge.waivedReason}` : ''}
                  </span>
                </span>
                {charge ? (
                  <Badge tone={charge.state === 'pending' ? 'warn' : charge.state === 'charged' ? 'ok' : 'muted'}>
                    {t(`vet-clinic:charges.state.${charge.state}`)}
                  </Badge>
                ) : null}
                {charge?.state === 'pending' && view.socket ? (
                  <details class="add charges-waive">
                    <summary>{t('vet-clinic:charges.waive')}</summary>
                    <Form ctx={ctx} action={view.socket.waiveUrl(item.id)} class="row">
                      <input type="hidden" name="next" value={`/admin/pets/${petId}#visit-${visitId}`} />
                      <Field name="reason" label={t('vet-clinic:charges.waiveReason')} required />
                      <button type="submit" class="btn-small btn-secondary">
                        {t('vet-clinic:charges.waive')}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="meta">{t('vet-clinic:charges.none')}</p>
      )}
      {!locked && view.options.length ? (
        <Section ctx={ctx} id={form} title={t('vet-clinic:charges.add')} state={state}>
          <Form ctx={ctx} action={`/admin/pets/${petId}/visits/${visitId}/items`}>
            <div class="row">
              <Select
                name="kind"
                label={t('vet-clinic:charges.kindLabel')}
                value={val(state, form, 'kind') ?? 'procedure'}
                errors={e}
                options={VISIT_ITEM_KINDS.map((k) => ({ value: k, label: t(`vet-clinic:charges.kind.${k}`) }))}
              />
              <Select
                name="catalogue"
                label={t('vet-clinic:charges.catalogue')}
                value={val(state, form, 'catalogue') ?? ''}
                errors={e}
                options={[{ value: '', label: t('vet-clinic:charges.choose') }, ...view.options]}
              />
              <Field
                name="quantity"
                type="number"
                min="0.01"
                step="0.01"
                label={t('vet-clinic:charges.quantity')}
                value={val(state, form, 'quantity') ?? '1'}
                errors={e}
              />
            </div>
            <Field name="note" label={t('vet-clinic:charges.note')} value={val(state, form, 'note')} errors={e} />
            <button type="submit" class="btn-small">
              {t('ui:form.save')}
            </button>
          </Form>
        </Section>
      ) : null}
    </section>
  );
}
