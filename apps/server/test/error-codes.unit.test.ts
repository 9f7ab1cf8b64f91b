import { globSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coreMessages, type MessageCatalog } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';

// Every error code the sources raise, found where errors are made: `new XxxError('code'`,
// `Xxx.forField('code'`, `super('code'` and `code = 'code'` defaults. People read these in their language.
const SERVICE_ERRORS = [
  /(?:Error|forField|super)\(\s*(?:[\w.]+\s*\?\s*)?['`]([a-z_]+\.[a-z_]+)['`]/g,
  /(?:Error|forField)\(\s*[\w.]+\s*\?\s*['`][a-z_]+\.[a-z_]+['`]\s*:\s*['`]([a-z_]+\.[a-z_]+)['`]/g,
  /\bcode\s*=\s*['`]([a-z_]+\.[a-z_]+)['`]/g,
];
// Codes written straight into an error body (`{ code: 'code', message }`): machines read these.
const ERROR_BODIES = [/\{\s*code:\s*['`]([a-z_]+\.[a-z_]+)['`],\s*message:/g];
const TRANSLATED: (keyof MessageCatalog)[] = ['es', 'de', 'fr', 'it'];
const KERNEL_PREFIXES = ['auth', 'validation', 'http', 'security', 'server', 'tools'];

interface Owner {
  name: string;
  prefixes: string[];
  sources: string[];
  catalog: () => Promise<MessageCatalog>;
}

const modules: Owner[] = globSync('modules/*/src/index.ts').map((index) => {
  const dir = index.replace(/\/src\/index\.ts$/, '');
  const name = basename(dir);
  return {
    name,
    prefixes: [name.replaceAll('-', '_')],
    sources: globSync(`${dir}/src/**/*.{ts,tsx}`),
    catalog: async () => mergeCatalogs(await Promise.all(globSync(`${dir}/src/*.messages.ts`).map((f) => import(pathToFileURL(resolve(f)).href)))),
  };
});
const kernel: Owner = {
  name: 'kernel (packages/core, apps/server)',
  prefixes: KERNEL_PREFIXES,
  sources: [...globSync('packages/core/src/**/*.{ts,tsx}'), ...globSync('apps/server/src/**/*.{ts,tsx}', { exclude: ['apps/server/src/backup/**'] })],
  catalog: async () => coreMessages,
};
/** The server's own module (backups and the clinic's export). */
const backup: Owner = {
  name: 'backup',
  prefixes: ['backup'],
  sources: globSync('apps/server/src/backup/**/*.{ts,tsx}'),
  catalog: async () => (await import('../src/backup/backup.messages')).backupErrorMessages,
};

function mergeCatalogs(files: Record<string, unknown>[]): MessageCatalog {
  const merged: MessageCatalog = {};
  for (const exports of files)
    for (const catalog of Object.values(exports) as MessageCatalog[])
      for (const [lang, entries] of Object.entries(catalog)) merged[lang as keyof MessageCatalog] = { ...merged[lang as keyof MessageCatalog], ...entries };
  return merged;
}

function raisedCodes(files: string[], patterns = SERVICE_ERRORS): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of files.filter((f) => !/\.test\.tsx?$|\.messages\.ts$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (!codes.has(match[1]!)) codes.set(match[1]!, file);
  }
  return codes;
}

describe('error codes', () => {
  const owners = [...modules, kernel, backup];
  const all = owners.flatMap((owner) => [...raisedCodes(owner.sources, [...SERVICE_ERRORS, ...ERROR_BODIES])].map(([code, file]) => ({ owner, code, file })));

  it('finds the codes the sources raise', () => {
    expect(modules.length).toBeGreaterThanOrEqual(8);
    expect(all.length).toBeGreaterThan(100);
  });

  it("start with their own module's prefix", () => {
    const wrong = all.filter(({ owner, code }) => !owner.prefixes.includes(code.split('.')[0]!)).map(({ code, file }) => `${code} (${file})`);
    expect(wrong).toEqual([]);
  });

  it("are translated in their own module's file", async () => {
    const foreign: string[] = [];
    for (const owner of owners)
      for (const entries of Object.values(await owner.catalog()))
        for (const key of Object.keys(entries ?? {}))
          if (/^[a-z_]+\.[a-z_]+$/.test(key) && !owner.prefixes.includes(key.split('.')[0]!)) foreign.push(`${key} (${owner.name})`);
    expect(foreign).toEqual([]);
  });

  it('are translated in es, de, fr and it (English is the text the code is raised with)', async () => {
    const missing: string[] = [];
    for (const owner of owners) {
      const catalog = await owner.catalog();
      for (const [code, file] of raisedCodes(owner.sources))
        for (const lang of TRANSLATED) if (!catalog[lang]?.[code]) missing.push(`${lang} ${code} (${file})`);
    }
    expect(missing).toEqual([]);
  });
});
