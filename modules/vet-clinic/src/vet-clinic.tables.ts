import { users } from '@petfriendly/accounts/tables';
import { auditColumns } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgSchema, smallint, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { DESTINATIONS } from './travel/requirements';

export const vetClinic = pgSchema('vet_clinic');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'restrict' });

export const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'] as const;
export const GENDERS = ['male', 'female', 'unknown'] as const;

export const pets = vetClinic.table(
  'pets',
  {
    id: id(),
    ownerId: userRef('owner_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    species: varchar('species', { length: 20, enum: SPECIES }).notNull(),
    breed: varchar('breed', { length: 100 }).notNull().default(''),
    color: varchar('color', { length: 100 }).notNull().default(''),
    dateOfBirth: date('date_of_birth'),
    gender: varchar('gender', { length: 10, enum: GENDERS }).notNull().default('unknown'),
    isNeutered: boolean('is_neutered').notNull().default(false),
    weightKg: numeric('weight_kg', { precision: 6, scale: 2 }),
    microchipNumber: varchar('microchip_number', { length: 50 }),
    microchipImplantedOn: date('microchip_implanted_on'),
    photo: text('photo'),
    notes: text('notes').notNull().default(''),
    isDeceased: boolean('is_deceased').notNull().default(false),
    deceasedDate: date('deceased_date'),
    isActive: boolean('is_active').notNull().default(true),
    /** The name folded for search (lower case, no accents), kept by Postgres itself. */
    searchName: text('search_name').generatedAlwaysAs(sql`core.f_unaccent(lower(name))`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_pet_owner').on(t.ownerId),
    index('idx_pet_species').on(t.species),
    // GiST, not GIN: it answers the name's LIKE and returns names closest first (`<->`), so a search stops at its page.
    index('pets_search_name_gist').using('gist', sql`${t.searchName} gist_trgm_ops`),
    unique('pets_microchip_unique').on(t.microchipNumber),
    check('pets_weight_positive', sql`${t.weightKg} is null or ${t.weightKg} > 0`),
  ],
);

export const RECORD_TYPES = ['exam', 'vaccination', 'surgery', 'lab', 'prescription'] as const;

export const medicalRecords = vetClinic.table(
  'medical_records',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    recordType: varchar('record_type', { length: 20, enum: RECORD_TYPES }).notNull(),
    date: date('date').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull().default(''),
    diagnosis: text('diagnosis').notNull().default(''),
    treatment: text('treatment').notNull().default(''),
    notes: text('notes').notNull().default(''),
    internalNotes: text('internal_notes').notNull().default(''),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    visitId: integer('visit_id').references(() => visits.id, { onDelete: 'set null' }),
    ...auditColumns(() => users.id),
  },
  (t) => [index('medical_records_pet_date_idx').on(t.petId, t.date)],
);

/** A consultation, written as SOAP. Locked `VISIT_LOCK_HOURS` after closing; later changes are addenda. */
export const visits = vetClinic.table(
  'visits',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    visitDate: timestamp('visit_date', { withTimezone: true }).notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    veterinarianId: userRef('veterinarian_id').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Brought in from the clinic's previous system (data import): history, recorded by whoever imported it. */
    imported: boolean('imported').notNull().default(false),
    /** Bumped on every edit, so two people editing at once cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    ...auditColumns(() => users.id),
  },
  (t) => [
    index('visits_pet_date_idx').on(t.petId, t.visitDate),
    index('visits_date_idx').on(t.visitDate),
    index('visits_open_idx').on(t.visitDate).where(sql`${t.closedAt} is null`),
  ],
);

export const SOAP_SECTIONS = ['subjective', 'objective', 'assessment', 'plan'] as const;

export const visitAddenda = vetClinic.table('visit_addenda', {
  id: id(),
  visitId: integer('visit_id')
    .notNull()
    .references(() => visits.id, { onDelete: 'cascade' }),
  section: varchar('section', { length: 20, enum: SOAP_SECTIONS }).notNull(),
  content: text('content').notNull(),
  authorId: userRef('author_id').notNull(),
  createdAt: createdAt(),
});

/** A service the vet recommended at a visit and the owner declined (marketing follows it up until the pet is booked). */
export const declinedRecommendations = vetClinic.table(
  'declined_recommendations',
  {
    id: id(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    service: varchar('service', { length: 200 }).notNull(),
    recordedBy: userRef('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('declined_recommendations_visit_idx').on(t.visitId)],
);

export const clinicalNotes = vetClinic.table(
  'clinical_notes',
  {
    id: id(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    isInternal: boolean('is_internal').notNull().default(true),
    authorId: userRef('author_id').notNull(),
    ...auditColumns(() => users.id),
  },
  (t) => [index('clinical_notes_visit_idx').on(t.visitId)],
);

export const vitalSigns = vetClinic.table(
  'vital_signs',
  {
    id: id(),
    visitId: integer('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    weightKg: numeric('weight_kg', { precision: 6, scale: 2 }),
    temperatureC: numeric('temperature_c', { precision: 4, scale: 1 }),
    heartRate: smallint('heart_rate'),
    respiratoryRate: smallint('respiratory_rate'),
    bodyConditionScore: smallint('body_condition_score'),
    recordedBy: userRef('recorded_by').notNull(),
  },
  (t) => [
    index('vital_signs_pet_time_idx').on(t.petId, t.recordedAt),
    unique('vital_signs_visit_unique').on(t.visitId),
    check('vital_signs_bcs_range', sql`${t.bodyConditionScore} between 1 and 9`),
    check('vital_signs_weight_positive', sql`${t.weightKg} > 0`),
    check('vital_signs_temperature_range', sql`${t.temperatureC} between 30 and 45`),
    check('vital_signs_heart_rate_range', sql`${t.heartRate} between 10 and 400`),
    check('vital_signs_respiratory_rate_range', sql`${t.respiratoryRate} between 4 and 200`),
  ],
);

export const vaccinationRecords = vetClinic.table(
  'vaccination_records',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    protocolCode: varchar('protocol_code', { length: 50 }),
    vaccineName: varchar('vaccine_name', { length: 200 }).notNull(),
    vaccineType: varchar('vaccine_type', { length: 50 }).notNull().default(''),
    manufacturer: varchar('manufacturer', { length: 200 }).notNull().default(''),
    lotNumber: varchar('lot_number', { length: 100 }).notNull().default(''),
    administeredDate: date('administered_date').notNull(),
    expiryDate: date('expiry_date'),
    nextDueDate: date('next_due_date'),
    administeredBy: userRef('administered_by'),
    givenElsewhere: boolean('given_elsewhere').notNull().default(false),
    site: varchar('site', { length: 100 }).notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...auditColumns(() => users.id),
  },
  (t) => [index('vaccination_records_pet_idx').on(t.petId, t.administeredDate)],
);

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;

export const allergies = vetClinic.table(
  'allergies',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    allergen: varchar('allergen', { length: 200 }).notNull(),
    reaction: text('reaction').notNull().default(''),
    severity: varchar('severity', { length: 20, enum: SEVERITIES }).notNull(),
    diagnosedDate: date('diagnosed_date'),
    notes: text('notes').notNull().default(''),
    ...auditColumns(() => users.id),
  },
  (t) => [index('allergies_pet_idx').on(t.petId)],
);

export const ROUTES = ['oral', 'injection', 'topical', 'ophthalmic', 'otic', 'inhaled'] as const;

export const medications = vetClinic.table(
  'medications',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    dosage: varchar('dosage', { length: 100 }).notNull(),
    frequency: varchar('frequency', { length: 100 }).notNull(),
    route: varchar('route', { length: 50, enum: ROUTES }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    isOngoing: boolean('is_ongoing').notNull().default(false),
    prescribedBy: userRef('prescribed_by'),
    notes: text('notes').notNull().default(''),
    ...auditColumns(() => users.id),
  },
  (t) => [
    index('medications_pet_idx').on(t.petId, t.startDate),
    check('medications_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Clinic-editable vaccination protocol per species (seeded with WSAVA core series and rabies). */
export const vaccineProtocols = vetClinic.table('vaccine_protocols', {
  code: varchar('code', { length: 50 }).primaryKey(),
  species: varchar('species', { length: 20, enum: SPECIES }).notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  category: varchar('category', { length: 20, enum: ['core', 'non_core', 'rabies'] }).notNull(),
  firstDoseWeeks: smallint('first_dose_weeks').notNull(),
  seriesIntervalWeeks: smallint('series_interval_weeks').notNull(),
  seriesUntilWeeks: smallint('series_until_weeks').notNull(),
  /** Doses for an adult of unknown history (1 for most, 2 for a killed vaccine). */
  adultInitialDoses: smallint('adult_initial_doses').notNull().default(1),
  firstBoosterMonths: smallint('first_booster_months').notNull(),
  boosterIntervalMonths: smallint('booster_interval_months').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  notes: text('notes').notNull().default(''),
});

/**
 * One row per (pet, vaccine, dose) announced by the daily job, so `vaccination_due` is raised once
 * per dose even when the due date moves (a pet of unknown age is "due today" every day).
 */
export const vaccinationDueNotices = vetClinic.table(
  'vaccination_due_notices',
  {
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    protocolCode: varchar('protocol_code', { length: 50 }).notNull(),
    dose: varchar('dose', { length: 10, enum: ['primary', 'booster'] }).notNull(),
    doseNumber: smallint('dose_number').notNull(),
    dueDate: date('due_date').notNull(),
    noticedAt: createdAt(),
  },
  (t) => [unique('vaccination_due_notices_unique').on(t.petId, t.protocolCode, t.dose, t.doseNumber)],
);

/** Plain varchar with a TypeScript enum: adding a destination needs no migration. */
export const TRAVEL_DESTINATIONS = DESTINATIONS;

export const travelPlans = vetClinic.table('travel_plans', {
  id: id(),
  petId: integer('pet_id')
    .notNull()
    .references(() => pets.id, { onDelete: 'cascade' }),
  destination: varchar('destination', { length: 10, enum: TRAVEL_DESTINATIONS }).notNull(),
  travelDate: date('travel_date').notNull(),
  checklist: jsonb('checklist').notNull(),
  createdBy: userRef('created_by').notNull(),
  createdAt: createdAt(),
});

/** Rabies antibody test results (FAVN/RFFIT), which destinations such as Japan ask for before entry. */
export const rabiesTitreTests = vetClinic.table(
  'rabies_titre_tests',
  {
    id: id(),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'cascade' }),
    sampledOn: date('sampled_on').notNull(),
    resultIuPerMl: numeric('result_iu_per_ml', { precision: 6, scale: 2 }).notNull(),
    laboratory: varchar('laboratory', { length: 200 }).notNull().default(''),
    recordedBy: userRef('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rabies_titre_tests_pet_idx').on(t.petId, t.sampledOn), check('rabies_titre_tests_result_non_negative', sql`${t.resultIuPerMl} >= 0`)],
);

export const healthCertificates = vetClinic.table('health_certificates', {
  id: id(),
  travelPlanId: integer('travel_plan_id')
    .notNull()
    .references(() => travelPlans.id, { onDelete: 'cascade' }),
  certificateNumber: varchar('certificate_number', { length: 40 }).notNull().unique(),
  issuedBy: userRef('issued_by').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  validUntil: date('valid_until').notNull(),
  pdf: text('pdf').notNull(),
});

export const VISIT_ITEM_KINDS = ['vaccine', 'medication', 'procedure', 'lab_test', 'hospital_day'] as const;
export type VisitItemKind = (typeof VISIT_ITEM_KINDS)[number];

/**
 * Something done in a visit that has a price: a catalogue service (appointments) or product (store),
 * named by id only, since those modules come after this one. Billing matches it to invoice lines.
 */
export const visitItems = vetClinic.table(
  'visit_items',
  {
    id: id(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 20, enum: VISIT_ITEM_KINDS }).notNull(),
    serviceTypeId: integer('service_type_id'),
    productId: integer('product_id'),
    quantity: numeric('quantity', { precision: 10, scale: 2 }).notNull().default('1'),
    note: text('note').notNull().default(''),
    /** The vaccination this item charges for, when it was recorded with the vaccine's product or service. */
    vaccinationId: integer('vaccination_id').references(() => vaccinationRecords.id, { onDelete: 'set null' }),
    recordedBy: userRef('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('visit_items_visit_idx').on(t.visitId),
    check('visit_items_one_catalogue_entry', sql`(${t.serviceTypeId} is null) <> (${t.productId} is null)`),
    check('visit_items_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const vetClinicTables = {
  pets,
  medicalRecords,
  visits,
  visitAddenda,
  declinedRecommendations,
  clinicalNotes,
  vitalSigns,
  vaccinationRecords,
  allergies,
  medications,
  vaccineProtocols,
  vaccinationDueNotices,
  travelPlans,
  rabiesTitreTests,
  healthCertificates,
  visitItems,
};
