import type { ModuleContext } from '@petfriendly/core';
import { createImportService } from './import.service';
import type { ImportDeps } from './runners';

export function createDataImportServices(ctx: ModuleContext, deps: ImportDeps) {
  return { imports: createImportService(ctx, deps) };
}

export type DataImportServices = ReturnType<typeof createDataImportServices>;
