import { pageQuerySchema, pageSchema, rowId, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import {
  allergies,
  clinicalNotes,
  declinedRecommendations,
  GENDERS,
  healthCertificates,
  medicalRecords,
  medications,
  pets,
  ROUTES,
  rabiesTitreTests,
  SEVERITIES,
  SOAP_SECTIONS,
  SPECIES,
  TRAVEL_DESTINATIONS,
  travelPlans,
  VISIT_ITEM_KINDS,
  vaccinationRecords,
  vaccineProtocols,
  visitAddenda,
  visitItems,
  visits,
  vitalSigns,
} from './vet-clinic.tables';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const optionalDate = z.preprocess((v) => (v === '' ? null : v), isoDate.nullable().optional());
const optionalText = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));
const decimalString = (max: number) =>
  z.preprocess(
    (v) => (v === '' || v == null ? null : String(v).replace(',', '.')),
    z
      .string()
      .regex(/^\d+(\.\d{1,2})?$/, 'must be a number with up to 2 decimals')
      .refine((s) => Number(s) > 0 && Number(s) <= max, `must be more than 0 and at most ${max}`)
      .nullable(),
  );
const intIn = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(min).max(max).nullable().optional());
const bool = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** A product or a service of the catalogue, as one select posts it: `product:12` or `service:3`. */
const catalogueEntry = z.string().regex(/^(product|service):[1-9]\d{0,8}$/, 'choose a product or a service');
export function catalogueIds(entry: string): { productId: number | null; serviceTypeId: number | null } {
  const [source, id] = entry.split(':') as ['product' | 'service', string];
  return { productId: source === 'product' ? Number(id) : null, serviceTypeId: source === 'service' ? Number(id) : null };
}

/** Pet fields without defaults, so an update touches only what it names. */
const petFields = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  species: z.enum(SPECIES),
  breed: optionalText(100),
  color: optionalText(100),
  dateOfBirth: optionalDate,
  gender: z.enum(GENDERS),
  isNeutered: bool,
  weightKg: decimalString(200).optional(),
  microchipNumber: z.preprocess(
    (v) => (v === '' || v == null ? null : String(v).replace(/\s+/g, '')),
    z
      .string()
      .regex(/^\d{15}$/, 'must be the 15 digits of an ISO 11784 microchip')
      .nullable()
      .optional(),
  ),
  microchipImplantedOn: optionalDate,
  notes: optionalText(5000),
});

export const petCreateSchema = petFields.extend({ gender: petFields.shape.gender.default('unknown'), isNeutered: bool.default(false) });
export type PetCreateData = z.infer<typeof petCreateSchema>;

export const petUpdateSchema = petFields.partial().extend({
  isDeceased: bool.optional(),
  deceasedDate: optionalDate,
  isActive: bool.optional(),
});
export type PetUpdateData = z.infer<typeof petUpdateSchema>;

export const vitalsSchema = z.object({
  weightKg: decimalString(200).optional(),
  temperatureC: z.preprocess(
    (v) => (v === '' || v == null ? null : String(v).replace(',', '.')),
    z
      .string()
      .regex(/^\d{2}(\.\d)?$/, 'must look like 38.5')
      .refine((s) => Number(s) >= 30 && Number(s) <= 45, 'must be between 30 and 45 °C')
      .nullable()
      .optional(),
  ),
  heartRate: intIn(10, 400),
  respiratoryRate: intIn(4, 200),
  bodyConditionScore: intIn(1, 9),
});

export const visitSchema = z.object({
  reason: z.string().trim().min(1, 'is required').max(200),
  visitDate: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.date().optional()),
  subjective: optionalText(20000),
  objective: optionalText(20000),
  assessment: optionalText(20000),
  plan: optionalText(20000),
  vitals: vitalsSchema.optional(),
  close: bool.default(false),
});
export type VisitData = z.infer<typeof visitSchema>;

export const visitUpdateSchema = z.object({
  subjective: optionalText(20000).optional(),
  objective: optionalText(20000).optional(),
  assessment: optionalText(20000).optional(),
  plan: optionalText(20000).optional(),
  close: bool.optional(),
});

export const addendumSchema = z.object({ section: z.enum(SOAP_SECTIONS), content: z.string().trim().min(1, 'is required').max(20000) });

export const declinedSchema = z.object({ service: z.string().trim().min(2, 'is required').max(200) });
/** The chart's form: the service, and which of the pet's visits it was recommended at. */
export const chartDeclinedSchema = declinedSchema.extend({ visitId: z.coerce.number().int().positive('is required') });

