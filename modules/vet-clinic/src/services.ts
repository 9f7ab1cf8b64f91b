import type { Actor, ModuleContext, StaffActor } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import { type VetClinicSockets, vetClinicSockets } from './dashboard';
import { createDeclinedService } from './declined.service';
import type { UserDirectory } from './directory';
import { createMedicalRecordService } from './medical-record.service';
import { createPetService } from './pet.service';
import { createPetFacts } from './pet-facts';
import { createPetImport } from './pet-import';
import { createPetSummary } from './pet-summary';
import { createVetClinicPrivacy } from './privacy';
import { createTravelCertificateService } from './travel-certificate.service';
import type { VetClinicSettings } from './vet-clinic.settings';
import { createVisitItemService } from './visit-items.service';

export function createVetClinicServices(
  ctx: ModuleContext,
  directory: UserDirectory,
  settings: VetClinicSettings,
  sockets: Readonly<VetClinicSockets> = vetClinicSockets,
) {
  const petService = createPetService(ctx, directory, settings);
  const visitItems = createVisitItemService(ctx, petService, settings);
  const records = createMedicalRecordService(ctx, petService, directory, settings, visitItems);
  const pets = { ...petService, getPetSummary: createPetSummary(ctx, petService, records, directory), petFacts: createPetFacts(ctx, records) };
  const travel = createTravelCertificateService(ctx, petService, records, directory);
  const declined = createDeclinedService(ctx);
  /** What other modules ask of staff on the dashboard (setup: what is missing). */
  const dashboard = { notices: async (actor: Actor) => (await Promise.all(sockets.dashboard.map((notices) => notices(actor)))).flat() };
  /** What other modules show on a pet's chart, in the order they were filled. */
  const chartPanels = (page: PageContext, actor: StaffActor, petId: number) => Promise.all(sockets.chart.map((panel) => panel(page, actor, petId)));
  /** Billing's view of the visits' charges, read when a page asks (the socket is filled after start-up). */
  const charges = () => sockets.charges;
  /** Marketing's follow-ups of declined services, read when the chart asks (none without marketing). */
  const followUps = () => sockets.followUps;
  return {
    pets,
    records,
    travel,
    declined,
    dashboard,
    chartPanels,
    visitItems,
    charges,
    followUps,
    petImport: createPetImport(ctx),
    privacy: createVetClinicPrivacy(ctx),
  };
}

export type VetClinicServices = ReturnType<typeof createVetClinicServices>;
