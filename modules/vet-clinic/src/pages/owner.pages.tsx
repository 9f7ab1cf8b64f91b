import { clinicToday, type HttpApp, idParams, type ModuleContext, pageOnlyQuery, requireAuthenticated } from '@petfriendly/core';
import { Badge, Card, Empty, type FieldErrors, FormErrorSummary, flash, formErrors, Layout, nestForm, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VetClinicServices } from '../services';
import { DueList, GivenList, PetAvatar, petLine, RecordList, VisitCard, WeightChart } from './parts';
import { PetForm, type PetValues, PhotoForm, readPhoto } from './pet-form';
import { ChecklistView, SourceNote, TravelPlanForm } from './travel-parts';

/** The owner portal: their pets, each pet's health, travel checklists. */
export async function ownerPages(app: HttpApp, s: VetClinicServices, ctx: ModuleContext) {
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
  const signedIn = (req: FastifyRequest) => requireAuthenticated(req.actor);

  app.get('/pets/:id/photo', { schema: { params: idParams } }, async (req, reply) => {
    const photo = await s.pets.getPhoto(req.params.id, req.actor);
    if (!photo) return reply.status(404).send();
    return reply.header('cache-control', 'private, max-age=86400').type(photo.contentType).send(Buffer.from(photo.bytes));
  });

  app.get('/my/pets', async (req, reply) => {
    const actor = signedIn(req);
    const page = pageContext(req, reply);
    const { t } = page;
    const pets = await s.pets.getUserPets(actor);
    const schedules = await Promise.all(pets.map((p) => s.records.getVaccinationSchedule(p.id, actor)));
    return sendPage(
      reply,
      <Layout ctx={page} title={t('vet-clinic:my.title')}>
        <div class="card-head">
          <h1>{t('vet-clinic:my.title')}</h1>
          <a class="btn" href="/my/pets/new">
            + {t('vet-clinic:pet.add')}
          </a>
        </div>
        {pets.length === 0 ? <Empty>{t('vet-clinic:pet.none')}</Empty> : null}
        <div class="cards">
          {pets.map((pet, i) => {
            const overdue = schedules[i]!.filter((d) => d.status === 'overdue').length;
            const soon = schedules[i]!.filter((d) => d.status === 'due_soon').length;
            return (
              <a class="card pet-card" href={`/my/pets/${pet.id}`}>
                <PetAvatar pet={pet} photoBase="/pets" />
                <span>
                  <b>{pet.name}</b>
                  <br />
                  <span class="meta">{petLine(t, pet, today())}</span>
                  <br />
                  {overdue ? (
                    <Badge tone="danger">
                      {t('vet-clinic:vaccination.status.overdue')}: {overdue}
                    </Badge>
                  ) : soon ? (
                    <Badge tone="warn">
                      {t('vet-clinic:vaccination.status.due_soon')}: {soon}
                    </Badge>
                  ) : (
                    <Badge tone="ok">✓ {t('vet-clinic:vaccination.title')}</Badge>
                  )}
                </span>
              </a>
            );
          })}
        </div>
      </Layout>,
    );
  });

  const newPetPage = (req: FastifyRequest, reply: FastifyReply, values: PetValues = {}, errors: FieldErrors = {}, message?: string, status = 200) => {
    const page = pageContext(req, reply);
    return sendPage(
      reply,
      <Layout ctx={page} title={page.t('vet-clinic:pet.add')}>
        <Card title={page.t('vet-clinic:pet.add')}>
          <FormErrorSummary message={message} />
          <PetForm ctx={page} action="/my/pets/new" values={values} errors={errors} submit={page.t('vet-clinic:pet.add')} />
        </Card>
      </Layout>,
      status,
    );
  };
  app.get('/my/pets/new', async (req, reply) => {
    signedIn(req);
    return newPetPage(req, reply);
  });
  app.post('/my/pets/new', async (req, reply) => {
    const body = nestForm(req.body) as PetValues;
    try {
      const pet = await s.pets.createPet(req.actor, body);
      flash(reply, 'success', req.t('vet-clinic:pet.created', { name: pet.name }));
      return redirect(reply, `/my/pets/${pet.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return newPetPage(req, reply, body, fields, message, 422);
    }
  });

  app.get('/my/pets/:id', { schema: { params: idParams, querystring: pageOnlyQuery } }, async (req, reply) => {
    const actor = signedIn(req);
    const id = req.params.id;
    const summary = await s.pets.getPetSummary(id, actor);
    const [given, history, weights, meds, allergyList, plans, records] = await Promise.all([
      s.records.getVaccinations(id, actor),
      s.records.getVisitHistory(id, actor, { page: req.query.page, pageSize: 10 }),
      s.pets.getWeightHistory(id, actor),
      s.records.getMedications(id, actor),
      s.records.getAllergies(id, actor),
      s.travel.listTravelPlans(id, actor),
      s.records.getMedicalRecords(id, actor),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const pet = summary.pet;
    return sendPage(
      reply,
      <Layout ctx={page} title={pet.name}>
        <Card>
          <div class="pet-card">
            <PetAvatar pet={pet} size="lg" photoBase="/pets" />
            <div>
              <h1>{pet.name}</h1>
              <div class="meta">{petLine(t, pet, today())}</div>
              {pet.microchipNumber ? (
                <div class="meta">
                  {t('vet-clinic:pet.microchipNumber')}: {pet.microchipNumber}
                </div>
              ) : null}
              <a href={`/my/pets/${pet.id}/edit`}>✎ {t('vet-clinic:pet.edit')}</a> · <a href={`/book?pet=${pet.id}`}>📅 {t('vet-clinic:pet.book')}</a>
            </div>
          </div>
        </Card>
        <div class="grid-2">
          <Card icon="syringe" title={t('vet-clinic:vaccination.due')}>
            <DueList t={t} due={summary.vaccinationsDue} />
          </Card>
          <Card icon="triangle-alert" title={`${t('vet-clinic:allergy.title')} · ${t('vet-clinic:medication.title')}`}>
            {allergyList.length ? (
              <ul class="list">
                {allergyList.map((a) => (
                  <li>
                    <b>{a.allergen}</b> <Badge tone={a.severity === 'severe' ? 'danger' : 'warn'}>{t(`vet-clinic:severity.${a.severity}`)}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('vet-clinic:allergy.none')}</Empty>
            )}
            {meds.length ? (
              <ul class="list">
                {meds.map((m) => (
                  <li>
                    <span>
                      <b>{m.name}</b> {m.dosage} · {m.frequency}
                    </span>
                    <Badge tone={m.isCurrent ? 'info' : 'muted'}>{m.isCurrent ? t('vet-clinic:medication.current') : t('vet-clinic:medication.past')}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('vet-clinic:medication.none')}</Empty>
            )}
          </Card>
        </div>
        <Card icon="check" title={t('vet-clinic:vaccination.given')}>
          <GivenList t={t} given={given} />
        </Card>
        <WeightChart t={t} weights={weights} />
        {records.length ? (
          <Card icon="microscope" title={t('vet-clinic:records.title')}>
            <RecordList t={t} records={records} />
          </Card>
        ) : null}
        <h2>{t('vet-clinic:visit.title')}</h2>
        {history.items.length === 0 ? <Empty>{t('vet-clinic:visit.none')}</Empty> : null}
        {history.items.map((v) => (
          <VisitCard t={t} visit={v} timeZone={ctx.clinic.TIME_ZONE} />
        ))}
        {history.hasNext ? <a href={`/my/pets/${pet.id}?page=${history.page + 1}`}>{t('ui:pager.next')} →</a> : null}
        <Card icon="plane" title={t('vet-clinic:travelPlan.title')}>
          <p>{t('vet-clinic:my.travelIntro')}</p>
          <ul class="list">
            {plans.map((plan) => (
              <li>
                <a href={`/my/travel-plans/${plan.id}`}>
                  {t(`vet-clinic:travel.destination.${plan.destination}`)} · {plan.travelDate}
                </a>
              </li>
            ))}
          </ul>
          <TravelPlanForm page={page} action={`/my/pets/${pet.id}/travel`} today={today()} />
        </Card>
      </Layout>,
    );
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values?: PetValues,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) => {
    const pet = await s.pets.getPet(id, signedIn(req));
    const page = pageContext(req, reply);
    return sendPage(
      reply,
      <Layout ctx={page} title={`${page.t('vet-clinic:pet.edit')} · ${pet.name}`}>
        <Card title={`${page.t('vet-clinic:pet.edit')} · ${pet.name}`}>
          <div class="pet-card">
            <PetAvatar pet={pet} size="lg" photoBase="/pets" />
            <PhotoForm ctx={page} action={`/my/pets/${pet.id}/photo`} />
          </div>
          <FormErrorSummary message={message} />
          <PetForm
            ctx={page}
            action={`/my/pets/${pet.id}/edit`}
            values={values ?? (pet as unknown as PetValues)}
            errors={errors}
            submit={page.t('ui:form.save')}
          />
        </Card>
      </Layout>,
      status,
    );
  };
  app.get('/my/pets/:id/edit', { schema: { params: idParams } }, async (req, reply) => editPage(req, reply, req.params.id));
  app.post('/my/pets/:id/edit', { schema: { params: idParams } }, async (req, reply) => {
    const body = nestForm(req.body) as PetValues;
    try {
      await s.pets.updatePet(req.params.id, req.actor, { isNeutered: false, ...body });
      flash(reply, 'success', req.t('vet-clinic:pet.saved'));
      return redirect(reply, `/my/pets/${req.params.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, req.params.id, body, fields, message, 422);
    }
  });
  app.post('/my/pets/:id/photo', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.pets.setPhoto(req.params.id, req.actor, readPhoto(req));
      flash(reply, 'success', req.t('vet-clinic:pet.photoSaved'));
      return redirect(reply, `/my/pets/${req.params.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, req.params.id, undefined, fields, message, 422);
    }
  });

  app.post('/my/pets/:id/travel', { schema: { params: idParams } }, async (req, reply) => {
    try {
      const plan = await s.travel.createTravelPlan(req.params.id, req.body, req.actor);
      flash(reply, 'success', req.t('vet-clinic:travelPlan.created'));
      return redirect(reply, `/my/travel-plans/${plan.id}`);
    } catch (error) {
      const { message } = formErrors(error, req.t);
      flash(reply, 'error', message);
      return redirect(reply, `/my/pets/${req.params.id}`);
    }
  });

  app.get('/my/travel-plans/:id', { schema: { params: idParams } }, async (req, reply) => {
    const plan = await s.travel.getTravelPlan(req.params.id, signedIn(req));
    const page = pageContext(req, reply);
    const { t } = page;
    const title = t('vet-clinic:travelPlan.pdfTitle', { pet: plan.pet.name, destination: t(`vet-clinic:travel.destination.${plan.destination}`) });
    return sendPage(
      reply,
      <Layout ctx={page} title={title}>
        <Card
          title={title}
          actions={
            <a class="btn btn-small" href={`/my/travel-plans/${plan.id}/checklist.pdf`} data-hx-boost="false">
              ⬇ {t('vet-clinic:travelPlan.download')}
            </a>
          }
        >
          <p class="meta">
            {t('vet-clinic:travelPlan.travelDate')}: <b>{plan.travelDate}</b>
          </p>
          <ChecklistView t={t} checklist={plan.checklist} />
          <SourceNote t={t} source={plan.source} />
          {plan.certificate ? (
            <p>
              <a href={`/my/travel-plans/${plan.id}/certificate.pdf`} data-hx-boost="false">
                ⬇ {t('vet-clinic:travelPlan.downloadCertificate')} ({plan.certificate.certificateNumber})
              </a>
            </p>
          ) : null}
        </Card>
        <a href={`/my/pets/${plan.pet.id}`}>← {plan.pet.name}</a>
      </Layout>,
    );
  });

  const sendPdf = (reply: FastifyReply, pdf: { bytes: Uint8Array; filename: string }) =>
    reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.filename}"`).send(Buffer.from(pdf.bytes));
  app.get('/my/travel-plans/:id/checklist.pdf', { schema: { params: idParams } }, async (req, reply) =>
    sendPdf(reply, await s.travel.getChecklistPdf(req.params.id, signedIn(req))),
  );
  app.get('/my/travel-plans/:id/certificate.pdf', { schema: { params: idParams } }, async (req, reply) =>
    sendPdf(reply, await s.travel.getCertificatePdf(req.params.id, signedIn(req))),
  );
}
