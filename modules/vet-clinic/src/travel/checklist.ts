import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { addLocalMonths } from '../vaccination/dates';
import { assessRabies, deadlineStatus } from './rabies';
import { type Destination, MICROCHIP_STANDARD, type SpeciesTravelRule, speciesRule } from './requirements';

export interface TravelPet {
  species: string;
  dateOfBirth: LocalDate | null;
  microchipNumber: string | null;
  microchipImplantedOn: LocalDate | null;
  /** Administered dates. */
  rabiesDoses: LocalDate[];
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

/** Longest wait we look ahead for (a newborn puppy to the US needs ~6 months). */
const SEARCH_DAYS = 730;

function windowItem(key: string, mandatory: boolean, fromDays: number, toDays: number, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const from = addLocalDays(travelDate, -fromDays);
  const dueBy = addLocalDays(travelDate, -toDays);
  // Documents are not tracked, so they stay pending; issuing one on the travel day is still possible.
  return { key, params: { from, to: dueBy }, dueBy, status: deadlineStatus(dueBy, travelDate, today), mandatory };
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
  // EU: the chip must precede the rabies shot, so its deadline is the rabies one.
  const wait = afterChip ? (rule.rabies?.waitDaysAfterPrimary ?? 0) : 0;
  const toDays = afterChip ? wait : rule.cdcDogImportForm ? rule.cdcDogImportForm.toDays : 1;
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
  if (rule.rabies) items.push(assessRabies(rule.rabies, pet, travelDate, today));
  if (rule.cdcDogImportForm) {
    const { fromDays, toDays } = rule.cdcDogImportForm;
    items.push(windowItem('checklist.cdc_dog_import_form', true, fromDays, toDays, travelDate, today));
  }
  const cert = rule.certificate;
  items.push(windowItem(`checklist.${cert.key}`, cert.mandatory, cert.withinDays, 1, travelDate, today));
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
