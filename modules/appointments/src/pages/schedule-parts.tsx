import { formatters } from '@petfriendly/core';
import { Badge, Form, type PageContext } from '@petfriendly/ui';
import type { AppointmentStatus } from '../appointments.tables';

export const TONE = { pending: 'warn', confirmed: 'ok', checked_in: 'info', completed: 'muted', cancelled: 'muted', no_show: 'danger' } as const;

/** HH:MM in the clinic's time zone. */
export const clockTime = (d: Date, timeZone: string) => formatters('es', timeZone).time(d);

/** A clinic-local date (YYYY-MM-DD) as the reader says it. */
export const dayName = (date: string, lang: string, style: 'long' | 'short' = 'long') =>
  formatters(lang, 'UTC').date(date, style === 'long' ? 'dayLong' : 'dayShort');

export type DeskView = 'day' | 'vets' | 'week' | 'waiting';

/** The front desk's views of the calendar, side by side; the waiting room shows how many wait. */
export function DeskTabs({ page, active, date, waiting }: { page: PageContext; active: DeskView; date: string; waiting?: number }) {
  const { t } = page;
  const tabs: [DeskView, string][] = [
    ['day', `/admin/schedule?date=${date}`],
    ['vets', `/admin/schedule/vets?date=${date}`],
    ['week', `/admin/schedule/week?date=${date}`],
    ['waiting', '/admin/waiting-room'],
  ];
  return (
    <nav class="choices scroll desk-tabs" aria-label={t('appointments:schedule.title')}>
      {tabs.map(([view, href]) => (
        <a class={`choice${view === active ? ' chosen' : ''}`} href={href} aria-current={view === active ? 'page' : undefined}>
          {t(`appointments:desk.${view}`)}
          {view === 'waiting' && waiting ? (
            <>
              {' '}
              <Badge tone="info">{waiting}</Badge>
            </>
          ) : null}
        </a>
      ))}
    </nav>
  );
}

/** The next steps for an appointment: confirm, arrived, no-show, or complete with a follow-up (arrival and completion only on its day). */
export function NextSteps({ page, id, status, when }: { page: PageContext; id: number; status: AppointmentStatus; when: 'past' | 'today' | 'future' }) {
  const { t } = page;
  const live = status === 'pending' || status === 'confirmed';
  return (
    <div class="actions">
      {status === 'pending' && when !== 'past' ? <Action page={page} id={id} action="confirm" label={t('appointments:schedule.confirm')} /> : null}
      {live && when === 'today' ? <Action page={page} id={id} action="check-in" label={t('appointments:schedule.checkIn')} /> : null}
      {live && when !== 'future' ? <Action page={page} id={id} action="no-show" label={t('appointments:schedule.noShow')} secondary /> : null}
      {status === 'checked_in' && when === 'today' ? (
        <Form ctx={page} action={`/admin/appointments/${id}/complete`} class="row">
          <div class="field">
            <label for={`follow-up-${id}`}>{t('appointments:schedule.followUp')}</label>
            <input id={`follow-up-${id}`} name="followUpDays" type="number" min="1" max="365" />
          </div>
          <button type="submit" class="btn-small">
            ✓ {t('appointments:schedule.complete')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function Action({ page, id, action, label, secondary }: { page: PageContext; id: number; action: string; label: string; secondary?: boolean }) {
  return (
    <Form ctx={page} action={`/admin/appointments/${id}/${action}`} class="inline">
      <button type="submit" class={`btn-small${secondary ? ' btn-secondary' : ''}`}>
        {label}
      </button>
    </Form>
  );
}

/** Where a clinic-local date lies from today. */
export const relativeDay = (date: string, today: string) => (date < today ? 'past' : date > today ? 'future' : 'today');
