import { addLocalDays, type LocalDate } from '@petfriendly/core';
import {
  ADDENDA,
  ALLERGIES,
  CHECKUP,
  DEWORMER,
  FINAL_VISIT,
  FLEA_PREVENTION,
  INTERNAL_NOTES,
  NEUTER,
  PUBLIC_NOTES,
  WEIGHT_CONTROL,
  WELLNESS,
} from './catalog-care';
import { COMPLAINTS, type Complaint, type VisitTemplate } from './catalog-clinical';
import { doseLabel, mexicanDate, type SeedWorld, type WrittenVisit, writeMedication, writeNote, writeRecord, writeVaccination, writeVisit } from './clinic';
import type { PetPlan } from './pets';
import { addMonths, ageInMonths, fill, minDate, openDay } from './random';
import type { HistoryRows } from './rows';
import { simulateVaccinations, type VaccinationVisit } from './vaccines';
import { describeVitals, vitalsFor } from './vitals';

type Event =
  | { kind: 'vaccines'; date: LocalDate; visit: VaccinationVisit }
  | { kind: 'checkup'; date: LocalDate }
  | { kind: 'sick'; date: LocalDate; template: VisitTemplate }
  | { kind: 'neuter'; date: LocalDate }
  | { kind: 'weight'; date: LocalDate; first: boolean }
  | { kind: 'final'; date: LocalDate };

export interface PetOutcome {
  weightKg: string | null;
  lastVisit: Date | null;
}

const STITCHES: VisitTemplate = {
  reason: 'Retiro de puntos',
  subjective: ['Se recuperó bien de la cirugía; come normal.'],
  findings: ['Herida quirúrgica cicatrizada, sin inflamación.'],
  assessment: 'Evolución posquirúrgica favorable.',
  plan: 'Se retiran puntos. Alta.',
};

/** Three years (or a lifetime) of visits for one pet, following its plan. */
export function writeHistory(world: SeedWorld, rows: HistoryRows, plan: PetPlan, pet: number): PetOutcome {
  const { rng, today } = world;
  const last = minDate(plan.activeUntil, addLocalDays(today, -1));
  const events: Event[] = [];

  for (const visit of simulateVaccinations(rng, plan.protocols, plan.dob, plan.patientSince, minDate(plan.vaccinesUntil, last), today)) {
    events.push({ kind: 'vaccines', date: visit.date, visit });
  }
  if (plan.species === 'rabbit' || plan.species === 'bird') {
    for (let date = plan.patientSince; date <= last; date = openDay(addLocalDays(addMonths(date, 12), rng.int(-20, 20)))) {
      events.push({ kind: 'checkup', date });
    }
  }
  if (plan.neuteredOn && plan.neuteredOn >= plan.patientSince && plan.neuteredOn <= last) {
    events.push({ kind: 'neuter', date: plan.neuteredOn });
    events.push({ kind: 'sick', date: openDay(addLocalDays(plan.neuteredOn, 10)), template: STITCHES });
  }
  const years = Math.max(0, (Date.parse(last) - Date.parse(plan.patientSince)) / 31_557_600_000);
  const sickVisits = Math.max(0, Math.round(years * plan.sickPerYear + rng.float(-0.5, 0.5)));
  for (let i = 0; i < sickVisits; i++) {
    const date = openDay(rng.dateBetween(plan.patientSince, last));
    const complaint = chooseComplaint(world, plan, date);
    if (!complaint) continue;
    events.push({ kind: 'sick', date, template: complaint });
    if (complaint.followUp && rng.chance(0.5))
      events.push({ kind: 'sick', date: openDay(addLocalDays(date, complaint.followUp.days)), template: complaint.followUp });
  }
  if (plan.body.dietFrom) {
    for (let date = plan.body.dietFrom, n = 0; date <= last && n < 4; date = openDay(addLocalDays(date, rng.int(50, 75))), n++) {
      events.push({ kind: 'weight', date, first: n === 0 });
    }
  }
  if (plan.deceasedOn) events.push({ kind: 'final', date: plan.deceasedOn });

  // One visit per day; nothing after the last day (the final visit is the last of all).
  const rank = (e: Event) => (e.kind === 'vaccines' ? 0 : e.kind === 'final' ? 2 : 1);
  events.sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b));
  const used = new Set<LocalDate>();
  const end = plan.deceasedOn ?? last;
  const outcome: PetOutcome = { weightKg: null, lastVisit: null };
  let allergyWritten = !plan.allergy;
  let first = true;
  for (const event of events) {
    let date = event.date;
    while (event.kind !== 'final' && used.has(date)) date = openDay(addLocalDays(date, 1));
    if (date > end || date >= today || (plan.deceasedOn && event.kind !== 'final' && date >= plan.deceasedOn)) continue;
    used.add(date);
    const written = writeEvent(world, rows, plan, pet, { ...event, date });
    const vitals = rows.vitals[rows.vitals.length - 1];
    if (vitals?.visit === written.index) outcome.weightKg = vitals.weightKg ?? outcome.weightKg;
    outcome.lastVisit = written.at;
    if (first && plan.owner.difficult && !plan.owner.flagged) {
      writeNote(rows, written, world.receptionist.id, INTERNAL_NOTES[0].text, true);
      plan.owner.flagged = true;
    } else if (rng.chance(0.06)) {
      const note = rng.pick(INTERNAL_NOTES);
      writeNote(rows, written, note.billing ? world.receptionist.id : vetOf(rows, written), note.text, true);
    }
    if (rng.chance(0.1)) writeNote(rows, written, vetOf(rows, written), rng.pick(PUBLIC_NOTES), false);
    if (!allergyWritten && event.kind === 'sick' && rng.chance(0.5)) {
      writeAllergy(world, rows, plan, pet, date);
      allergyWritten = true;
    }
    first = false;
  }
  if (!allergyWritten) writeAllergy(world, rows, plan, pet, plan.patientSince);
  return outcome;
}

