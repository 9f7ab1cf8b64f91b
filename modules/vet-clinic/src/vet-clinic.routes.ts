import { fileResponse, type HttpApp, idParams, type ModuleContext, NotFoundError, pageOf, pageQuerySchema, rowId, ValidationError } from '@petfriendly/core';
import { z } from 'zod';
import type { VetClinicServices } from './services';
import {
  addendumRowOut,
  addendumSchema,
  allergyOut,
  allergySchema,
  certificateOut,
  clinicalNoteSchema,
  declinedOut,
  declinedSchema,
  medicalRecordOut,
  medicalRecordSchema,
  medicationOut,
  medicationSchema,
  newTravelPlanOut,
  noteRowOut,
  petCreateSchema,
  petOut,
  petPageOut,
  petSearchSchema,
  petSummaryOut,
  petUpdateSchema,
  protocolOut,
  protocolUpdateSchema,
  rabiesTitreOut,
  rabiesTitreSchema,
  travelPlanDetailOut,
  travelPlanOut,
  travelPlanSchema,
  travelRequirementsOut,
  vaccinationRowOut,
  vaccinationSchema,
  vaccinationsOut,
  visitItemInput,
  visitItemOut,
  visitOut,
  visitPageOut,
  visitRowOut,
  visitSchema,
  visitUpdateSchema,
  weightsOut,
} from './vet-clinic.schemas';
import { SPECIES, TRAVEL_DESTINATIONS } from './vet-clinic.tables';

const tags = ['vet-clinic'];

