import { defineConfig } from 'vitest/config';

// Three projects, decided by where a test lives and how it is named (see CONTRIBUTING.md):
// `unit` needs no database and runs once; `db` gets a fresh database per file and CI runs it on
// PGlite and on the PostgreSQL server; `browser` drives Chromium against a running app and runs once.
const BROWSER = 'apps/*/test/browser/**/*.test.ts';
const UNIT = ['{packages,modules,apps}/*/src/**/*.test.ts', '**/*.unit.test.ts'];
const DATABASE_SETUP = ['packages/testing/src/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // What a page shows after a request or a dispatched event may take more than a loaded machine's second.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './packages/testing/src/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: UNIT, exclude: ['**/node_modules/**'] } },
      {
        test: {
          name: 'db',
          include: ['{packages,modules,apps}/*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', BROWSER, ...UNIT],
          globalSetup: DATABASE_SETUP,
        },
      },
      { test: { name: 'browser', include: [BROWSER], globalSetup: [...DATABASE_SETUP, 'apps/server/test/browser/validator-setup.ts'] } },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
});
