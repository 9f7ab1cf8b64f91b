import type { EventBus, EventDefinition, EventPayload, Tx } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import type { ownerCreated } from './accounts.events';
import { ownerProfiles, users } from './accounts.tables';

/** Raises an owner event with the owner's profile as it stands in the transaction. */
export async function emitOwnerEvent(events: EventBus, tx: Tx, event: EventDefinition<EventPayload<typeof ownerCreated>>, ownerId: string) {
  const [row] = await tx
    .select({
      ownerId: users.id,
      name: users.name,
      email: users.email,
      preferredLanguage: users.preferredLanguage,
      registeredAt: users.createdAt,
      phone: ownerProfiles.phone,
      alternatePhone: ownerProfiles.alternatePhone,
      address: ownerProfiles.address,
      preferredChannel: ownerProfiles.preferredChannel,
    })
    .from(users)
    .innerJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
    .where(eq(users.id, ownerId));
  if (row) await events.emit(tx, event, { ...row, registeredAt: row.registeredAt.toISOString() });
}
