import { defineModule, port } from '@petfriendly/core';
import type { VetClinicSockets } from '@petfriendly/vet-clinic';
import { backupErrorMessages } from './backup.messages';
import { createBackupService } from './backup.service';
import { backupSettings } from './backup.settings';
import { backupTables } from './backup.tables';
import { exportPages } from './export.pages';
import { exportRoutes } from './export.routes';
import { createExportService, EXPORT_JOB } from './export.service';
import { backupMessages } from './i18n/index';

/** Backups of the whole clinic (the nightly job with its retention, the last result for `/health`, the admin's warning) and its export for admins. */
export const backupModule = defineModule({
  name: 'backup',
  // Nothing of vet-clinic is used: the module only puts a notice on its dashboard.
  needs: { 'vet-clinic': port<object>() },
  tables: backupTables,
  settings: { block: 'BACKUP', schema: backupSettings },
  i18n: backupMessages,
  messages: backupErrorMessages,
  nav: [{ area: 'admin', href: '/admin/export', labelKey: 'backup:export.nav', icon: 'package', audience: 'staff', roles: ['admin'], order: 95 }],
  createServices: (ctx, _deps, settings) => ({ backups: createBackupService(ctx, settings), exports: createExportService(ctx) }),
  fills: (s) => ({ 'vet-clinic': { dashboard: [s.backups.notices] } satisfies Partial<VetClinicSockets> }),
  routes: async (app, s) => {
    await exportRoutes(app, s.exports);
    await exportPages(app, s.exports);
  },
  jobs: (s, _ctx, settings) => [
    {
      name: EXPORT_JOB,
      options: { retryLimit: 0, expireInSeconds: 3 * 3600 },
      handler: async (data: { exportId: number }) => s.exports.run(data.exportId),
    },
    ...(settings.NIGHTLY
      ? [
          {
            name: 'backup.nightly',
            cron: settings.CRON,
            options: { retryLimit: 2, expireInSeconds: 3 * 3600 },
            handler: async () => void (await s.backups.run('nightly')),
          },
        ]
      : []),
  ],
});

export type BackupServices = { backups: ReturnType<typeof createBackupService>; exports: ReturnType<typeof createExportService> };

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    backup: BackupServices;
  }
}
