import { readFileSync } from 'node:fs';
import { renderEventCatalogue } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE_PATH, eventCatalogue } from '../src/event-catalogue';

describe('the event catalogue', () => {
  it('docs/events.md is what the definitions generate (run npm run events:catalogue)', () => {
    expect(readFileSync(EVENT_CATALOGUE_PATH, 'utf8')).toBe(renderEventCatalogue(eventCatalogue()));
  });

  it('names each event once, with a description and a payload schema of fields', () => {
    const entries = eventCatalogue();
    expect(new Set(entries.map((e) => e.event.name)).size).toBe(entries.length);
    for (const { event } of entries) {
      expect(event.description.length, event.name).toBeGreaterThan(10);
      expect(event.version, event.name).toBeGreaterThanOrEqual(1);
    }
    expect(renderEventCatalogue(entries)).toContain('| `total` | decimal string | yes |');
  });
});
