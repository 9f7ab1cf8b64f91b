import type { Platform } from '@petfriendly/core';
import { serviceCategories, serviceTypes, staffSchedules, staffServices } from './appointments.tables';

let sequence = 0;

/** A bookable service, and the staff who offer it working the given weekdays (0 = Monday). */
export async function ServiceFactory(
  platform: Platform,
  options: {
    staffIds: string[];
    name?: string;
    description?: string;
    durationMinutes?: number;
    species?: string[];
    requiresConsultation?: boolean;
    isEmergency?: boolean;
    weekdays?: number[];
    hours?: { start: string; end: string }[];
  },
) {
  const db = platform.ctx.db;
  sequence += 1;
  const [category] = await db
    .insert(serviceCategories)
    .values({ name: `Consultas ${sequence}`, slug: `consultas-${sequence}` })
    .returning();
  const [service] = await db
    .insert(serviceTypes)
    .values({
      categoryId: category!.id,
      name: options.name ?? `Consulta general ${sequence}`,
      description: options.description ?? '',
      slug: `consulta-${sequence}`,
      durationMinutes: options.durationMinutes ?? 30,
      price: '450.00',
      species: options.species ?? [],
      requiresConsultation: options.requiresConsultation ?? false,
      isEmergency: options.isEmergency ?? false,
    })
    .returning();
  for (const staffId of options.staffIds) {
    await db.insert(staffServices).values({ staffId, serviceTypeId: service!.id }).onConflictDoNothing();
    for (const weekday of options.weekdays ?? [0, 1, 2, 3, 4, 5]) {
      for (const h of options.hours ?? [{ start: '09:00', end: '19:00' }]) {
        await db.insert(staffSchedules).values({ staffId, weekday, startTime: h.start, endTime: h.end });
      }
    }
  }
  return service!;
}
