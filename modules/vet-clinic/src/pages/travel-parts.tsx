import { Badge } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import type { TravelChecklist } from '../travel';

const TONE = { done: 'ok', pending: 'info', overdue: 'warn', blocked: 'danger' } as const;
const MARK = { done: '✅', pending: '⬜', overdue: '⏰', blocked: '⛔' } as const;

export function ChecklistView({ t, checklist }: { t: TFunction; checklist: TravelChecklist }) {
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
              {MARK[item.status]} {t(`vet-clinic:travel.${item.key}`, item.params)}
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
