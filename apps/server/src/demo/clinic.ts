import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { VACCINE_PRODUCTS } from './catalog-care';
import type { MedTemplate, RecordTemplate } from './catalog-clinical';
import { addMonths, clinicTime, minutesLater, type Rng } from './random';
import type { HistoryRows } from './rows';
import type { GivenDose, ProtocolRule } from './vaccines';
import type { Vitals } from './vitals';

export interface StaffMember {
  id: string;
  name: string;
}

/** What every generator needs: randomness, "today" in the clinic, the staff and the protocols. */
export interface SeedWorld {
  rng: Rng;
  today: LocalDate;
  now: Date;
  timeZone: string;
  /** Veterinarians: [0] Sofía (vet@), [1] the surgeon, [2] the cat and skin vet. */
  vets: StaffMember[];
  receptionist: StaffMember;
  protocols: ProtocolRule[];
}

export interface WrittenVisit {
  index: number;
  at: Date;
  closedAt: Date;
}

export interface VisitInput {
  /** The pet's index in the plan (mapped to its id when written). */
  pet: number;
  date: LocalDate;
  vetId: string;
  reason: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  vitals: Vitals | null;
}

/** A closed visit during opening hours, with its vital signs. */
export function writeVisit(world: SeedWorld, rows: HistoryRows, input: VisitInput): WrittenVisit {
  const at = clinicTime(world.rng, input.date, world.timeZone);
  const closedAt = minutesLater(at, world.rng.int(20, 60));
  const index = rows.addVisit({
    petId: input.pet,
    visitDate: at,
    reason: input.reason,
    subjective: input.subjective,
    objective: input.objective,
    assessment: input.assessment,
    plan: input.plan,
    veterinarianId: input.vetId,
    closedAt,
    createdAt: at,
    updatedAt: closedAt,
  });
  if (input.vitals) rows.vitals.push({ visit: index, petId: input.pet, recordedAt: at, recordedBy: input.vetId, ...input.vitals });
  return { index, at, closedAt };
}

export function writeNote(rows: HistoryRows, visit: WrittenVisit, authorId: string, content: string, isInternal: boolean) {
  rows.notes.push({ visit: visit.index, content, isInternal, authorId, createdAt: minutesLater(visit.closedAt, -5) });
}

export function writeRecord(rows: HistoryRows, pet: number, date: LocalDate, visit: WrittenVisit | null, record: RecordTemplate, createdBy: string) {
  rows.records.push({
    visit: visit?.index ?? null,
    petId: pet,
    recordType: record.type,
    date,
    title: record.title,
    description: record.description,
    diagnosis: record.diagnosis,
    internalNotes: record.internalNotes ?? '',
    createdBy,
    createdAt: visit?.closedAt ?? new Date(`${date}T18:00:00Z`),
  });
}

export function dosage(med: MedTemplate, kg: number): string {
  if (typeof med.dose === 'string') return med.dose;
  const mg = kg * med.dose.mgPerKg;
  const rounded = mg >= 10 ? Math.round(mg / 5) * 5 : mg >= 1 ? Math.round(mg * 2) / 2 : Math.round(mg * 100) / 100;
  return `${rounded} mg`;
}

/** A prescription: a course ending after `days`, or an ongoing treatment (stopped on `stoppedOn` if given). */
export function writeMedication(
  rows: HistoryRows,
  input: { pet: number; med: MedTemplate; kg: number; start: LocalDate; prescribedBy: string; at: Date; stoppedOn?: LocalDate | null; notes?: string },
) {
  const { med } = input;
  const ongoing = med.days === 'ongoing' && !input.stoppedOn;
  const endDate = med.days === 'ongoing' ? (input.stoppedOn ?? null) : addLocalDays(input.start, med.days - 1);
  rows.medications.push({
    petId: input.pet,
    name: med.name,
    dosage: dosage(med, input.kg),
    frequency: med.frequency,
    route: med.route,
    startDate: input.start,
    endDate: endDate && endDate < input.start ? input.start : endDate,
    isOngoing: ongoing,
    prescribedBy: input.prescribedBy,
    notes: input.notes ?? '',
    createdAt: input.at,
  });
}

/** The brand the clinic stocked that year; a lot number and expiry to match. */
export function writeVaccination(world: SeedWorld, rows: HistoryRows, input: { pet: number; date: LocalDate; dose: GivenDose; vetId: string; at: Date }) {
  const info = VACCINE_PRODUCTS[input.dose.protocol.code];
  const year = Number(input.date.slice(0, 4));
  const product = info ? info.products[(year + input.dose.protocol.code.length) % info.products.length]! : { name: input.dose.protocol.name, manufacturer: '' };
  const lot = `${product.name.replace(/[^A-Z]/g, '').slice(0, 3) || 'L'}${input.date.slice(2, 4)}${world.rng.digits(4)}`;
  rows.vaccinations.push({
    petId: input.pet,
    protocolCode: input.dose.protocol.code,
    vaccineName: product.name,
    vaccineType: info?.type ?? '',
    manufacturer: product.manufacturer,
    lotNumber: lot,
    administeredDate: input.date,
    expiryDate: `${addMonths(input.date, world.rng.int(6, 18)).slice(0, 8)}01`,
    nextDueDate: input.dose.nextDue,
    administeredBy: input.vetId,
    givenElsewhere: false,
    site: info?.site ?? '',
    notes: world.rng.chance(0.1) ? 'Sin reacciones adversas tras 20 minutos de observación.' : '',
    createdAt: input.at,
  });
  return product;
}

/** 15/03/2026, as dates are written in Mexico. */
export function mexicanDate(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function doseLabel(dose: GivenDose): string {
  return dose.dose === 'primary' ? `${dose.doseNumber}.ª dosis` : 'refuerzo';
}
