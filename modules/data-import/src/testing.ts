import type { Actor, Platform } from '@petfriendly/core';
import { stringify } from 'csv-stringify/sync';
import type { ImportKind } from './data-import.tables';
import type { DataImportServices } from './services';

/** A file uploaded for import by staff, as CSV from a header and rows (its columns mapped by their names): owners by default. */
export function ImportFactory(platform: Platform, staff: Actor, options: { kind?: ImportKind; rows?: (string | number)[][]; fileName?: string } = {}) {
  const rows = options.rows ?? [
    ['nombre', 'correo', 'telefono'],
    ['Lucía Pérez', 'lucia@example.mx', '5512345678'],
  ];
  return (platform.services['data-import'] as DataImportServices).imports.upload(staff, {
    kind: options.kind ?? 'owners',
    fileName: options.fileName ?? 'import.csv',
    bytes: new TextEncoder().encode(stringify(rows)),
  });
}
