import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as accounting from '@petfriendly/accounting';
import * as accounts from '@petfriendly/accounts';
import * as aiAssistant from '@petfriendly/ai-assistant';
import * as appointments from '@petfriendly/appointments';
import * as billing from '@petfriendly/billing';
import * as cashClose from '@petfriendly/cash-close';
import * as competitiveIntel from '@petfriendly/competitive-intel';
import * as consent from '@petfriendly/consent';
import { composeModules, defineModule, orderModules, port } from '@petfriendly/core';
import * as crm from '@petfriendly/crm';
import * as dataImport from '@petfriendly/data-import';
import * as loyalty from '@petfriendly/loyalty';
import * as marketing from '@petfriendly/marketing';
import * as multilingual from '@petfriendly/multilingual';
import * as omnichannel from '@petfriendly/omnichannel';
import * as privacy from '@petfriendly/privacy';
import * as reports from '@petfriendly/reports';
import * as setup from '@petfriendly/setup';
import * as store from '@petfriendly/store';
import * as vetClinic from '@petfriendly/vet-clinic';
import { is, Table } from 'drizzle-orm';
import { PgSchema } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

// The project's rule: modules meet through typed ports; none imports or queries another's tables.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODULES = readdirSync(join(ROOT, 'modules'));
const SCHEMAS: Record<string, string> = Object.fromEntries(
  MODULES.map((m) => [m, /pgSchema\('([a-z_]+)'\)/.exec(readFileSync(join(ROOT, 'modules', m, 'src', `${m}.tables.ts`), 'utf8'))![1]!]),
);

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesOf(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('module boundaries', () => {
  it('no module package entry exports a table or a schema', () => {
    const entries = {
      accounting,
      accounts,
      'ai-assistant': aiAssistant,
      appointments,
      billing,
      crm,
      'data-import': dataImport,
      loyalty,
      marketing,
      'cash-close': cashClose,
      consent,
      'competitive-intel': competitiveIntel,
      multilingual,
      omnichannel,
      privacy,
      reports,
      setup,
      store,
      'vet-clinic': vetClinic,
    };
    expect(Object.keys(entries).sort()).toEqual([...MODULES].sort());
    const leaks = Object.entries(entries).flatMap(([name, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => is(value, Table) || value instanceof PgSchema)
        .map(([key]) => `${name}: ${key}`),
    );
    expect(leaks).toEqual([]);
  });

  it("no module's source imports another module's tables (its own table files may reference them for foreign keys)", () => {
    const offences: string[] = [];
    for (const m of MODULES) {
      for (const file of sourcesOf(join(ROOT, 'modules', m, 'src'))) {
        const text = readFileSync(file, 'utf8');
        const where = relative(ROOT, file);
        for (const [, other] of text.matchAll(/from '@petfriendly\/([a-z-]+)\/tables'/g)) {
          if (other !== m && !where.endsWith('.tables.ts')) offences.push(`${where} imports ${other}'s tables`);
        }
        for (const other of MODULES.filter((o) => o !== m)) {
          if (new RegExp(`\\b(from|join|update|into)\\s+"?${SCHEMAS[other]}"?\\.`, 'i').test(text)) offences.push(`${where} queries ${other}'s schema in SQL`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('a module needing one that is not installed stops start-up, naming both', () => {
    const needy = defineModule({
      name: 'needy',
      needs: { absent: port<{ ping(): void }>() },
      tables: {},
      createServices: (_ctx, deps) => ({ ping: () => deps.absent.ping() }),
    });
    expect(() => orderModules([needy])).toThrow('Module needy depends on absent, which is not installed');
    // @ts-expect-error the composition root does not compile with an unmet need
    composeModules([needy]);
  });

  it('a provider whose services lack the port a module needs does not compile', () => {
    const provider = defineModule({ name: 'provider', tables: {}, createServices: () => ({ pong: () => 'pong' }) });
    const needy = defineModule({ name: 'needy', needs: { provider: port<{ ping(): string }>() }, tables: {}, createServices: () => ({}) });
    // @ts-expect-error `provider` gives pong, not ping
    composeModules([provider, needy]);
    expect(orderModules([needy, provider]).map((m) => m.name)).toEqual(['provider', 'needy']);
  });
});
