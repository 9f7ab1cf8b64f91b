import { type Actor, clinicToday, type HttpApp, idParams, type ModuleContext, pageNumber, requireStaff, rowId } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  type FieldErrors,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  Pager,
  pageContext,
  redirect,
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { VetClinicServices } from '../services';
import { AllergyForm, type FormState, MedicalRecordForm, MedicationForm, VaccinationForm, VisitForm, VisitTools } from './chart-forms';
import { AtAGlance } from './chart-summary';
import { DeclinedCard } from './declined-card';
import { DueList, GivenList, PetAvatar, petLine, RecordList, VisitCard, WeightChart } from './parts';
import { PetForm, type PetValues, PhotoForm, readPhoto } from './pet-form';
import { TravelPlanForm } from './travel-parts';
import { VisitCharges, type VisitChargesView } from './visit-charges';

/** A pet's chart, and a visit in it for the visit's own forms. */
const chartParams = z.object({ id: rowId, visitId: rowId.optional() });
const chartQuery = z.object({ page: pageNumber, visit: z.string().optional() });
const ownerParams = z.object({ id: z.string() });

/** The chart: everything about one pet for the clinic team, with the forms to add to it. */
export async function chartPages(app: HttpApp, s: VetClinicServices, ctx: ModuleContext) {
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);

  /** The visits' items, with billing's view of them when billing is installed. */
  async function chargesView(staff: Actor, visitIds: number[]): Promise<VisitChargesView> {
    const socket = s.charges();
    const [items, status, options] = await Promise.all([
      s.visitItems.chargeableItems(staff, visitIds),
      socket ? socket.statusOf(staff, visitIds) : new Map(),
      socket ? socket.catalogue(staff) : [],
    ]);
    return { items, status, options, socket };
  }

  async function chart(req: FastifyRequest, reply: FastifyReply, id: number, query: z.output<typeof chartQuery>, state?: FormState) {
    const staff = requireStaff(req.actor);
    const summary = await s.pets.getPetSummary(id, staff);
    const pet = summary.pet;
    const owner = summary.ownerName;
    const page = pageContext(req, reply);
    const followUps = s.followUps();
    const [given, history, weights, meds, allergyList, protocols, plans, records, panels, declined, following] = await Promise.all([
      s.records.getVaccinations(id, staff),
      s.records.getVisitHistory(id, staff, { includeInternal: true, page: query.page, pageSize: 10 }),
      s.pets.getWeightHistory(id, staff),
      s.records.getMedications(id, staff),
      s.records.getAllergies(id, staff),
      s.records.protocols(pet.species),
      s.travel.listTravelPlans(id, staff),
      s.records.getMedicalRecords(id, staff),
      s.chartPanels(page, staff, id),
      s.declined.listDeclinedOfPet(id, staff),
      followUps ? followUps.ofPet(staff, id) : null,
    ]);
    const charges = await chargesView(
      staff,
      history.items.map((v) => v.id),
    );
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={`${pet.name} · ${t('vet-clinic:pet.chart')}`} area="admin">
        <Card>
          <div class="pet-card">
            <PetAvatar pet={pet} size="lg" photoBase="/pets" />
            <div>
              <h1>
                {pet.name} {pet.isDeceased ? '✝' : ''}
              </h1>
              <div class="meta">{petLine(t, pet, today())}</div>
              <div class="meta">
                👤 <a href={`/admin/owners/${pet.ownerId}`}>{owner}</a> ·{' '}
                <a href={`/admin/customers/${pet.ownerId}`}>🤝 {t('vet-clinic:admin.customerPage')}</a>
                {pet.microchipNumber ? ` · ${t('vet-clinic:pet.microchipNumber')} ${pet.microchipNumber}` : ''}
              </div>
              <div>
                <a href={`/admin/pets/${pet.id}/edit`}>✎ {t('vet-clinic:pet.edit')}</a> ·{' '}
                <a href={`/admin/book?pet=${pet.id}`}>📅 {t('vet-clinic:pet.book')}</a> ·{' '}
                <a href={`/admin/walk-in?pet=${pet.id}`}>🚶 {t('vet-clinic:pet.walkIn')}</a>
              </div>
            </div>
          </div>
        </Card>
        <AtAGlance
          page={page}
          petId={pet.id}
          alert={pet.notes}
          allergies={allergyList}
          due={summary.vaccinationsDue}
          medications={meds}
          lastWeight={weights.at(-1)}
          timeZone={ctx.clinic.TIME_ZONE}
        />
        {panels}
        <Card title={t('vet-clinic:visit.title')}>
          <VisitForm ctx={page} petId={pet.id} state={state} open={query.visit === 'new'} />
        </Card>
        <WeightChart t={t} weights={weights} />
        {history.items.length === 0 ? <Empty>{t('vet-clinic:visit.none')}</Empty> : null}
        {history.items.map((v) => (
          <VisitCard
            t={t}
            visit={v}
            timeZone={ctx.clinic.TIME_ZONE}
            staffTools={
              <>
                <VisitCharges ctx={page} petId={pet.id} visitId={v.id} locked={v.locked} view={charges} state={state} />
                <VisitTools ctx={page} visitId={v.id} petId={pet.id} locked={v.locked} state={state} />
              </>
            }
          />
        ))}
        <Pager ctx={page} page={history.page} hasNext={history.hasNext} href={(n) => `/admin/pets/${pet.id}?page=${n}`} />
        <div class="grid-2">
          <Card icon="syringe" title={t('vet-clinic:vaccination.due')}>
            <DueList t={t} due={summary.vaccinationsDue} />
            <VaccinationForm
              ctx={page}
              petId={pet.id}
              protocols={protocols}
              state={state}
              today={today()}
              visits={history.items.filter((v) => !v.locked)}
              charges={charges.options}
            />
          </Card>
          <Card icon="triangle-alert" title={t('vet-clinic:allergy.title')}>
            {allergyList.length === 0 ? <Empty>{t('vet-clinic:allergy.none')}</Empty> : null}
            <ul class="list">
              {allergyList.map((a) => (
                <li>
                  <span>
                    <b>{a.allergen}</b>
                    {a.reaction ? ` — ${a.reaction}` : ''}
                  </span>
                  <Badge tone={a.severity === 'severe' ? 'danger' : 'warn'}>{t(`vet-clinic:severity.${a.severity}`)}</Badge>
                </li>
              ))}
            </ul>
            <AllergyForm ctx={page} petId={pet.id} state={state} />
          </Card>
        </div>
        <DeclinedCard ctx={page} petId={pet.id} declined={declined} visits={history.items} followUps={following} state={state} />
        <Card icon="check" title={t('vet-clinic:vaccination.given')}>
          <GivenList t={t} given={given} />
        </Card>
        <Card icon="pill" title={t('vet-clinic:medication.title')}>
          {meds.length === 0 ? <Empty>{t('vet-clinic:medication.none')}</Empty> : null}
          <ul class="list">
            {meds.map((m) => (
              <li>
                <span>
                  <b>{m.name}</b> {m.dosage} · {m.frequency} · {t(`vet-clinic:route.${m.route}`)}
                  <br />
                  <span class="meta">
                    {m.startDate} → {m.endDate ?? (m.isOngoing ? '∞' : '—')}
                  </span>
                </span>
                <Badge tone={m.isCurrent ? 'info' : 'muted'}>{m.isCurrent ? t('vet-clinic:medication.current') : t('vet-clinic:medication.past')}</Badge>
              </li>
            ))}
          </ul>
          <MedicationForm ctx={page} petId={pet.id} state={state} today={today()} />
        </Card>
        <Card icon="microscope" title={t('vet-clinic:records.title')}>
          <RecordList t={t} records={records} />
          <MedicalRecordForm ctx={page} petId={pet.id} state={state} today={today()} />
        </Card>
        <Card icon="plane" title={t('vet-clinic:travelPlan.title')}>
          {plans.length === 0 ? <Empty>{t('vet-clinic:travelPlan.none')}</Empty> : null}
          <ul class="list">
            {plans.map((plan) => (
              <li>
                <a href={`/admin/travel-plans/${plan.id}`}>
                  {t(`vet-clinic:travel.destination.${plan.destination}`)} · {plan.travelDate}
                </a>
              </li>
            ))}
          </ul>
          <TravelPlanForm page={page} action={`/admin/pets/${pet.id}/travel-plans`} today={today()} />
        </Card>
      </Layout>,
      state ? 422 : 200,
    );
  }

  app.get('/admin/pets/:id', { schema: { params: idParams, querystring: chartQuery } }, async (req, reply) => chart(req, reply, req.params.id, req.query));

  /** Posts from the chart: one service call; on a validation error the chart comes back with that form open. */
  const chartPost = (
    path: string,
    form: (visitId?: number) => string,
    run: (ids: z.output<typeof chartParams>, body: Record<string, unknown>, actor: Actor) => Promise<unknown>,
    done: string,
  ) =>
    app.post(path, { schema: { params: chartParams } }, async (req, reply) => {
      const ids = req.params;
      const body = nestForm(req.body);
      try {
        const result = await run(ids, body, req.actor);
        flash(reply, 'success', req.t(done));
        const anchor = ids.visitId
          ? `#visit-${ids.visitId}`
          : (result as { id?: number })?.id && form(ids.visitId) === 'visit'
            ? `#visit-${(result as { id: number }).id}`
            : '';
        return redirect(reply, `/admin/pets/${ids.id}${anchor}`);
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return chart(req, reply, ids.id, { page: 1 }, { form: form(ids.visitId), values: body, errors: fields, message });
      }
    });

  chartPost(
    '/admin/pets/:id/visits',
    () => 'visit',
    ({ id }, body, actor) => s.records.addVisit(id, body, actor),
    'vet-clinic:visit.saved',
  );
  chartPost(
    '/admin/pets/:id/vaccinations',
    () => 'vaccination',
    ({ id }, body, actor) => s.records.addVaccination(id, body, actor),
    'vet-clinic:vaccination.saved',
  );
  chartPost(
    '/admin/pets/:id/allergies',
    () => 'allergy',
    ({ id }, body, actor) => s.records.addAllergy(id, body, actor),
    'vet-clinic:allergy.saved',
  );
  chartPost(
    '/admin/pets/:id/records',
    () => 'record',
    ({ id }, body, actor) => s.records.addMedicalRecord(id, body, actor),
    'vet-clinic:records.saved',
  );
  chartPost(
    '/admin/pets/:id/medications',
    () => 'medication',
    ({ id }, body, actor) => s.records.addMedication(id, body, actor),
    'vet-clinic:medication.saved',
  );
  chartPost(
    '/admin/pets/:id/declined',
    () => 'declined',
    ({ id }, body, actor) => s.declined.recordDeclinedForPet(id, body, actor),
    'vet-clinic:declined.saved',
  );
  chartPost(
    '/admin/pets/:id/visits/:visitId/notes',
    (visitId) => `note-${visitId}`,
    ({ visitId }, body, actor) => s.records.addClinicalNote(visitId ?? 0, body, actor),
    'vet-clinic:visit.noteSaved',
  );
  chartPost(
    '/admin/pets/:id/visits/:visitId/items',
    (visitId) => `item-${visitId}`,
    ({ visitId }, body, actor) => s.visitItems.addItem(actor, visitId ?? 0, body),
    'vet-clinic:charges.saved',
  );
  chartPost(
    '/admin/pets/:id/visits/:visitId/addenda',
    (visitId) => `addendum-${visitId}`,
    ({ visitId }, body, actor) => s.records.addAddendum(visitId ?? 0, body, actor),
    'vet-clinic:visit.addendumSaved',
  );

  // Staff add a pet for an owner, and edit any pet.
  const petFormPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    of: { pet: number } | { owner: string },
    values?: PetValues,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) => {
    const staff = requireStaff(req.actor);
    const page = pageContext(req, reply);
    const { t } = page;
    const pet = 'pet' in of ? await s.pets.getPet(of.pet, staff) : null;
    const action = 'owner' in of ? `/admin/owners/${of.owner}/pets/new` : `/admin/pets/${of.pet}/edit`;
    return sendPage(
      reply,
      <Layout ctx={page} title={pet ? `${t('vet-clinic:pet.edit')} · ${pet.name}` : t('vet-clinic:pet.add')} area="admin">
        <Card title={pet ? `${t('vet-clinic:pet.edit')} · ${pet.name}` : t('vet-clinic:pet.add')}>
          {pet ? <PhotoForm ctx={page} action={`/admin/pets/${pet.id}/photo`} /> : null}
          <FormErrorSummary message={message} />
          <PetForm ctx={page} action={action} values={values ?? ((pet ?? {}) as PetValues)} errors={errors} submit={t('ui:form.save')} />
        </Card>
      </Layout>,
      status,
    );
  };
  app.get('/admin/owners/:id/pets/new', { schema: { params: ownerParams } }, async (req, reply) => petFormPage(req, reply, { owner: req.params.id }));
  app.post('/admin/owners/:id/pets/new', { schema: { params: ownerParams } }, async (req, reply) => {
    const body = nestForm(req.body) as PetValues;
    try {
      const pet = await s.pets.createPet(req.actor, body, req.params.id);
      flash(reply, 'success', req.t('vet-clinic:pet.created', { name: pet.name }));
      return redirect(reply, `/admin/pets/${pet.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return petFormPage(req, reply, { owner: req.params.id }, body, fields, message, 422);
    }
  });
  app.get('/admin/pets/:id/edit', { schema: { params: idParams } }, async (req, reply) => petFormPage(req, reply, { pet: req.params.id }));
  app.post('/admin/pets/:id/edit', { schema: { params: idParams } }, async (req, reply) => {
    const body = nestForm(req.body) as PetValues;
    try {
      await s.pets.updatePet(req.params.id, req.actor, { isNeutered: false, ...body });
      flash(reply, 'success', req.t('vet-clinic:pet.saved'));
      return redirect(reply, `/admin/pets/${req.params.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return petFormPage(req, reply, { pet: req.params.id }, body, fields, message, 422);
    }
  });
  app.post('/admin/pets/:id/photo', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.pets.setPhoto(req.params.id, req.actor, readPhoto(req));
      flash(reply, 'success', req.t('vet-clinic:pet.photoSaved'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/admin/pets/${req.params.id}`);
  });
}