/** Some days after the visit closed, but never after now. */
function later(world: SeedWorld, visit: WrittenVisit, days: number): Date {
  return new Date(Math.min(visit.closedAt.getTime() + days * 86_400_000, world.now.getTime()));
}

function vetOf(rows: HistoryRows, visit: WrittenVisit): string {
  return rows.visits[visit.index]!.veterinarianId;
}

function chooseComplaint(world: SeedWorld, plan: PetPlan, date: LocalDate): Complaint | null {
  const years = ageInMonths(plan.dob, date) / 12;
  const fits = COMPLAINTS.filter((c) => c.species.includes(plan.species) && (c.minYears ?? 0) <= years && (c.maxYears ?? 99) >= years);
  return fits.length ? world.rng.weighted(fits) : null;
}

function writeAllergy(world: SeedWorld, rows: HistoryRows, plan: PetPlan, pet: number, date: LocalDate) {
  const allergy = world.rng.pick(ALLERGIES.filter((a) => (a.species as readonly string[]).includes(plan.species)));
  rows.allergies.push({ petId: pet, allergen: allergy.allergen, reaction: allergy.reaction, severity: allergy.severity, diagnosedDate: date, notes: '' });
}

function pickVet(world: SeedWorld, plan: PetPlan, kind: Event['kind'] | 'surgery'): string {
  if (kind === 'surgery' || kind === 'neuter') return world.vets[Math.min(1, world.vets.length - 1)]!.id;
  return world.rng.chance(0.7) ? world.vets[plan.vet]!.id : world.rng.pick(world.vets).id;
}

