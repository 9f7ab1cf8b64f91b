import { ageOn } from '@petfriendly/core';
import { Badge, Empty, LineChart, useFormat } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import type { Pet } from '../pet.service';
import type { VaccinationDue } from '../vaccination';

const SPECIES_ICON: Record<string, string> = { dog: '🐶', cat: '🐱', bird: '🐦', rabbit: '🐰', other: '🐾' };

export function PetAvatar({ pet, size, photoBase }: { pet: Pet; size?: 'lg'; photoBase: string }) {
  const cls = `avatar${size === 'lg' ? ' avatar-lg' : ''}`;
  return pet.photo ? (
    <img class={cls} src={`${photoBase}/${pet.id}/photo?v=${pet.updatedAt.getTime()}`} alt={pet.name} />
  ) : (
    <span class={cls} aria-hidden="true">
      {SPECIES_ICON[pet.species] ?? '🐾'}
    </span>
  );
}

export function ageText(t: TFunction, birth: string | null, today: string): string {
  if (!birth) return '';
  const age = ageOn(birth, today);
  return age.years > 0 ? t('vet-clinic:pet.age', { years: age.years, months: age.months }) : t('vet-clinic:pet.ageMonths', { months: age.months });
}

export function petLine(t: TFunction, pet: Pet, today: string): string {
  return [t(`vet-clinic:species.${pet.species}`), pet.breed, ageText(t, pet.dateOfBirth, today), pet.weightKg ? `${pet.weightKg} kg` : '']
    .filter(Boolean)
    .join(' · ');
}

const STATUS_TONE = { overdue: 'danger', due_soon: 'warn', upcoming: 'info' } as const;

