import type { VetClinicServices } from './services';

/** An owner's pets, one pet, pets named by id in one batch, and the staff's pet search (appointments, store, billing). */
export type PetsPort = { pets: Pick<VetClinicServices['pets'], 'getPet' | 'getUserPets' | 'petsByIds' | 'searchPets'> };

/** Reading a pet's record: medications, visits and the vaccination schedule (appointments, store). */
export type RecordsPort = { records: Pick<VetClinicServices['records'], 'getMedications' | 'getVisitHistory' | 'getVaccinationSchedule' | 'getAllergies'> };

/** Facts about pets in one batch, for modules that keep their own copy from the events (the CRM). */
export type PetFactsPort = { pets: Pick<VetClinicServices['pets'], 'petFacts' | 'getUserPets'> };

/** One visit of the record (the consent forms attach to it). */
export type VisitsPort = { records: Pick<VetClinicServices['records'], 'getVisit'> };

/** What was done in visits that has a price, for billing's charge capture. */
export type ChargeableItemsPort = {
  visitItems: Pick<VetClinicServices['visitItems'], 'chargeableItems' | 'chargeableItemsByIds' | 'chargeableItemsOfPet' | 'chargeableItemsBetween'>;
};

/** What a data import uses: pets, vaccinations and past visits created one by one, owners' pets found in a batch, and undo. */
export type PetImportPort = {
  pets: Pick<VetClinicServices['pets'], 'createPet'>;
  records: Pick<VetClinicServices['records'], 'addVaccination' | 'addImportedVisit' | 'checkImportedVisit'>;
  petImport: VetClinicServices['petImport'];
};