/** `/api/v1` for pets and the clinical record. Each route parses, calls one service method, and answers. */
export async function vetClinicRoutes(app: HttpApp, s: VetClinicServices, _ctx: ModuleContext) {
  app.get(
    '/api/v1/pets',
    {
      schema: {
        tags,
        summary: "Owners: their pets. Staff: search (query, species) or one owner's pets (ownerId)",
        querystring: petSearchSchema.extend({ ownerId: z.string().uuid().optional() }),
        response: { 200: petPageOut },
      },
    },
    async (req) => {
      const q = req.query;
      if (req.actor.kind === 'staff' && !q.ownerId) return s.pets.searchPets(req.actor, q);
      const own = await s.pets.getUserPets(req.actor, q.ownerId);
      return pageOf(own, { page: 1, pageSize: own.length });
    },
  );

  app.post(
    '/api/v1/pets',
    {
      schema: {
        tags,
        summary: 'Add a pet (staff pass ownerId)',
        body: petCreateSchema.extend({ ownerId: z.string().uuid().optional() }),
        response: { 201: petOut },
      },
    },
    async (req, reply) => {
      const { ownerId, ...data } = req.body;
      return reply.status(201).send(await s.pets.createPet(req.actor, data, ownerId));
    },
  );

  app.get('/api/v1/pets/:id', { schema: { tags, summary: 'A pet with its health summary', params: idParams, response: { 200: petSummaryOut } } }, async (req) =>
    s.pets.getPetSummary(req.params.id, req.actor),
  );
  app.patch(
    '/api/v1/pets/:id',
    { schema: { tags, summary: 'Update a pet', params: idParams, body: petUpdateSchema, response: { 200: petOut } } },
    async (req) => s.pets.updatePet(req.params.id, req.actor, req.body),
  );

  app.put(
    '/api/v1/pets/:id/photo',
    {
      schema: {
        tags,
        summary: 'Upload a photo (multipart field "photo"; JPEG, PNG or WebP)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: petOut },
      },
    },
    async (req) => {
      const file = await (req as unknown as { file(): Promise<{ toBuffer(): Promise<Buffer> } | undefined> }).file();
      if (!file) throw ValidationError.forField('vet_clinic.photo_missing', 'photo', 'Attach the photo as the multipart field "photo".');
      return s.pets.setPhoto(req.params.id, req.actor, new Uint8Array(await file.toBuffer()));
    },
  );

  app.get(
    '/api/v1/pets/:id/photo',
    { schema: { tags, summary: "A pet's photo", params: idParams, response: { 200: fileResponse('The photo', 'image/jpeg', 'image/png', 'image/webp') } } },
    async (req, reply) => {
      const photo = await s.pets.getPhoto(req.params.id, req.actor);
      if (!photo) throw new NotFoundError('vet_clinic.photo_not_found', 'This pet has no photo.');
      return reply.header('cache-control', 'private, max-age=300').type(photo.contentType).send(Buffer.from(photo.bytes));
    },
  );

  app.get('/api/v1/pets/:id/weights', { schema: { tags, summary: 'Weight over time', params: idParams, response: { 200: weightsOut } } }, async (req) =>
    s.pets.getWeightHistory(req.params.id, req.actor),
  );

  app.get(
    '/api/v1/pets/:id/visits',
    {
      schema: {
        tags,
        summary: 'Visit history, newest first (internal notes for staff who ask)',
        params: idParams,
        querystring: pageQuerySchema.extend({ includeInternal: z.enum(['true', 'false']).optional() }),
        response: { 200: visitPageOut },
      },
    },
    async (req) => {
      const q = req.query;
      return s.records.getVisitHistory(req.params.id, req.actor, { page: q.page, pageSize: q.pageSize, includeInternal: q.includeInternal === 'true' });
    },
  );
  app.post(
    '/api/v1/pets/:id/visits',
    {
      schema: {
        tags,
        summary: 'Clinical staff (vet, manager, admin): record a visit with SOAP and vitals',
        params: idParams,
        body: visitSchema,
        response: { 201: visitRowOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.records.addVisit(req.params.id, req.body, req.actor)),
  );
  app.get('/api/v1/visits/:id', { schema: { tags, summary: 'One visit', params: idParams, response: { 200: visitOut } } }, async (req) =>
    s.records.getVisit(req.params.id, req.actor),
  );
  app.patch(
    '/api/v1/visits/:id',
    {
      schema: {
        tags,
        summary: 'Clinical staff (vet, manager, admin): edit SOAP before the record locks',
        params: idParams,
        body: visitUpdateSchema,
        response: { 200: visitRowOut },
      },
    },
    async (req) => s.records.updateVisit(req.params.id, req.body, req.actor),
  );
  app.post(
    '/api/v1/visits/:id/declined',
    {
      schema: {
        tags,
        summary: 'Clinical staff: record a service recommended at the visit that the owner declined',
        params: idParams,
        body: declinedSchema,
        response: { 201: declinedOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.declined.recordDeclined(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/visits/:id/declined',
    { schema: { tags, summary: 'Services declined at the visit', params: idParams, response: { 200: z.array(declinedOut) } } },
    async (req) => s.declined.listDeclined(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/visits/:id/addenda',
    {
      schema: {
        tags,
        summary: 'Clinical staff (vet, manager, admin): add an addendum to a visit',
        params: idParams,
        body: addendumSchema,
        response: { 201: addendumRowOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.records.addAddendum(req.params.id, req.body, req.actor)),
  );
  app.post(
    '/api/v1/visits/:id/items',
    {
      schema: {
        tags,
        summary: 'Clinical staff: record something done in the visit with its catalogue service or product (billing charges it)',
        params: idParams,
        body: visitItemInput,
        response: { 201: visitItemOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.visitItems.addItem(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/visits/:id/notes',
    { schema: { tags, summary: 'Staff: add a clinical note', params: idParams, body: clinicalNoteSchema, response: { 201: noteRowOut } } },
    async (req, reply) => reply.status(201).send(await s.records.addClinicalNote(req.params.id, req.body, req.actor)),
  );

  app.get(
    '/api/v1/pets/:id/vaccinations',
    { schema: { tags, summary: 'Vaccinations given and due', params: idParams, response: { 200: vaccinationsOut } } },
    async (req) => ({
      given: await s.records.getVaccinations(req.params.id, req.actor),
      due: await s.records.getVaccinationSchedule(req.params.id, req.actor),
    }),
  );
  app.post(
    '/api/v1/pets/:id/vaccinations',
    { schema: { tags, summary: 'Staff: record a vaccination', params: idParams, body: vaccinationSchema, response: { 201: vaccinationRowOut } } },
    async (req, reply) => reply.status(201).send(await s.records.addVaccination(req.params.id, req.body, req.actor)),
  );
  app.get('/api/v1/pets/:id/allergies', { schema: { tags, summary: 'Allergies', params: idParams, response: { 200: z.array(allergyOut) } } }, async (req) =>
    s.records.getAllergies(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/pets/:id/allergies',
    { schema: { tags, summary: 'Staff: add an allergy', params: idParams, body: allergySchema, response: { 201: allergyOut } } },
    async (req, reply) => reply.status(201).send(await s.records.addAllergy(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/pets/:id/medications',
    { schema: { tags, summary: 'Medications', params: idParams, response: { 200: z.array(medicationOut.extend({ isCurrent: z.boolean() })) } } },
    async (req) => s.records.getMedications(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/pets/:id/medications',
    {
      schema: {
        tags,
        summary: 'Clinical staff (vet, manager, admin): prescribe a medication',
        params: idParams,
        body: medicationSchema,
        response: { 201: medicationOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.records.addMedication(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/pets/:id/medical-records',
    { schema: { tags, summary: 'Lab results, surgeries and other records', params: idParams, response: { 200: z.array(medicalRecordOut) } } },
    async (req) => s.records.getMedicalRecords(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/pets/:id/medical-records',
    {
      schema: {
        tags,
        summary: 'Clinical staff (vet, manager, admin): add a medical record',
        params: idParams,
        body: medicalRecordSchema,
        response: { 201: medicalRecordOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.records.addMedicalRecord(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/vaccine-protocols',
    {
      schema: {
        tags,
        summary: "The clinic's vaccination protocols",
        querystring: z.object({ species: z.enum(SPECIES).optional() }),
        response: { 200: z.array(protocolOut) },
      },
    },
    async (req) => s.records.protocols(req.query.species),
  );

  app.patch(
    '/api/v1/vaccine-protocols/:code',
    {
      schema: {
        tags,
        summary: 'Staff (vet, manager, admin): edit a vaccination protocol',
        params: z.object({ code: z.string() }),
        body: protocolUpdateSchema,
        response: { 200: protocolOut },
      },
    },
    async (req) => s.records.updateProtocol(req.actor, req.params.code, req.body),
  );

  app.get(
    '/api/v1/travel/requirements',
    {
      schema: {
        tags,
        summary: 'Travel requirements from Mexico (for a pet, with petId)',
        querystring: z.object({
          destination: z.enum(TRAVEL_DESTINATIONS),
          species: z.enum(['dog', 'cat']).default('dog'),
          petId: rowId.optional(),
        }),
        response: { 200: travelRequirementsOut },
      },
    },
    async (req) => {
      const q = req.query;
      return q.petId ? s.travel.getRequirements(q.destination, q.petId, req.actor) : s.travel.getGeneralRequirements(q.destination, q.species);
    },
  );
  app.post(
    '/api/v1/pets/:id/rabies-titres',
    {
      schema: {
        tags,
        summary: 'Staff (vet): record a rabies antibody test result',
        params: idParams,
        body: rabiesTitreSchema,
        response: { 201: rabiesTitreOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.travel.recordRabiesTitre(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/pets/:id/rabies-titres',
    { schema: { tags, summary: "A pet's rabies antibody test results", params: idParams, response: { 200: z.array(rabiesTitreOut) } } },
    async (req) => s.travel.listRabiesTitres(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/pets/:id/travel-plans',
    { schema: { tags, summary: 'Make a dated travel checklist', params: idParams, body: travelPlanSchema, response: { 201: newTravelPlanOut } } },
    async (req, reply) => reply.status(201).send(await s.travel.createTravelPlan(req.params.id, req.body, req.actor)),
  );
  app.get(
    '/api/v1/pets/:id/travel-plans',
    { schema: { tags, summary: "A pet's travel plans", params: idParams, response: { 200: z.array(travelPlanOut) } } },
    async (req) => s.travel.listTravelPlans(req.params.id, req.actor),
  );
  app.get(
    '/api/v1/travel-plans/:id',
    { schema: { tags, summary: 'A travel plan with its live checklist', params: idParams, response: { 200: travelPlanDetailOut } } },
    async (req) => s.travel.getTravelPlan(req.params.id, req.actor),
  );
  app.get(
    '/api/v1/travel-plans/:id/checklist.pdf',
    { schema: { tags, summary: 'The checklist as a PDF', params: idParams, response: { 200: fileResponse('The checklist', 'application/pdf') } } },
    async (req, reply) => {
      const pdf = await s.travel.getChecklistPdf(req.params.id, req.actor);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.filename}"`).send(Buffer.from(pdf.bytes));
    },
  );
  app.post(
    '/api/v1/travel-plans/:id/certificate',
    { schema: { tags, summary: 'Staff (vet): issue and sign the health certificate', params: idParams, response: { 201: certificateOut } } },
    async (req, reply) => reply.status(201).send(await s.travel.generateCertificate(req.params.id, req.actor)),
  );
  app.get(
    '/api/v1/travel-plans/:id/certificate.pdf',
    { schema: { tags, summary: 'The signed health certificate', params: idParams, response: { 200: fileResponse('The certificate', 'application/pdf') } } },
    async (req, reply) => {
      const pdf = await s.travel.getCertificatePdf(req.params.id, req.actor);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.filename}"`).send(Buffer.from(pdf.bytes));
    },
  );
}