export const clinicalNoteSchema = z.object({
  content: z.string().trim().min(1, 'is required').max(20000),
  isInternal: bool.default(true),
});

export const vaccinationSchema = z.object({
  protocolCode: z.preprocess((v) => (v === '' ? null : v), z.string().max(50).nullable().optional()),
  vaccineName: z.string().trim().min(1, 'is required').max(200),
  vaccineType: optionalText(50),
  manufacturer: optionalText(200),
  lotNumber: optionalText(100),
  administeredDate: isoDate,
  expiryDate: optionalDate,
  nextDueDate: optionalDate,
  givenElsewhere: bool.default(false),
  site: optionalText(100),
  notes: optionalText(5000),
  /** The visit the vaccine was given in, and what it is charged as (a product or a service of the catalogue). */
  visitId: z.preprocess(emptyToUndefined, rowId.optional()),
  chargeAs: z.preprocess(emptyToUndefined, catalogueEntry.optional()),
});
export type VaccinationData = z.infer<typeof vaccinationSchema>;

/** One thing done in a visit with its catalogue entry: `catalogue` is `product:ID` or `service:ID` (the form's one select). */
export const visitItemInput = z
  .object({
    kind: z.enum(VISIT_ITEM_KINDS),
    catalogue: catalogueEntry,
    quantity: z.preprocess(
      (v) => (v === '' || v == null ? '1' : String(v).replace(',', '.')),
      z
        .string()
        .regex(/^\d{1,6}(\.\d{1,2})?$/, 'must be a number with up to 2 decimals')
        .refine((q) => Number(q) > 0, 'must be more than zero'),
    ),
    note: optionalText(500),
  })
  // Products are handed over and invoiced in whole units; services (a hospital day) may be fractional.
  .refine((i) => !i.catalogue.startsWith('product:') || Number.isInteger(Number(i.quantity)), {
    path: ['quantity'],
    message: 'products are counted in whole units',
  });
export const visitItemSchema = visitItemInput.transform(({ catalogue, ...rest }) => ({ ...rest, ...catalogueIds(catalogue) }));

export const allergySchema = z.object({
  allergen: z.string().trim().min(1, 'is required').max(200),
  reaction: optionalText(5000),
  severity: z.enum(SEVERITIES),
  diagnosedDate: optionalDate,
  notes: optionalText(5000),
});

export const medicationSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    dosage: z.string().trim().min(1, 'is required').max(100),
    frequency: z.string().trim().min(1, 'is required').max(100),
    route: z.enum(ROUTES),
    startDate: isoDate,
    endDate: optionalDate,
    isOngoing: bool.default(false),
    notes: optionalText(5000),
  })
  .refine((m) => !m.endDate || m.endDate >= m.startDate, { path: ['endDate'], message: 'must be on or after the start date' });

export const medicalRecordSchema = z.object({
  recordType: z.enum(['exam', 'vaccination', 'surgery', 'lab', 'prescription']),
  date: isoDate,
  title: z.string().trim().min(1, 'is required').max(200),
  description: optionalText(20000),
  diagnosis: optionalText(20000),
  treatment: optionalText(20000),
  notes: optionalText(20000),
  internalNotes: optionalText(20000),
});

export const travelPlanSchema = z.object({
  destination: z.enum(TRAVEL_DESTINATIONS),
  travelDate: isoDate,
});
export type TravelPlanData = z.infer<typeof travelPlanSchema>;

export const rabiesTitreSchema = z.object({
  sampledOn: isoDate.describe('Day the blood sample was taken'),
  resultIuPerMl: z.preprocess(
    (v) => (v == null || v === '' ? undefined : String(v).trim().replace(',', '.')),
    z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'must be a number of IU/ml with up to 2 decimals'),
  ),
  laboratory: optionalText(200),
});

export const petSearchSchema = z.object({
  query: z.string().trim().max(100).default(''),
  species: z.enum(SPECIES).optional(),
  ...pageQuerySchema.shape,
});

const weeks = z.coerce.number().int().min(0).max(520);
/** What the clinic may change in a vaccination protocol. */
export const protocolUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    firstDoseWeeks: weeks,
    seriesIntervalWeeks: weeks.min(1),
    seriesUntilWeeks: weeks,
    adultInitialDoses: z.coerce.number().int().min(1).max(5),
    firstBoosterMonths: z.coerce.number().int().min(1).max(120),
    boosterIntervalMonths: z.coerce.number().int().min(1).max(120),
    isActive: bool,
    notes: optionalText(2000),
  })
  .partial()
  .refine((change) => Object.values(change).some((v) => v !== undefined), 'send at least one field to change');

