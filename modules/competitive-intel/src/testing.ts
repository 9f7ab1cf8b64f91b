import type { Platform } from '@petfriendly/core';
import { competitors } from './competitive-intel.tables';

let sequence = 0;

/** A competitor with the given IP ranges (already in network form). */
export async function CompetitorFactory(platform: Platform, options: { name?: string; ipRanges?: string[]; servicesOffered?: string[] } = {}) {
  sequence += 1;
  const [row] = await platform.ctx.db
    .insert(competitors)
    .values({ name: options.name ?? `Clínica Rival ${sequence}`, ipRanges: options.ipRanges ?? [], servicesOffered: options.servicesOffered ?? [] })
    .returning();
  return row!;
}
