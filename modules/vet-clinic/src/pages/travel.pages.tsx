import { type HttpApp, requireStaff } from '@petfriendly/core';
import { Badge, Card, Form, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyRequest } from 'fastify';
import type { VetClinicServices } from '../services';
import { ChecklistView } from './travel-parts';

const idOf = (req: FastifyRequest) => Number((req.params as { id: string }).id);

/** Travel plans at the clinic: staff make one for a pet; a vet signs the certificate inside its window. */
export async function travelPages(app: HttpApp, s: VetClinicServices) {
  app.post('/admin/pets/:id/travel-plans', async (req, reply) => {
    try {
      const plan = await s.travel.createTravelPlan(idOf(req), req.body, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.staffCreated'));
      return redirect(reply, `/admin/travel-plans/${plan.id}`);
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, `/admin/pets/${idOf(req)}`);
    }
  });

  app.get('/admin/travel-plans/:id', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const plan = await s.travel.getTravelPlan(idOf(req), staff);
    const page = pageContext(req, reply);
    const { t } = page;
    const title = t('vet-clinic:travelPlan.pdfTitle', { pet: plan.pet.name, destination: t(`vet-clinic:travel.destination.${plan.destination}`) });
    const window = plan.certificateWindow;
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <Card title={title}>
          <p class="meta">
            {t('vet-clinic:travelPlan.travelDate')}: <b>{plan.travelDate}</b>
          </p>
          <ChecklistView t={t} checklist={plan.checklist} audience="staff" />
        </Card>
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

  app.post('/admin/travel-plans/:id/certificate', async (req, reply) => {
    const id = idOf(req);
    try {
      const cert = await s.travel.generateCertificate(id, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.issued', { number: cert.certificateNumber }));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/admin/travel-plans/${id}`);
  });
}