export function DueList({ t, due }: { t: TFunction; due: VaccinationDue[] }) {
  if (due.length === 0) return <Empty>{t('vet-clinic:vaccination.noneDue')}</Empty>;
  return (
    <ul class="list">
      {due.map((d) => (
        <li>
          <span>
            <b>{t(`vet-clinic:vaccination.name.${d.protocolCode}`, { defaultValue: d.vaccineName })}</b>
            <br />
            <span class="meta">{t(`vet-clinic:vaccination.${d.dose}`, { doseNumber: d.doseNumber })}</span>
          </span>
          <span>
            <Badge tone={STATUS_TONE[d.status]}>{t(`vet-clinic:vaccination.status.${d.status}`)}</Badge>{' '}
            <span class="meta">
              {d.status === 'overdue'
                ? t('vet-clinic:vaccination.overdue_since', { date: d.dueDate })
                : t('vet-clinic:vaccination.due_on', { date: d.dueDate })}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function GivenList({
  t,
  given,
}: {
  t: TFunction;
  given: { id: number; vaccineName: string; administeredDate: string; nextDueDate: string | null; lotNumber: string; givenElsewhere: boolean }[];
}) {
  if (given.length === 0) return <Empty>{t('vet-clinic:vaccination.noneGiven')}</Empty>;
  return (
    <table class="data">
      <thead>
        <tr>
          <th>{t('vet-clinic:vaccination.vaccine')}</th>
          <th>{t('vet-clinic:vaccination.administeredDate')}</th>
          <th>{t('vet-clinic:vaccination.lot')}</th>
          <th>{t('vet-clinic:vaccination.nextDue')}</th>
        </tr>
      </thead>
      <tbody>
        {given.map((v) => (
          <tr>
            <td>
              {v.vaccineName} {v.givenElsewhere ? <Badge>{t('vet-clinic:vaccination.givenElsewhere')}</Badge> : null}
            </td>
            <td data-label={t('vet-clinic:vaccination.administeredDate')}>{v.administeredDate}</td>
            <td data-label={t('vet-clinic:vaccination.lot')}>{v.lotNumber || '—'}</td>
            <td data-label={t('vet-clinic:vaccination.nextDue')}>{v.nextDueDate ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeightChart({ t, weights }: { t: TFunction; weights: { recordedAt: Date; weightKg: string }[] }) {
  if (weights.length < 2) return null;
  return <LineChart label={t('vet-clinic:vitals.weightChart')} unit="kg" points={weights.map((w) => ({ date: w.recordedAt, value: Number(w.weightKg) }))} />;
}

type VisitItem = {
  id: number;
  visitDate: Date;
  reason: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  veterinarianName: string;
  closedAt: Date | null;
  locked: boolean;
  vitals: {
    weightKg: string | null;
    temperatureC: string | null;
    heartRate: number | null;
    respiratoryRate: number | null;
    bodyConditionScore: number | null;
  } | null;
  notes: { id: number; content: string; isInternal: boolean; authorName: string; createdAt: Date }[];
  addenda: { id: number; section: string; content: string; authorName: string; createdAt: Date }[];
};

export function Vitals({ t, vitals }: { t: TFunction; vitals: VisitItem['vitals'] }) {
  if (!vitals) return null;
  const cells = [
    ['weightKg', vitals.weightKg],
    ['temperatureC', vitals.temperatureC],
    ['heartRate', vitals.heartRate],
    ['respiratoryRate', vitals.respiratoryRate],
    ['bodyConditionScore', vitals.bodyConditionScore],
  ].filter(([, v]) => v != null);
  return (
    <div class="vitals">
      {cells.map(([key, value]) => (
        <div class="vital">
          <b>{String(value)}</b>
          <small>{t(`vet-clinic:vitals.${key}`)}</small>
        </div>
      ))}
    </div>
  );
}

/** A visit as SOAP with its vitals, notes and addenda. `staffTools` renders the per-visit staff forms. */
export function VisitCard({ t, visit, staffTools }: { t: TFunction; visit: VisitItem; timeZone: string; staffTools?: unknown }) {
  const when = useFormat().dateTime(visit.visitDate);
  return (
    <article class="card visit" id={`visit-${visit.id}`}>
      <header class="card-head">
        <div>
          <h3>{visit.reason}</h3>
          <span class="meta">
            {when} · {t('vet-clinic:visit.by', { name: visit.veterinarianName })}
          </span>
        </div>
        <Badge tone={visit.locked ? 'muted' : visit.closedAt ? 'ok' : 'warn'}>
          {visit.locked ? `🔒 ${t('vet-clinic:visit.locked')}` : visit.closedAt ? t('vet-clinic:visit.closed') : t('vet-clinic:visit.open')}
        </Badge>
      </header>
      <Vitals t={t} vitals={visit.vitals} />
      <dl class="soap">
        {(['subjective', 'objective', 'assessment', 'plan'] as const).map((section) =>
          visit[section] ? (
            <>
              <dt>{t(`vet-clinic:visit.${section}`)}</dt>
              <dd>{visit[section]}</dd>
            </>
          ) : null,
        )}
      </dl>
      {visit.addenda.map((a) => (
        <div class="addendum">
          <b>
            {t('vet-clinic:visit.addendum')} ({t(`vet-clinic:visit.${a.section}`).split(' ')[0]}) · {a.authorName} ·{' '}
            {a.createdAt.toISOString().slice(0, 16).replace('T', ' ')}
          </b>
          <div>{a.content}</div>
        </div>
      ))}
      {visit.notes.map((n) => (
        <div class={`note${n.isInternal ? ' internal' : ''}`}>
          <small class="meta">
            {n.isInternal ? `🔒 ${t('vet-clinic:visit.internal')} · ` : ''}
            {n.authorName}
          </small>
          <div>{n.content}</div>
        </div>
      ))}
      {staffTools as never}
    </article>
  );
}

type RecordItem = {
  id: number;
  recordType: string;
  date: string;
  title: string;
  description: string;
  diagnosis: string;
  treatment: string;
  internalNotes?: string;
};

/** Lab results, surgeries and other records; internal notes appear only when the caller received them. */
export function RecordList({ t, records }: { t: TFunction; records: RecordItem[] }) {
  if (records.length === 0) return <Empty>{t('vet-clinic:records.none')}</Empty>;
  return (
    <ul class="list">
      {records.map((r) => (
        <li>
          <span>
            <Badge tone="info">{t(`vet-clinic:records.types.${r.recordType}`)}</Badge> <b>{r.title}</b> <span class="meta">{r.date}</span>
            {r.diagnosis ? <div>{r.diagnosis}</div> : null}
            {r.treatment ? <div class="meta">{r.treatment}</div> : null}
            {r.internalNotes ? <div class="note internal">🔒 {r.internalNotes}</div> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
