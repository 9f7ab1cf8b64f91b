import { Badge, Field, Form, Icon, type IconName, type PageContext, Select } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import type { RuleSource, TravelChecklist } from '../travel';
import { TRAVEL_DESTINATIONS } from '../vet-clinic.tables';

const TONE = { done: 'ok', pending: 'info', overdue: 'warn', blocked: 'danger' } as const;
const MARK: Record<keyof typeof TONE, IconName> = { done: 'check', pending: 'calendar', overdue: 'alarm-clock', blocked: 'triangle-alert' };

/** The dated checklist; staff read it addressed to the clinic team, owners addressed to them. */
export function ChecklistView({ t, checklist, audience = 'owner' }: { t: TFunction; checklist: TravelChecklist; audience?: 'owner' | 'staff' }) {
  const text = (key: string, params: Record<string, string | number>) =>
    audience === 'staff' ? t([`vet-clinic:travel.staff.${key}`, `vet-clinic:travel.${key}`], params) : t(`vet-clinic:travel.${key}`, params);
  return (
    <>
      {!checklist.feasible ? (
        <div class="flash flash-error" role="alert">
          {t('vet-clinic:travelPlan.notFeasible', { date: checklist.earliestFeasibleDate ?? '—' })}
        </div>
      ) : null}
      <ul class="list checklist">
        {checklist.items.map((item) => (
          <li>
            <span>
              <Icon name={MARK[item.status]} /> {text(item.key, item.params)}
              {item.dueBy ? (
                <>
                  <br />
                  <span class="meta">{t('vet-clinic:travelPlan.dueBy', { date: item.dueBy })}</span>
                </>
              ) : null}
            </span>
            <Badge tone={TONE[item.status]}>{t(`vet-clinic:travelPlan.status.${item.status}`)}</Badge>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where the destination's rules come from, shown under them. */
export function SourceNote({ t, source }: { t: TFunction; source: RuleSource }) {
  return (
    <p class="meta travel-source">
      {t('vet-clinic:travelPlan.source')}:{' '}
      <a href={source.url} rel="noopener external">
        {source.authority}
      </a>{' '}
      · {t('vet-clinic:travelPlan.checkedOn', { date: source.checkedOn })}
    </p>
  );
}

/** Destination and arrival date: the dated checklist is worked back from them (owners for their pets, staff for any). */
export function TravelPlanForm({ page, action, today }: { page: PageContext; action: string; today: string }) {
  const { t } = page;
  return (
    <Form ctx={page} action={action} class="row">
      <Select
        name="destination"
        label={t('vet-clinic:travelPlan.destination')}
        options={TRAVEL_DESTINATIONS.map((d) => ({ value: d, label: t(`vet-clinic:travel.destination.${d}`) }))}
      />
      <Field name="travelDate" type="date" label={t('vet-clinic:travelPlan.travelDate')} required min={today} />
      <button type="submit">{t('vet-clinic:travelPlan.create')}</button>
    </Form>
  );
}