function writeEvent(world: SeedWorld, rows: HistoryRows, plan: PetPlan, pet: number, event: Event): WrittenVisit {
  const { rng } = world;
  const fever = event.kind === 'sick' && !!event.template.fever && rng.chance(0.6);
  const vitals = vitalsFor(plan.body, plan.dob, event.date, fever, rng);
  const kg = Number(vitals.weightKg);
  const base = { pet, date: event.date, vitals };
  const medicate = (med: Parameters<typeof writeMedication>[1]['med'] | undefined, visit: WrittenVisit, vetId: string, stoppedOn?: LocalDate | null) => {
    if (med) writeMedication(rows, { pet, med, kg, start: event.date, prescribedBy: vetId, at: visit.closedAt, stoppedOn });
  };

  switch (event.kind) {
    case 'vaccines': {
      const vetId = pickVet(world, plan, 'vaccines');
      const baby = ageInMonths(plan.dob, event.date) < 6;
      const booster = event.visit.doses.some((d) => d.dose === 'booster');
      const firstVisit = event.date === plan.patientSince;
      const reason = baby
        ? plan.species === 'cat'
          ? 'Vacunación de gatito'
          : 'Vacunación de cachorro'
        : firstVisit
          ? 'Primera consulta y vacunación'
          : booster
            ? 'Revisión anual y vacunación'
            : 'Vacunación';
      const deworm = baby || rng.chance(0.4);
      const next = event.visit.doses.map((d) => d.nextDue).sort()[0]!;
      const visit = writeVisit(world, rows, {
        ...base,
        vetId,
        reason,
        subjective: rng.pick(WELLNESS.subjective),
        objective: `${describeVitals(vitals)} ${WELLNESS.objective}`,
        assessment: WELLNESS.assessment,
        plan: '',
      });
      const given = event.visit.doses.map((dose) => {
        const product = writeVaccination(world, rows, { pet, date: event.date, dose, vetId, at: visit.closedAt });
        return `${dose.protocol.name} (${product.name}, ${doseLabel(dose)})`;
      });
      rows.visits[visit.index]!.plan = `Se aplica: ${given.join('; ')}.${deworm ? ' Desparasitación interna.' : ''} Próxima vacuna: ${mexicanDate(next)}.`;
      if (deworm) medicate(DEWORMER[plan.species], visit, vetId);
      if (plan.fleaPrevention && !rows.medications.some((m) => m.petId === pet && m.name === FLEA_PREVENTION[plan.species]?.name)) {
        const stopped = plan.deceasedOn ?? (plan.activeUntil < addLocalDays(world.today, -60) ? plan.activeUntil : null);
        medicate(FLEA_PREVENTION[plan.species], visit, vetId, stopped);
      }
      return visit;
    }
    case 'checkup': {
      const t = CHECKUP[plan.species as 'rabbit' | 'bird'];
      return writeVisit(world, rows, {
        ...base,
        vetId: pickVet(world, plan, 'checkup'),
        reason: t.reason,
        subjective: t.subjective,
        objective: `${describeVitals(vitals)} ${t.findings}`,
        assessment: 'Paciente sano.',
        plan: t.plan,
      });
    }
    case 'neuter': {
      const vetId = pickVet(world, plan, 'neuter');
      const t = NEUTER[plan.sex];
      const visit = writeVisit(world, rows, {
        ...base,
        vetId,
        reason: t.reason,
        subjective: NEUTER.subjective,
        objective: describeVitals(vitals),
        assessment: 'Cirugía sin complicaciones; recuperación anestésica tranquila.',
        plan: NEUTER.plan,
      });
      writeRecord(rows, pet, event.date, visit, t.record, vetId);
      medicate(NEUTER.painkiller, visit, vetId);
      return visit;
    }
    case 'weight': {
      const vetId = pickVet(world, plan, 'weight');
      const bcs = vitals.bodyConditionScore;
      return writeVisit(world, rows, {
        ...base,
        vetId,
        reason: WEIGHT_CONTROL.reason,
        subjective: event.first ? 'Los dueños notan que subió de peso; le dan premios y comida de la mesa.' : rng.pick(WEIGHT_CONTROL.subjective),
        objective: describeVitals(vitals),
        assessment: event.first ? `Sobrepeso (CC ${bcs}/9).` : WEIGHT_CONTROL.assessment,
        plan: event.first
          ? 'Inicia dieta de control de peso (croqueta light medida), sin premios de la mesa, paseos de 30 minutos diarios.'
          : WEIGHT_CONTROL.plan,
      });
    }
    case 'final': {
      const vetId = pickVet(world, plan, 'final');
      return writeVisit(world, rows, {
        ...base,
        vetId,
        reason: FINAL_VISIT.reason,
        subjective: FINAL_VISIT.subjective,
        objective: `${describeVitals(vitals)} ${FINAL_VISIT.findings}`,
        assessment: FINAL_VISIT.assessment,
        plan: FINAL_VISIT.plan,
      });
    }
    case 'sick': {
      const t = event.template;
      const vetId = pickVet(world, plan, t.record?.type === 'surgery' ? 'surgery' : 'sick');
      const values = { name: plan.name, days: rng.int(2, 6) };
      const visit = writeVisit(world, rows, {
        ...base,
        vetId,
        reason: t.reason,
        subjective: fill(rng.pick(t.subjective), values),
        objective: `${describeVitals(vitals)} ${rng.pick(t.findings)}`,
        assessment: t.assessment,
        plan: t.plan,
      });
      medicate(t.meds?.[plan.species], visit, vetId, plan.deceasedOn);
      if (t.record) {
        writeRecord(rows, pet, event.date, visit, t.record, vetId);
        if (t.record.type === 'lab' && rng.chance(0.4))
          rows.addenda.push({ visit: visit.index, section: 'assessment', content: ADDENDA[2].text, authorId: vetId, createdAt: later(world, visit, 2) });
      } else if (rng.chance(0.05)) {
        const addendum = rng.pick(ADDENDA.slice(0, 2));
        rows.addenda.push({ visit: visit.index, section: addendum.section, content: addendum.text, authorId: vetId, createdAt: later(world, visit, 1) });
      }
      return visit;
    }
  }
}
