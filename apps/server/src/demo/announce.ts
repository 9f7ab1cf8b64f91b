import { ownerCreated } from '@petfriendly/accounts';
import type { Platform, Tx } from '@petfriendly/core';
import { petCreated } from '@petfriendly/vet-clinic';
import type { OwnerPlan } from './people';
import type { PetRow } from './pets';

/**
 * The bulk-written owners and pets are announced with the events the services raise for them, so the
 * modules that build their state from events (the CRM's profiles) see the demo clinic as real use.
 */
export async function announceOwnersAndPets(platform: Platform, tx: Tx, owners: OwnerPlan[], since: (o: OwnerPlan) => Date, pets: PetRow[], petIds: number[]) {
  const { events } = platform.ctx;
  for (const o of owners) {
    await events.emit(tx, ownerCreated, {
      ownerId: o.id,
      name: o.name,
      email: o.email,
      phone: o.phone,
      alternatePhone: o.alternatePhone,
      address: o.address,
      preferredLanguage: o.language,
      preferredChannel: o.channel,
      registeredAt: since(o).toISOString(),
    });
  }
  for (const [i, pet] of pets.entries()) await events.emit(tx, petCreated, { petId: petIds[i]!, ownerId: pet.ownerId, actorId: null });
}
