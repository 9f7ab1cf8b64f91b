import type { Actor, Platform } from '@petfriendly/core';

const services = (platform: Platform) => platform.services['vet-clinic'];

/** The spec's PetFactory: a pet for an owner, through the service (so events and rules apply). */
export async function PetFactory(platform: Platform, owner: Actor, overrides: Record<string, unknown> = {}) {
  return services(platform).pets.createPet(owner, {
    name: 'Luna',
    species: 'dog',
    breed: 'Mestizo',
    dateOfBirth: '2022-05-01',
    gender: 'female',
    ...overrides,
  });
}

/** The spec's VisitFactory: a visit recorded by a vet. */
export async function VisitFactory(platform: Platform, petId: number, vet: Actor, overrides: Record<string, unknown> = {}) {
  return services(platform).records.addVisit(
    petId,
    {
      reason: 'Consulta general',
      subjective: 'Come bien',
      objective: 'Mucosas rosadas',
      assessment: 'Sano',
      plan: 'Control anual',
      vitals: { weightKg: '12.4', temperatureC: '38.6' },
      ...overrides,
    },
    vet,
  );
}
