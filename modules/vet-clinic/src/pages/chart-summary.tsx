import { dateTimeFormat } from '@petfriendly/core';
import { Badge, type PageContext } from '@petfriendly/ui';
import type { VaccinationDue } from '../vaccination/schedule';

type Allergy = { allergen: string; severity: string; reaction: string };
type Medication = { name: string; dosage: string; frequency: string; isCurrent: boolean };

/**
 * The top of the chart: what a vet must know before touching the patient (alerts and allergies,
 * vaccines due, current medication, last weight) and the visit form one tap away.
 */
export function AtAGlance({
  page,
  petId,
  alert,
  allergies,
  due,
  medications,
  lastWeight,
  timeZone,
}: {
  page: PageContext;
  petId: number;
  alert: string;
  allergies: Allergy[];
  due: VaccinationDue[];
  medications: Medication[];
  lastWeight: { recordedAt: Date; weightKg: string } | undefined;
  timeZone: string;
}) {
  const { t } = page;
  const current = medications.filter((m) => m.isCurrent);
  const overdue = due.filter((d) => d.status === 'overdue');
  const next = [...due].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  const vaccine = (d: VaccinationDue) => t(`vet-clinic:vaccination.name.${d.protocolCode}`, { defaultValue: d.vaccineName });
  return (
    <section class="card at-a-glance" aria-labelledby="glance-title">
      <header class="card-head">
        <h2 id="glance-title">{t('vet-clinic:glance.title')}</h2>
        <a class="btn" href={`/admin/pets/${petId}?visit=new#form-visit`}>
          + {t('vet-clinic:visit.new')}
        </a>
      </header>
      {alert ? (
        <p class="glance-alert" role="note">
          ⚠ {alert}
        </p>
      ) : null}
      <dl class="glance">
        <div class={allergies.length ? 'danger' : undefined}>
          <dt>⚠️ {t('vet-clinic:allergy.title')}</dt>
          <dd>
            {allergies.length
              ? allergies.map((a) => (
                  <Badge tone={a.severity === 'severe' ? 'danger' : 'warn'}>
                    {a.allergen}
                    {a.reaction ? ` · ${a.reaction}` : ''}
                  </Badge>
                ))
              : t('vet-clinic:allergy.none')}
          </dd>
        </div>
        <div class={overdue.length ? 'warn' : undefined}>
          <dt>💉 {t('vet-clinic:vaccination.due')}</dt>
          <dd>
            {overdue.length ? <Badge tone="danger">{t('vet-clinic:glance.overdue', { count: overdue.length })}</Badge> : null}{' '}
            {next ? t('vet-clinic:glance.nextDue', { name: vaccine(next), date: next.dueDate }) : t('vet-clinic:vaccination.noneDue')}
          </dd>
        </div>
        <div>
          <dt>💊 {t('vet-clinic:glance.medication')}</dt>
          <dd>
            {current.length ? (
              <ul>
                {current.map((m) => (
                  <li>
                    <b>{m.name}</b> {m.dosage} · {m.frequency}
                  </li>
                ))}
              </ul>
            ) : (
              t('vet-clinic:glance.noMedication')
            )}
          </dd>
        </div>
        <div>
          <dt>⚖️ {t('vet-clinic:glance.lastWeight')}</dt>
          <dd>
            {lastWeight ? (
              <>
                <b>{lastWeight.weightKg} kg</b>{' '}
                <span class="meta">
                  {dateTimeFormat(page.lang, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(lastWeight.recordedAt)}
                </span>
              </>
            ) : (
              t('vet-clinic:glance.noWeight')
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
