import type { Actor, ModuleContext } from '@petfriendly/core';
import { type VetClinicSockets, vetClinicSockets } from './dashboard';
import type { UserDirectory } from './directory';
import { createMedicalRecordService } from './medical-record.service';
import { createPetService } from './pet.service';
import { createPetFacts } from './pet-facts';
import { createPetSummary } from './pet-summary';
import { createVetClinicPrivacy } from './privacy';
import { createTravelCertificateService } from './travel-certificate.service';
import type { VetClinicSettings } from './vet-clinic.settings';

export function createVetClinicServices(
  ctx: ModuleContext,
  directory: UserDirectory,
  settings: VetClinicSettings,
  sockets: Readonly<VetClinicSockets> = vetClinicSockets,
) {
  const petService = createPetService(ctx, directory, settings);
  const records = createMedicalRecordService(ctx, petService, directory, settings);
  const pets = { ...petService, getPetSummary: createPetSummary(ctx, petService, records, directory), petFacts: createPetFacts(ctx, records) };
  const travel = createTravelCertificateService(ctx, petService, records, directory);
  /** What other modules ask of staff on the dashboard (setup: what is missing). */
  const dashboard = { notices: async (actor: Actor) => (await Promise.all(sockets.dashboard.map((notices) => notices(actor)))).flat() };
  return { pets, records, travel, dashboard, privacy: createVetClinicPrivacy(ctx) };
}

export type VetClinicServices = ReturnType<typeof createVetClinicServices>;
