import { type HttpApp, idParams, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Field, Form, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { VetClinicServices } from '../services';
import { ChecklistView, SourceNote } from './travel-parts';

/** Travel plans at the clinic: staff make one for a pet; a vet signs the certificate inside its window. */
export async function travelPages(app: HttpApp, s: VetClinicServices) {
  app.post('/admin/pets/:id/travel-plans', { schema: { params: idParams } }, async (req, reply) => {
    try {
      const plan = await s.travel.createTravelPlan(req.params.id, req.body, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.staffCreated'));
      return redirect(reply, `/admin/travel-plans/${plan.id}`);
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, `/admin/pets/${req.params.id}`);
    }
  });

  app.get('/admin/travel-plans/:id', { schema: { params: idParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const plan = await s.travel.getTravelPlan(req.params.id, staff);
    const page = pageContext(req, reply);
    const { t } = page;
    const title = t('vet-clinic:travelPlan.pdfTitle', { pet: plan.pet.name, destination: t(`vet-clinic:travel.destination.${plan.destination}`) });
    const window = plan.certificateWindow;
    const needsTitre = plan.checklist.items.some((i) => i.key.startsWith('checklist.rabies_titre'));
    const titres = needsTitre ? await s.travel.listRabiesTitres(plan.pet.id, staff) : [];
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <Card title={title}>
          <p class="meta">
            {t('vet-clinic:travelPlan.travelDate')}: <b>{plan.travelDate}</b>
          </p>
          <ChecklistView t={t} checklist={plan.checklist} audience="staff" />
          <SourceNote t={t} source={plan.source} />
        </Card>
        {needsTitre ? (
          <Card icon="microscope" title={t('vet-clinic:travelPlan.titre.title')}>
            {titres.length === 0 ? <Empty>{t('vet-clinic:travelPlan.titre.none')}</Empty> : null}
            <ul class="list">
              {titres.map((x) => (
                <li>
                  <span>
                    {x.sampledOn} · <b>{t('vet-clinic:travelPlan.titre.value', { value: x.resultIuPerMl })}</b>
                    {x.laboratory ? ` · ${x.laboratory}` : ''}
                  </span>
                </li>
              ))}
            </ul>
            <Form ctx={page} action={`/admin/travel-plans/${plan.id}/rabies-titres`} class="row">
              <Field name="sampledOn" type="date" label={t('vet-clinic:travelPlan.titre.sampledOn')} required />
              <Field name="resultIuPerMl" type="number" step="0.01" min="0" label={t('vet-clinic:travelPlan.titre.result')} required />
              <Field name="laboratory" label={t('vet-clinic:travelPlan.titre.laboratory')} />
              <button type="submit">{t('vet-clinic:travelPlan.titre.record')}</button>
            </Form>
          </Card>
        ) : null}
        <Card icon="signature" title={t('vet-clinic:travelPlan.certificate')} class="certificate-card">
          {plan.certificate ? (
            <a class="btn" href={`/my/travel-plans/${plan.id}/certificate.pdf`} data-hx-boost="false">
              ⬇ {t('vet-clinic:travelPlan.downloadCertificate')} ({plan.certificate.certificateNumber})
            </a>
          ) : !window ? null : window.open ? (
            <Form ctx={page} action={`/admin/travel-plans/${plan.id}/certificate`}>
              <p>{t('vet-clinic:travelPlan.windowOpen', { to: window.to })}</p>
              <button type="submit">✍ {t('vet-clinic:travelPlan.issue')}</button>
            </Form>
          ) : (
            <>
              <p>
                <Badge tone={window.inWindow ? 'warn' : 'muted'}>{t('vet-clinic:travelPlan.notYet')}</Badge>{' '}
                {t(window.inWindow ? 'vet-clinic:travelPlan.windowOpen' : 'vet-clinic:travelPlan.window', { from: window.from, to: window.to })}
              </p>
              {window.pending.length ? <p class="meta">{t('vet-clinic:travelPlan.missing', { count: window.pending.length })}</p> : null}
            </>
          )}
        </Card>
        <a href={`/admin/pets/${plan.pet.id}`}>← {plan.pet.name}</a>
      </Layout>,
    );
  });

  app.post('/admin/travel-plans/:id/rabies-titres', { schema: { params: idParams } }, async (req, reply) => {
    const id = req.params.id;
    try {
      const plan = await s.travel.getTravelPlan(id, requireStaff(req.actor));
      await s.travel.recordRabiesTitre(plan.pet.id, req.body, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.titre.saved'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/admin/travel-plans/${id}`);
  });

  app.post('/admin/travel-plans/:id/certificate', { schema: { params: idParams } }, async (req, reply) => {
    const id = req.params.id;
    try {
      const cert = await s.travel.generateCertificate(id, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.issued', { number: cert.certificateNumber }));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/admin/travel-plans/${id}`);
  });
}
