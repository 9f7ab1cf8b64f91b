import { ownerCreated } from '@petfriendly/accounts';
import { clinicInstant, type LocalDate, type Platform, type Tx } from '@petfriendly/core';
import { petCreated, vaccinationGiven, visitCreated } from '@petfriendly/vet-clinic';
import type { OwnerPlan } from './people';
import type { PetRow } from './pets';
import type { HistoryRows } from './rows';

/**
 * The bulk-written owners, pets, visits and vaccinations are announced with the events the services raise
 * for them, each stamped with the moment it happened, so the modules that build their state from events
 * (the CRM's profiles, the dashboard's patients and vaccines due) see the demo clinic's past as real use.
 * Visits and doses are announced from `from` on (the years the clinic has run on Pet-Friendly); the
 * older chart is only in the clinical record, as if carried over from paper.
 */
export async function announceHistory(
  platform: Platform,
  tx: Tx,
  owners: OwnerPlan[],
  since: (o: OwnerPlan) => Date,
  pets: PetRow[],
  petIds: number[],
  history: { rows: HistoryRows; visitIds: number[]; vaccinationIds: number[]; from: LocalDate },
) {
  const { events } = platform.ctx;
  await events.emitMany(
    tx,
    ownerCreated,
    owners.map((o) => ({
      occurredAt: since(o),
      payload: {
        ownerId: o.id,
        name: o.name,
        email: o.email,
        phone: o.phone,
        alternatePhone: o.alternatePhone,
        address: o.address,
        preferredLanguage: o.language,
        preferredChannel: o.channel,
        registeredAt: since(o).toISOString(),
      },
    })),
  );
  await events.emitMany(
    tx,
    petCreated,
    pets.map((pet, i) => ({ occurredAt: pet.createdAt ?? undefined, payload: { petId: petIds[i]!, ownerId: pet.ownerId, actorId: null } })),
  );
  const { rows, visitIds, vaccinationIds, from } = history;
  const start = clinicInstant(from, '00:00', platform.ctx.clinic.TIME_ZONE);
  const visits = rows.visits
    .map((v, i) => ({ v, id: visitIds[i]! }))
    .filter(({ v }) => v.visitDate >= start)
    .sort((a, b) => a.v.visitDate.getTime() - b.v.visitDate.getTime())
    .map(({ v, id }) => ({
      occurredAt: v.visitDate,
      payload: {
        visitId: id,
        petId: petIds[v.petId]!,
        ownerId: pets[v.petId]!.ownerId,
        veterinarianId: v.veterinarianId,
        visitDate: v.visitDate.toISOString(),
      },
    }));
  await events.emitMany(tx, visitCreated, visits);
  const doses = rows.vaccinations
    .map((d, i) => ({ d, id: vaccinationIds[i]! }))
    .filter(({ d }) => d.administeredDate >= from)
    .sort((a, b) => a.d.administeredDate.localeCompare(b.d.administeredDate))
    .map(({ d, id }) => ({
      occurredAt: d.createdAt ?? undefined,
      payload: {
        vaccinationId: id,
        petId: petIds[d.petId]!,
        ownerId: pets[d.petId]!.ownerId,
        vaccineName: d.vaccineName,
        protocolCode: d.protocolCode ?? null,
        nextDueDate: d.nextDueDate ?? null,
        administeredDate: d.administeredDate,
      },
    }));
  await events.emitMany(tx, vaccinationGiven, doses);
}
