import { addLocalDays, daysBetween, type LocalDate } from '@petfriendly/core';
import type { pets } from '@petfriendly/vet-clinic/tables';
import { AGE_BANDS, BREEDS, type Breed, DEFAULT_COLORS, PET_NAMES, SPECIES_SHARE, type Species } from './catalog-pets';
import type { SeedWorld } from './clinic';
import type { OwnerPlan } from './people';
import { addMonths, addWeeks, maxDate, minDate, openDay } from './random';
import type { ProtocolRule } from './vaccines';
import type { Body } from './vitals';

export type PetRow = typeof pets.$inferInsert;

/** One pet and the shape of its story, decided before any row is written. */
export interface PetPlan {
  owner: OwnerPlan;
  row: PetRow;
  name: string;
  species: Species;
  sex: 'male' | 'female';
  dob: LocalDate;
  body: Body;
  /** Surgery at this clinic when inside the patient period. */
  neuteredOn: LocalDate | null;
  patientSince: LocalDate;
  /** Last day the pet may visit (yesterday, when the family stopped coming, or its death). */
  activeUntil: LocalDate;
  /** After this the family stopped vaccinating: boosters due later end up overdue. */
  vaccinesUntil: LocalDate;
  deceasedOn: LocalDate | null;
  protocols: ProtocolRule[];
  vet: number;
  sickPerYear: number;
  fleaPrevention: boolean;
  allergy: boolean;
}

const PETS_PER_OWNER = [
  { value: 1, weight: 64 },
  { value: 2, weight: 26 },
  { value: 3, weight: 8 },
  { value: 4, weight: 2 },
];

const OPTIONAL_PROTOCOLS: Record<string, number> = { 'dog.lepto': 0.35, 'dog.bordetella': 0.2, 'cat.felv': 0.25 };

/** ~1.5 pets per owner: mostly dogs and cats, a few rabbits and birds, with believable ages and habits. */
export function planPets(world: SeedWorld, owners: OwnerPlan[], usedChips: Set<string>): PetPlan[] {
  const plans: PetPlan[] = [];
  for (const owner of owners) {
    const names = new Set<string>();
    const count = world.rng.weighted(PETS_PER_OWNER).value;
    for (let i = 0; i < count; i++) plans.push(planPet(world, owner, names, usedChips));
    owner.since = plans.filter((p) => p.owner === owner).reduce<LocalDate>((a, p) => minDate(a, p.patientSince), world.today);
  }
  return plans;
}

