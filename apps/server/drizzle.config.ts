import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['../../packages/core/src/core.tables.ts', '../../modules/*/src/*.tables.ts', './src/backup/backup.tables.ts'],
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
    'crm',
    'multilingual',
    'ai_assistant',
    'setup',
    'loyalty',
    'competitive_intel',
    'cash_close',
    'reports',
    'backup',
    'marketing',
    'privacy',
  ],
});
