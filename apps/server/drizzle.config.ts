import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['../../packages/core/src/core.tables.ts', '../../modules/*/src/*.tables.ts'],
  out: './migrations',
  schemaFilter: [
    'core',
    'accounts',
    'vet_clinic',
    'appointments',
    'omnichannel',
    'store',
    'billing',
    'accounting',
    'reports',
    'multilingual',
    'ai_assistant',
    'setup',
  ],
});