function planPet(world: SeedWorld, owner: OwnerPlan, names: Set<string>, usedChips: Set<string>): PetPlan {
  const { rng, today } = world;
  const species = rng.weighted(SPECIES_SHARE).value;
  const breed: Breed = rng.weighted(BREEDS[species]);
  let name = rng.pick(PET_NAMES[species]);
  while (names.has(name)) name = rng.pick(PET_NAMES[species]);
  names.add(name);
  const [minAge, maxAge] = rng.weighted(AGE_BANDS[species]).value;
  const ageYears = rng.float(minAge, maxAge);
  const dob = addLocalDays(today, -Math.round(ageYears * 365.25));
  const sex = rng.chance(0.5) ? ('female' as const) : ('male' as const);

  // When they became patients: as puppies/kittens, or as adults sometime in the last three years.
  const windowStart = addLocalDays(today, -3 * 365);
  const asBaby = addWeeks(dob, rng.int(7, 10));
  let patientSince: LocalDate;
  if (asBaby >= windowStart && rng.chance(0.8)) patientSince = asBaby;
  else if (asBaby >= windowStart) patientSince = rng.dateBetween(asBaby, addLocalDays(today, -20));
  else patientSince = rng.chance(0.55) ? rng.dateBetween(windowStart, addLocalDays(windowStart, 180)) : rng.dateBetween(windowStart, addLocalDays(today, -45));
  patientSince = openDay(minDate(patientSince, addLocalDays(today, -4)));

  // How well the family keeps up: on time, somewhat late, or gone quiet.
  let activeUntil = addLocalDays(today, -1);
  let vaccinesUntil: LocalDate;
  const compliance = rng.float(0, 1);
  const quietSpan = daysBetween(patientSince, addLocalDays(today, -200));
  if (compliance < 0.55) vaccinesUntil = addLocalDays(today, -rng.int(0, 25));
  else if (compliance < 0.8 || quietSpan < 60) vaccinesUntil = addLocalDays(today, -rng.int(30, 160));
  else {
    vaccinesUntil = addLocalDays(patientSince, rng.int(30, quietSpan));
    activeUntil = addLocalDays(vaccinesUntil, rng.int(0, 120));
  }

  let deceasedOn: LocalDate | null = null;
  const deathChance = ageYears >= 11 ? 0.15 : ageYears >= 8 ? 0.04 : 0;
  if (rng.chance(deathChance)) {
    const from = maxDate(addLocalDays(patientSince, 120), addLocalDays(today, -600));
    if (from < addLocalDays(today, -10)) {
      deceasedOn = openDay(rng.dateBetween(from, addLocalDays(today, -10)));
      activeUntil = deceasedOn;
      vaccinesUntil = minDate(vaccinesUntil, addLocalDays(deceasedOn, -30));
    }
  }

  const canNeuter = (species === 'dog' || species === 'cat') && ageYears >= 0.7;
  const isNeutered = canNeuter ? rng.chance(species === 'cat' ? 0.75 : 0.55) : species === 'rabbit' && rng.chance(0.2);
  const neuterDay = isNeutered && canNeuter ? openDay(addMonths(dob, rng.int(6, 14))) : null;
  const neuteredOn = neuterDay && neuterDay < addLocalDays(today, -12) ? neuterDay : null;

  const overweight = (species === 'dog' || species === 'cat') && ageYears > 2 && rng.chance(0.2);
  const adultFrom = addMonths(dob, breed.matureMonths + 12);
  const dietStart = maxDate(addLocalDays(patientSince, 60), adultFrom);
  const body: Body = {
    species,
    adultKg: rng.float(breed.kg[0], breed.kg[1]),
    matureMonths: breed.matureMonths,
    driftPerYear: overweight ? rng.float(0.03, 0.07) : rng.normal(0.004, 0.01),
    seniorYears: breed.seniorYears,
    dietFrom:
      overweight && rng.chance(0.5) && dietStart < addLocalDays(activeUntil, -60) ? openDay(rng.dateBetween(dietStart, addLocalDays(activeUntil, -60))) : null,
  };

  let microchip: string | null = null;
  let chippedOn: LocalDate | null = null;
  if (rng.chance(species === 'dog' ? 0.35 : species === 'cat' ? 0.15 : 0)) {
    do microchip = `${rng.pick(['484', '900', '941', '977', '985'])}${rng.digits(12)}`;
    while (usedChips.has(microchip));
    usedChips.add(microchip);
    const earliest = maxDate(addWeeks(dob, 8), patientSince);
    chippedOn = earliest < today ? rng.dateBetween(earliest, minDate(activeUntil, addLocalDays(today, -1))) : null;
  }

  const protocols = world.protocols.filter(
    (p) => p.species === species && (OPTIONAL_PROTOCOLS[p.code] === undefined || rng.chance(OPTIONAL_PROTOCOLS[p.code]!)),
  );
  const cat = world.vets.length > 2 && species === 'cat' && rng.chance(0.6);
  const sickBase = ageYears >= 8 ? 1.2 : ageYears < 1 ? 0.9 : 0.6;

  return {
    owner,
    name,
    species,
    sex,
    dob,
    body,
    neuteredOn,
    patientSince,
    activeUntil,
    vaccinesUntil,
    deceasedOn,
    protocols,
    vet: cat ? 2 : rng.int(0, world.vets.length - 1),
    sickPerYear: sickBase * rng.float(0.3, 1.6),
    fleaPrevention: (species === 'dog' || species === 'cat') && rng.chance(0.3),
    allergy: (species === 'dog' || species === 'cat') && rng.chance(0.07),
    row: {
      ownerId: owner.id,
      name,
      species,
      breed: breed.name,
      color: rng.pick(breed.colors ?? DEFAULT_COLORS[species]),
      dateOfBirth: dob,
      gender: sex,
      isNeutered,
      weightKg: null,
      microchipNumber: microchip,
      microchipImplantedOn: chippedOn,
      notes: '',
      isDeceased: deceasedOn !== null,
      deceasedDate: deceasedOn,
      createdAt: new Date(`${patientSince}T17:00:00Z`),
    },
  };
}
