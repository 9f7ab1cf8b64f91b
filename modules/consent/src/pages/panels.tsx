import type { ServicePanel } from '@petfriendly/appointments';
import { Card, Form, Select } from '@petfriendly/ui';
import type { ChartPanel } from '@petfriendly/vet-clinic';
import { CONSENT_KINDS } from '../consent.tables';
import type { ConsentServices } from '../services';
import { StatusBadge } from './parts';

/** Filled into the pet's chart: a warning per appointment whose service needs a consent not yet signed, and the pet's consents. */
export function chartPanel(s: ConsentServices): ChartPanel {
  return async (page, actor, petId) => {
    const { t, fmt } = page;
    const { missing, consents } = await s.consents.warningsForPet(actor, petId);
    return (
      <Card icon="signature" title={t('consent:panel.title')}>
        {missing.map((m) => (
          <div class="flash flash-error consent-warning" role="alert">
            ⚠ {t('consent:panel.missing', { kind: t(`consent:kind.${m.kind}`), service: m.serviceName, at: fmt.dateTime(m.startsAt) })}{' '}
            {m.pendingId ? (
              <a href={`/admin/consents/${m.pendingId}`}>{t('consent:panel.awaiting')}</a>
            ) : (
              <a href={`/admin/consents/new?pet=${petId}&appointment=${m.appointmentId}&kind=${m.kind}`}>{t('consent:panel.requestOne')}</a>
            )}
          </div>
        ))}
        {consents.length === 0 ? <p class="meta">{t('consent:panel.none')}</p> : null}
        <ul class="list">
          {consents.map((c) => (
            <li>
              <a href={`/admin/consents/${c.id}`}>
                {t(`consent:kind.${c.kind}`)} · {c.procedure}
              </a>{' '}
              <StatusBadge page={page} consent={c} />
            </li>
          ))}
        </ul>
        <a href={`/admin/consents/new?pet=${petId}`}>{t('consent:panel.requestOne')}</a>
      </Card>
    );
  };
}

/** Filled into appointments' service page: which consent this service needs before it is done. */
export function servicePanel(s: ConsentServices): ServicePanel {
  return async (page, _actor, serviceTypeId) => {
    const { t } = page;
    const kind = await s.templates.requirementOf(serviceTypeId);
    return (
      <Card icon="signature" title={t('consent:service.title')}>
        <Form ctx={page} action={`/admin/consents/service-types/${serviceTypeId}`}>
          <Select
            name="kind"
            label={t('consent:service.needs')}
            value={kind ?? ''}
            options={[{ value: '', label: t('consent:service.nothing') }, ...CONSENT_KINDS.map((k) => ({ value: k, label: t(`consent:kind.${k}`) }))]}
          />
          <button type="submit" class="btn-secondary">
            {t('consent:service.save')}
          </button>
        </Form>
      </Card>
    );
  };
}