// ---- What the routes answer ----

export const petOut = rowSchema(pets);
export const petPageOut = pageSchema(petOut.extend({ ownerName: z.string().optional() }));

export const addendumRowOut = rowSchema(visitAddenda);
export const declinedOut = rowSchema(declinedRecommendations);
export const noteRowOut = rowSchema(clinicalNotes);
const noteOut = rowSchema(clinicalNotes).extend({ authorName: z.string() });
const addendumOut = rowSchema(visitAddenda).extend({ authorName: z.string() });
export const visitOut = rowSchema(visits).extend({
  veterinarianName: z.string(),
  locked: z.boolean(),
  vitals: rowSchema(vitalSigns).nullable(),
  notes: z.array(noteOut),
  addenda: z.array(addendumOut),
});
const vaccinationDueOut = z.object({
  protocolCode: z.string(),
  vaccineName: z.string(),
  category: z.enum(['core', 'non_core', 'rabies']),
  dose: z.enum(['primary', 'booster']),
  doseNumber: z.number().int(),
  dueDate: z.string(),
  status: z.enum(['overdue', 'due_soon', 'upcoming']),
});
export const weightsOut = z.array(z.object({ recordedAt: z.date(), weightKg: z.string() }));
export const petSummaryOut = z.object({
  pet: petOut,
  ownerName: z.string(),
  age: z.object({ years: z.number().int(), months: z.number().int(), days: z.number().int() }).nullable(),
  currentWeightKg: z.string().nullable(),
  vaccinationsDue: z.array(vaccinationDueOut),
  overdueVaccinations: z.number().int(),
  allergies: z.array(z.object({ allergen: z.string(), severity: z.enum(SEVERITIES) })),
  currentMedications: z.array(z.object({ name: z.string(), dosage: z.string(), frequency: z.string() })),
  lastVisit: z.object({ date: z.date(), reason: z.string(), veterinarian: z.string() }).nullable(),
});
export const vaccinationsOut = z.object({ given: z.array(rowSchema(vaccinationRecords)), due: z.array(vaccinationDueOut) });
export const allergyOut = rowSchema(allergies);
export const medicationOut = rowSchema(medications);
export const visitItemOut = rowSchema(visitItems);
export const medicalRecordOut = rowSchema(medicalRecords).partial({ internalNotes: true });
export const protocolOut = rowSchema(vaccineProtocols);
const checklistItemOut = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  dueBy: z.string().nullable(),
  status: z.enum(['done', 'pending', 'overdue', 'blocked']),
  mandatory: z.boolean(),
});
const checklistOut = z.object({ items: z.array(checklistItemOut), feasible: z.boolean(), earliestFeasibleDate: z.string().nullable() });
const ruleSourceOut = z
  .object({ authority: z.string(), url: z.string().url(), checkedOn: z.string().describe('Year and month the rules were checked (YYYY-MM)') })
  .describe('The official source of the destination’s rules');
export const travelRequirementsOut = z.object({
  destination: z.enum(TRAVEL_DESTINATIONS),
  species: z.string(),
  allowed: z.boolean(),
  requirements: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), mandatory: z.boolean() })),
  certificateValidityDays: z.number().int(),
  notes: z.array(z.string()),
  source: ruleSourceOut,
  pet: z.object({ id: z.number().int(), name: z.string(), microchipNumber: z.string().nullable(), rabiesDoses: z.array(z.string()) }).optional(),
});
export const travelPlanOut = rowSchema(travelPlans, { checklist: z.unknown().describe('The checklist as it stood when the plan was made') });
export const certificateOut = rowSchema(healthCertificates);
export const rabiesTitreOut = rowSchema(rabiesTitreTests);
const certificateWindowOut = z
  .object({
    from: z.string().describe('First day the certificate may be issued'),
    to: z.string().describe('Last day (the travel date)'),
    inWindow: z.boolean(),
    pending: z.array(checklistItemOut).describe('Mandatory items still missing before a vet can sign'),
    open: z.boolean().describe('A vet can sign it today'),
  })
  .nullable()
  .describe('null when we have no rules for the species and destination');
export const travelPlanDetailOut = travelPlanOut.extend({
  pet: petOut,
  checklist: checklistOut,
  certificate: certificateOut.nullable(),
  certificateWindow: certificateWindowOut,
  source: ruleSourceOut,
});
export const newTravelPlanOut = travelPlanOut.extend({ checklist: checklistOut });
export const visitPageOut = pageSchema(visitOut);
export const visitRowOut = rowSchema(visits);
export const vaccinationRowOut = rowSchema(vaccinationRecords);
