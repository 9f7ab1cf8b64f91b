import type { ModuleContext } from '@petfriendly/core';
import type { UserDirectory } from './directory';
import { createMedicalRecordService } from './medical-record.service';
import { createPetService } from './pet.service';
import { createPetSummary } from './pet-summary';
import { createTravelCertificateService } from './travel-certificate.service';
import type { VetClinicSettings } from './vet-clinic.settings';

export function createVetClinicServices(ctx: ModuleContext, directory: UserDirectory, settings: VetClinicSettings) {
  const petService = createPetService(ctx, directory, settings);
  const records = createMedicalRecordService(ctx, petService, directory, settings);
  const pets = { ...petService, getPetSummary: createPetSummary(ctx, petService, records, directory) };
  const travel = createTravelCertificateService(ctx, petService, records, directory);
  return { pets, records, travel };
}

export type VetClinicServices = ReturnType<typeof createVetClinicServices>;
