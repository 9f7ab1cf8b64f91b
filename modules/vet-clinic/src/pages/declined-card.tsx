import { Badge, Card, Empty, Field, Form, type PageContext, Select, useFormat } from '@petfriendly/ui';
import type { DeclinedFollowUp, FollowUpsSocket } from '../follow-ups';
import type { declinedRecommendations } from '../vet-clinic.tables';
import { errs, type FormState, Section, val } from './chart-forms';

type Declined = typeof declinedRecommendations.$inferSelect;
type FollowUps = Awaited<ReturnType<FollowUpsSocket['ofPet']>>;

/**
 * Each declined service with its follow-up: the run that started for it (the first one started on or
 * after it was declined, for that service); else whether another run for the pet is going on.
 */
export function matchFollowUps(declined: Declined[], followUps: DeclinedFollowUp[]) {
  const unused = [...followUps].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const matched = new Map<number, DeclinedFollowUp>();
  for (const row of [...declined].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const i = unused.findIndex((f) => f.service === row.service && f.startedAt >= row.createdAt);
    if (i >= 0) matched.set(row.id, unused.splice(i, 1)[0]!);
  }
  return matched;
}

function FollowUpBadge({ ctx, run, anyActive }: { ctx: PageContext; run: DeclinedFollowUp | undefined; anyActive: boolean }) {
  const { t } = ctx;
  const fmt = useFormat();
  if (!run) return <Badge tone="muted">{t(anyActive ? 'vet-clinic:declined.followUp.running' : 'vet-clinic:declined.followUp.starting')}</Badge>;
  if (run.state === 'active') return <Badge tone="info">{t('vet-clinic:declined.followUp.active', { date: fmt.date(run.nextAt!) })}</Badge>;
  if (run.state === 'completed') return <Badge tone="ok">{t('vet-clinic:declined.followUp.completed')}</Badge>;
  return (
    <Badge tone={run.stopReason === 'booked' ? 'ok' : 'warn'}>{t(`vet-clinic:declined.followUp.${run.stopReason === 'booked' ? 'booked' : 'stopped'}`)}</Badge>
  );
}

/** The services the owner declined for this pet, each with its follow-up when marketing keeps them, and the form to record one. */
export function DeclinedCard(props: {
  ctx: PageContext;
  petId: number;
  declined: Declined[];
  visits: { id: number; visitDate: Date; reason: string }[];
  followUps: FollowUps | null;
  state?: FormState;
}) {
  const { ctx, petId, declined, visits, followUps, state } = props;
  const { t } = ctx;
  const fmt = useFormat();
  const matched = followUps ? matchFollowUps(declined, followUps.followUps) : new Map<number, DeclinedFollowUp>();
  const anyActive = followUps?.followUps.some((f) => f.state === 'active') ?? false;
  const e = errs(state, 'declined');
  return (
    <Card icon="clipboard-list" title={t('vet-clinic:declined.title')} class="declined">
      {followUps && !followUps.enabled ? (
        <p class="meta declined-off">
          {t('vet-clinic:declined.followUp.off')} {followUps.href ? <a href={followUps.href}>{t('vet-clinic:declined.followUp.switchOn')}</a> : null}
        </p>
      ) : null}
      {declined.length === 0 ? <Empty>{t('vet-clinic:declined.none')}</Empty> : null}
      <ul class="list">
        {declined.map((row) => (
          <li>
            <span>
              <b>{row.service}</b>
              <br />
              <span class="meta">{t('vet-clinic:declined.recordedOn', { date: fmt.date(row.createdAt) })}</span>
            </span>
            {followUps?.enabled ? <FollowUpBadge ctx={ctx} run={matched.get(row.id)} anyActive={anyActive} /> : null}
          </li>
        ))}
      </ul>
      {visits.length > 0 ? (
        <Section ctx={ctx} id="declined" title={t('vet-clinic:declined.add')} state={state}>
          <Form ctx={ctx} action={`/admin/pets/${petId}/declined`}>
            <Select
              name="visitId"
              label={t('vet-clinic:declined.visit')}
              options={visits.map((v) => ({ value: String(v.id), label: `${fmt.date(v.visitDate)} · ${v.reason}` }))}
              value={val(state, 'declined', 'visitId')}
              errors={e}
            />
            <Field
              name="service"
              label={t('vet-clinic:declined.service')}
              hint={t('vet-clinic:declined.serviceHint')}
              value={val(state, 'declined', 'service')}
              errors={e}
              required
            />
            <button type="submit">{t('ui:form.save')}</button>
          </Form>
        </Section>
      ) : null}
    </Card>
  );
}
