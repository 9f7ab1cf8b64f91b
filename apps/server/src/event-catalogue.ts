import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CatalogueEntry, renderEventCatalogue } from '@petfriendly/core';
import { modules } from './modules';

export const EVENT_CATALOGUE_PATH = fileURLToPath(new URL('../../../docs/events.md', import.meta.url));

/** Every installed module's events, as the platform's catalogue holds them. */
export function eventCatalogue(): CatalogueEntry[] {
  return modules
    .flatMap((m) => (m.events ?? []).map((event) => ({ module: m.name, event })))
    .sort((a, b) => a.module.localeCompare(b.module) || a.event.name.localeCompare(b.event.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(EVENT_CATALOGUE_PATH, renderEventCatalogue(eventCatalogue()));
  console.log(`Wrote ${EVENT_CATALOGUE_PATH}`);
}
