import { type Actor, addLocalDays, foldForSearch } from '@petfriendly/core';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import type { Product } from './product.service';

/**
 * The current prescription in the pet's record that covers a product: prescribed by a vet, started,
 * not ended (one without an end date and not ongoing lasts a year), and naming the product's active ingredient. The record is read as `actor`, so an owner
 * can only buy for their own pets.
 */
export async function currentPrescription(
  vet: PetsPort & RecordsPort,
  actor: Actor,
  petId: number,
  product: Pick<Product, 'prescriptionName' | 'name'>,
  today: string,
) {
  const wanted = foldForSearch(product.prescriptionName ?? product.name);
  const medications = await vet.records.getMedications(petId, actor);
  return (
    medications.find(
      (m) =>
        m.prescribedBy !== null &&
        m.startDate <= today &&
        (m.endDate ? m.endDate >= today : m.isOngoing || m.startDate >= addLocalDays(today, -365)) &&
        foldForSearch(m.name).includes(wanted),
    ) ?? null
  );
}
