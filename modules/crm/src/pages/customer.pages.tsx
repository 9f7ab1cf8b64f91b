import { formBody, type HttpApp, idParams, requireStaff, textForm } from '@petfriendly/core';
import {
  Badge,
  Card,
  Checkbox,
  Empty,
  Field,
  Form,
  flash,
  formErrors,
  Layout,
  type PageContext,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CALL_TYPES } from '../crm.schemas';
import { SENTIMENTS } from '../crm.tables';
import type { CrmServices } from '../services';
import { backTo, churnText, money, RiskBadge, TierBadge } from './parts';

type Profile = Awaited<ReturnType<CrmServices['customers']['getProfile']>>;
type Interaction = Profile['interactions'][number];
const ownerParams = z.object({ ownerId: z.uuid() });

function Timeline({ ctx, rows }: { ctx: PageContext; rows: Interaction[] }) {
  const { t } = ctx;
  if (rows.length === 0) return <Empty>{t('crm:customer.noInteractions')}</Empty>;
  return (
    <ol class="list timeline">
      {rows.map((i) => (
        <li>
          <div>
            <b>{t(`crm:interaction.${i.interactionType}`)}</b> <span class="meta">{ctx.fmt.dateTime(i.occurredAt)}</span>
            {i.subject && i.subject !== 'appointment' ? <span> · {i.subject}</span> : null}
            {i.outcome ? <span> · {i.outcome}</span> : null}
            {i.sentiment ? <span class="meta"> · {t(`crm:sentiment.${i.sentiment}`)}</span> : null}
            {i.handledByName ? <span class="meta"> · {i.handledByName}</span> : null}
            {i.summary ? <p class="meta">{i.summary}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Follow-ups with a "done" button each (used here and on the follow-ups page). */
export function FollowUpList({ ctx, rows, back }: { ctx: PageContext; rows: (Interaction & { ownerName?: string })[]; back: string }) {
  const { t } = ctx;
  if (rows.length === 0) return <Empty>{t('crm:followUps.none')}</Empty>;
  return (
    <ul class="list">
      {rows.map((f) => (
        <li>
          <span>
            <b>{f.followUpDate ? ctx.fmt.date(f.followUpDate) : ''}</b> {f.ownerName ? <a href={`/admin/customers/${f.ownerId}`}>{f.ownerName}</a> : null} ·{' '}
            {t(`crm:interaction.${f.interactionType}`)}
            {f.subject ? ` · ${f.subject}` : ''}
            {f.summary ? <span class="meta"> — {f.summary}</span> : null}
          </span>
          <Form ctx={ctx} action={`/admin/customers/follow-ups/${f.id}/done`} class="inline">
            <input type="hidden" name="back" value={back} />
            <button type="submit" class="btn-small btn-secondary">
              {t('crm:followUps.done')}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

function CustomerPage({ ctx, p, today }: { ctx: PageContext; p: Profile; today: string }) {
  const { t } = ctx;
  const back = `/admin/customers/${p.ownerId}`;
  return (
    <Layout ctx={ctx} title={p.name || p.email} area="admin" description={t('crm:customer.description')}>
      <h1>{p.name || p.email}</h1>
      <p class="meta">
        {[p.phone, p.email, t(`crm:channel.${p.preferredChannel}`), p.preferredLanguage.toUpperCase(), p.postalCode ? `C.P. ${p.postalCode}` : '']
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        <a href={`/admin/owners/${p.ownerId}`}>{t('crm:customer.ownerRecord')}</a>
      </p>
      <Card title={t('crm:customer.figures')}>
        <dl class="facts">
          <dt>{t('crm:col.ltv')}</dt>
          <dd>{money(p.lifetimeValue, ctx.lang)}</dd>
          <dt>{t('crm:col.tier')}</dt>
          <dd>
            <TierBadge ctx={ctx} tier={p.tier} />
          </dd>
          <dt>{t('crm:col.visits')}</dt>
          <dd>{p.visitCount}</dd>
          <dt>{t('crm:col.lastVisit')}</dt>
          <dd>{p.lastVisitDate ? `${ctx.fmt.date(p.lastVisitDate)} (${t('crm:customer.daysAgo', { days: p.daysSinceLastVisit ?? 0 })})` : t('crm:never')}</dd>
          <dt>{t('crm:col.churn')}</dt>
          <dd>
            <RiskBadge ctx={ctx} risk={p.churnRisk} /> {churnText(ctx, p.churnReason)}
          </dd>
          <dt>{t('crm:customer.consent')}</dt>
          <dd>
            {p.marketingConsent ? <Badge tone="ok">{t('crm:customer.consentYes')}</Badge> : <Badge>{t('crm:customer.consentNo')}</Badge>}
            {p.marketingConsentAt ? <span class="meta"> {ctx.fmt.date(p.marketingConsentAt)}</span> : null}
            <Form ctx={ctx} action={`${back}/consent`} class="inline">
              <input type="hidden" name="consent" value={p.marketingConsent ? 'false' : 'true'} />
              <button type="submit" class="btn-small btn-secondary">
                {p.marketingConsent ? t('crm:customer.consentWithdraw') : t('crm:customer.consentGive')}
              </button>
            </Form>
          </dd>
        </dl>
      </Card>
      <Card title={t('crm:customer.pets')}>
        {p.pets?.length ? (
          <ul class="list">
            {p.pets.map((pet) => (
              <li>
                <a href={`/admin/pets/${pet.id}`}>
                  <b>{pet.name}</b>
                </a>
                <span class="meta">
                  {' '}
                  {t(`vet-clinic:species.${pet.species}`)} {pet.breed}
                  {pet.nextVaccineDue
                    ? ` · ${t(pet.nextVaccineDue < today ? 'crm:customer.vaccineOverdue' : 'crm:customer.nextVaccine', { vaccine: pet.nextVaccineName ?? '', date: ctx.fmt.date(pet.nextVaccineDue) })}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('crm:customer.noPets')}</Empty>
        )}
      </Card>
      <Card title={t('crm:customer.followUps')}>
        <FollowUpList ctx={ctx} rows={p.followUps} back={back} />
      </Card>
      <Card title={t('crm:customer.tags')}>
        <ul class="tags">
          {p.tags.map((tag) => (
            <li>
              <Form ctx={ctx} action={`${back}/tags/remove`} class="inline">
                <input type="hidden" name="tag" value={tag} />
                <span>#{tag}</span>{' '}
                <button type="submit" class="btn-small btn-secondary" aria-label={t('crm:customer.removeTag', { tag })}>
                  ✕
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form ctx={ctx} action={`${back}/tags`} class="row">
          <Field name="tag" label={t('crm:customer.newTag')} required />
          <button type="submit">{t('crm:customer.addTag')}</button>
        </Form>
      </Card>
      <Card title={t('crm:customer.notes')}>
        <Form ctx={ctx} action={`${back}/notes`}>
          <TextArea name="content" label={t('crm:customer.newNote')} required />
          <Checkbox name="isPinned" label={t('crm:customer.pin')} />
          <button type="submit">{t('crm:customer.addNote')}</button>
        </Form>
        <ul class="list">
          {p.notes.map((n) => (
            <li>
              <div>
                {n.isPinned ? <Badge tone="info">📌 {t('crm:customer.pinned')}</Badge> : null} {n.content}
                <span class="meta">
                  {' '}
                  — {n.authorName ?? ''} {ctx.fmt.dateTime(n.createdAt)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('crm:customer.logCall')}>
        <Form ctx={ctx} action={`${back}/calls`}>
          <Select name="interactionType" label={t('crm:customer.type')} options={CALL_TYPES.map((v) => ({ value: v, label: t(`crm:interaction.${v}`) }))} />
          <Field name="subject" label={t('crm:customer.subject')} />
          <TextArea name="summary" label={t('crm:customer.summary')} />
          <Field name="outcome" label={t('crm:customer.outcome')} />
          <Select
            name="sentiment"
            label={t('crm:customer.sentiment')}
            options={[{ value: '', label: '—' }, ...SENTIMENTS.map((v) => ({ value: v, label: t(`crm:sentiment.${v}`) }))]}
          />
          <Field name="followUpDate" type="date" label={t('crm:customer.followUpDate')} />
          <button type="submit">{t('crm:customer.save')}</button>
        </Form>
      </Card>
      <Card title={t('crm:customer.timeline')}>
        <Timeline ctx={ctx} rows={p.interactions} />
      </Card>
      {p.purchases?.length ? (
        <Card title={t('crm:customer.purchases')}>
          <ul class="list">
            {p.purchases.map((x) => (
              <li>
                {x.reference} <span class="meta">{ctx.fmt.date(x.paidAt)}</span> <b>{money(x.total, ctx.lang)}</b>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </Layout>
  );
}

/** A customer's page for staff, its forms (notes, tags, consent, calls) and the follow-ups due today. */
export async function customerPages(app: HttpApp, s: CrmServices) {
  const c = s.customers;

  app.get('/admin/customers/follow-ups', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const rows = await c.followUpsDue(staff);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('crm:followUps.title')} area="admin" description={t('crm:followUps.description')}>
        <h1>{t('crm:followUps.title')}</h1>
        <Card>
          <FollowUpList ctx={page} rows={rows} back="/admin/customers/follow-ups" />
        </Card>
      </Layout>,
    );
  });

  app.post('/admin/customers/follow-ups/:id/done', { schema: { params: idParams, body: formBody({ back: z.string().optional() }) } }, async (req, reply) => {
    const { id } = req.params;
    await c.completeFollowUp(req.actor, id);
    return redirect(reply, backTo(req.body.back, '/admin/customers/follow-ups'));
  });

  app.get('/admin/customers/:ownerId', { schema: { params: ownerParams } }, async (req, reply) => {
    const { ownerId } = req.params;
    const profile = await c.getProfile(req.actor, ownerId, { includePets: 'true', includePurchaseHistory: 'true' });
    return sendPage(reply, <CustomerPage ctx={pageContext(req, reply)} p={profile} today={c.today()} />);
  });

  /** Runs a form's service call, then back to the customer's page with what happened. */
  function formRoute(path: string, act: (req: FastifyRequest, ownerId: string, body: Record<string, string>) => Promise<unknown>, done: string) {
    app.post(`/admin/customers/:ownerId/${path}`, { schema: { params: ownerParams, body: textForm } }, async (req, reply) => {
      const { ownerId } = req.params;
      try {
        await act(req, ownerId, req.body);
        flash(reply, 'success', req.t(done));
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        flash(reply, 'error', Object.values(fields).filter(Boolean).join(' · ') || message);
      }
      return redirect(reply, `/admin/customers/${ownerId}`);
    });
  }
  formRoute('notes', (req, id, body) => c.addNote(req.actor, id, body), 'crm:done.note');
  formRoute('tags', (req, id, body) => c.addTag(req.actor, id, body), 'crm:done.tag');
  formRoute('tags/remove', (req, id, body) => c.removeTag(req.actor, id, body), 'crm:done.tagRemoved');
  formRoute('consent', (req, id, body) => c.setMarketingConsent(req.actor, id, { ...body, source: 'front_desk' }), 'crm:done.consent');
  formRoute('calls', (req, id, body) => c.logInteraction(req.actor, id, body), 'crm:done.call');
}
