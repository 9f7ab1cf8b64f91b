import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { addLocalMonths } from '../vaccination/dates';
import { assessRabies, assessTitre, deadlineStatus, firstDoseLeadDays } from './rabies';
import { type DatedStep, type Destination, MICROCHIP_STANDARD, type SpeciesTravelRule, speciesRule } from './requirements';

export interface TravelPet {
  species: string;
  dateOfBirth: LocalDate | null;
  microchipNumber: string | null;
  microchipImplantedOn: LocalDate | null;
  /** Administered dates. */
  rabiesDoses: LocalDate[];
  /** Rabies antibody test results (IU/ml) by blood sample date. */
  rabiesTitres: { sampledOn: LocalDate; iuPerMl: number }[];
}

export type ChecklistStatus = 'done' | 'pending' | 'overdue' | 'blocked';

export interface ChecklistItem {
  /** i18n key suffix: the message is `travel.<key>`. */
  key: string;
  params: Record<string, string | number>;
  dueBy: LocalDate | null;
  status: ChecklistStatus;
  /** Recommended items (mandatory=false) never make the trip infeasible. */
  mandatory: boolean;
}

export interface TravelChecklistInput {
  destination: Destination;
  /** Date of arrival at the destination (departure from Mexico assumed the same day). */
  travelDate: LocalDate;
  today: LocalDate;
  pet: TravelPet;
}

export interface TravelChecklist {
  items: ChecklistItem[];
  feasible: boolean;
  /** Only when not feasible: the first date from today on which the trip would be feasible. */
  earliestFeasibleDate: LocalDate | null;
}

/** Longest wait we look ahead for (Japan: chip, two doses, a titre and 180 days take ~7 months). */
const SEARCH_DAYS = 730;

function stepItem(step: DatedStep, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const dueBy = addLocalDays(travelDate, -step.toDays);
  const params: Record<string, string> = step.fromDays === null ? { to: dueBy } : { from: addLocalDays(travelDate, -step.fromDays), to: dueBy };
  // Documents and treatments are not tracked, so they stay pending; a soft deadline can still be met on the travel day.
  const status = deadlineStatus(dueBy, step.hardDeadline ? dueBy : travelDate, today);
  return { key: `checklist.${step.key}`, params, dueBy, status, mandatory: step.mandatory };
}

function minAgeItem(months: number, pet: TravelPet, travelDate: LocalDate): ChecklistItem {
  if (!pet.dateOfBirth) {
    return { key: 'checklist.min_age_confirm', params: { months }, dueBy: null, status: 'pending', mandatory: true };
  }
  const date = addLocalMonths(pet.dateOfBirth, months);
  const status = date <= travelDate ? 'done' : 'blocked';
  return { key: 'checklist.min_age', params: { months, date }, dueBy: null, status, mandatory: true };
}

function microchipItem(rule: SpeciesTravelRule, pet: TravelPet, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const mandatory = rule.microchip?.mandatory ?? false;
  const number = pet.microchipNumber?.trim() ?? '';
  const afterChip = rule.rabies?.afterMicrochip ?? false;
  // EU, GB, Japan: the chip must precede the first rabies dose, so its deadline is that dose's.
  // Elsewhere it is due before the documents that quote its number (the CDC form).
  const toDays =
    afterChip && rule.rabies ? firstDoseLeadDays(rule.rabies, rule.titre) : Math.max(1, ...rule.steps.filter((s) => s.mandatory).map((s) => s.toDays));
  const dueBy = addLocalDays(travelDate, -toDays);
  const latest = afterChip ? dueBy : travelDate;
  if (number && afterChip && !pet.microchipImplantedOn) {
    const params = { number, dueBy };
    return { key: 'checklist.microchip_date_missing', params, dueBy, status: 'pending', mandatory };
  }
  if (number) return { key: 'checklist.microchip', params: { number }, dueBy: null, status: 'done', mandatory };
  const params = { standard: MICROCHIP_STANDARD, dueBy };
  return { key: 'checklist.microchip_needed', params, dueBy, status: deadlineStatus(dueBy, latest, today), mandatory };
}

function evaluate(input: TravelChecklistInput): Omit<TravelChecklist, 'earliestFeasibleDate'> {
  const { destination, travelDate, today, pet } = input;
  const rule = speciesRule(destination, pet.species);
  if (!rule) {
    const item: ChecklistItem = {
      key: 'checklist.species_not_covered',
      params: { species: pet.species },
      dueBy: null,
      status: 'blocked',
      mandatory: true,
    };
    return { items: [item], feasible: false };
  }
  const items: ChecklistItem[] = [];
  if (rule.minAgeMonths !== null) items.push(minAgeItem(rule.minAgeMonths, pet, travelDate));
  if (rule.microchip) items.push(microchipItem(rule, pet, travelDate, today));
  if (rule.rabies) items.push(assessRabies(rule.rabies, rule.titre, pet, travelDate, today));
  if (rule.rabies && rule.titre) items.push(assessTitre(rule.titre, rule.rabies, pet, travelDate, today));
  for (const step of rule.steps) items.push(stepItem(step, travelDate, today));
  const cert = rule.certificate;
  items.push(stepItem({ key: cert.key, mandatory: cert.mandatory, fromDays: cert.withinDays, toDays: 1, hardDeadline: false }, travelDate, today));
  const feasible = !items.some((i) => i.mandatory && i.status === 'blocked');
  return { items, feasible };
}

/** Checklist worked back from the travel date; when infeasible, also the earliest feasible date. */
export function buildTravelChecklist(input: TravelChecklistInput): TravelChecklist {
  const result = evaluate(input);
  if (result.feasible) return { ...result, earliestFeasibleDate: null };
  if (!speciesRule(input.destination, input.pet.species)) return { ...result, earliestFeasibleDate: null };
  // Searching day by day keeps the answer consistent with the rules above, whatever combination blocks.
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const candidate = addLocalDays(input.today, offset);
    if (evaluate({ ...input, travelDate: candidate }).feasible) {
      return { ...result, earliestFeasibleDate: candidate };
    }
  }
  return { ...result, earliestFeasibleDate: null };
}
