import type { AccountsImportPort } from '@petfriendly/accounts';
import { defineModule, port } from '@petfriendly/core';
import type { StoreImportPort } from '@petfriendly/store';
import type { PetImportPort } from '@petfriendly/vet-clinic';
import { dataImportErrorMessages } from './data-import.messages';
import { dataImportRoutes } from './data-import.routes';
import { dataImportTables } from './data-import.tables';
import { dataImportMessages } from './i18n/index';
import { RUN_IMPORT, type RunJob } from './import.service';
import { importPages } from './pages/imports.pages';
import { createDataImportServices } from './services';

/**
 * A clinic switching from another practice system brings its data in: a file per kind of record, its
 * columns mapped to our fields, a dry run, then the import through the owning modules' services, and undo.
 * It keeps only its own record of what each line became.
 */
export const dataImportModule = defineModule({
  name: 'data-import',
  needs: { accounts: port<AccountsImportPort>(), 'vet-clinic': port<PetImportPort>(), store: port<StoreImportPort>() },
  tables: dataImportTables,
  i18n: dataImportMessages,
  messages: dataImportErrorMessages,
  nav: [
    {
      area: 'admin',
      href: '/admin/imports',
      labelKey: 'data-import:nav.imports',
      icon: 'inbox',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 85,
    },
  ],
  createServices: (ctx, deps) => createDataImportServices(ctx, { accounts: deps.accounts, vet: deps['vet-clinic'], store: deps.store }),
  jobs: (s) => [{ name: RUN_IMPORT, handler: (job: RunJob) => s.imports.runImport(job) }],
  routes: async (app, s, ctx) => {
    await dataImportRoutes(app, s, ctx);
    await importPages(app, s, ctx);
  },
});

export { IMPORT_KINDS, type ImportKind } from './data-import.tables';
export { EXPORT_KINDS, type ExportTableReader, importFilesFromExport } from './export-files';
export { FIELDS } from './fields';
export type { DataImportServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    'data-import': import('./services').DataImportServices;
  }
}
