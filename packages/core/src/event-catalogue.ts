import { z } from 'zod';
import type { CatalogueEntry } from './events';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  pattern?: string;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'unknown'}[]`;
  if (schema.type === 'object' && schema.properties) return `{ ${Object.keys(schema.properties).join(', ')} }`;
  if (schema.type === 'string' && schema.pattern) return 'decimal string';
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'unknown');
}

/** The event catalogue as a Markdown page: every event, its module, version, meaning and payload. */
export function renderEventCatalogue(entries: readonly CatalogueEntry[]): string {
  const out = [
    '# Event catalogue',
    '',
    'Generated from the event definitions (`npm run events:catalogue`); a test keeps it current.',
    'Every payload is checked against its schema when emitted. Consumers receive events after commit, in',
    'commit order, each in its own transaction (see `packages/core/src/events.ts` and CONTRIBUTING.md).',
    '',
  ];
  let module = '';
  for (const { module: owner, event } of entries) {
    if (owner !== module) {
      module = owner;
      out.push(`## ${module}`, '');
    }
    const schema = z.toJSONSchema(event.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    out.push(`### \`${event.name}\` (v${event.version})`, '', event.description, '', '| field | type | required |', '|---|---|---|');
    const required = new Set(schema.required ?? []);
    for (const [field, property] of Object.entries(schema.properties ?? {}))
      out.push(`| \`${field}\` | ${typeOf(property)} | ${required.has(field) ? 'yes' : 'no'} |`);
    out.push('');
  }
  return out.join('\n');
}
