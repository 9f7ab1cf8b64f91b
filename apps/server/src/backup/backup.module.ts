import { defineModule, port } from '@petfriendly/core';
import type { VetClinicSockets } from '@petfriendly/vet-clinic';
import { createBackupService } from './backup.service';
import { backupSettings } from './backup.settings';
import { backupTables } from './backup.tables';
import { backupMessages } from './i18n/index';

/** Backups of the whole clinic: the nightly job with its retention, the last result for `/health`, the admin's warning. */
export const backupModule = defineModule({
  name: 'backup',
  // Nothing of vet-clinic is used: the module only puts a notice on its dashboard.
  needs: { 'vet-clinic': port<object>() },
  tables: backupTables,
  settings: { block: 'BACKUP', schema: backupSettings },
  i18n: backupMessages,
  createServices: (ctx, _deps, settings) => ({ backups: createBackupService(ctx, settings) }),
  fills: (s) => ({ 'vet-clinic': { dashboard: [s.backups.notices] } satisfies Partial<VetClinicSockets> }),
  jobs: (s, _ctx, settings) =>
    settings.NIGHTLY
      ? [
          {
            name: 'backup.nightly',
            cron: settings.CRON,
            options: { retryLimit: 2, expireInSeconds: 3 * 3600 },
            handler: async () => void (await s.backups.run('nightly')),
          },
        ]
      : [],
});

export type BackupServices = { backups: ReturnType<typeof createBackupService> };
