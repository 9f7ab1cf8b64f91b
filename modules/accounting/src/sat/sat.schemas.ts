import { z } from 'zod';

const year = z.coerce.number().int().min(2015).max(2099);
const month = z.coerce.number().int().min(1).max(12);

export const catalogoSchema = z.object({ year, month });
export const balanzaSchema = z
  .object({
    year,
    /** 13: the year-end closing. */
    month: z.coerce.number().int().min(1).max(13),
    kind: z.enum(['N', 'C']).default('N'),
    /** For a complementaria: the day the books of that month were changed. */
    modifiedOn: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
  })
  .refine((b) => b.kind === 'N' || b.modifiedOn, { message: 'a complementaria needs the day the books were changed', path: ['modifiedOn'] });
export const polizasSchema = z
  .object({
    year,
    month,
    tipoSolicitud: z.enum(['AF', 'FC', 'DE', 'CO']).default('AF'),
    numOrden: z
      .string()
      .regex(/^[A-Z]{3}[0-9]{7}\/[0-9]{2}$/, 'must be an order number like ABC6912345/15')
      .optional(),
    numTramite: z
      .string()
      .regex(/^[A-Z]{2}[0-9]{12}$/, 'must be a trámite number like AB123456789012')
      .optional(),
  })
  .refine((p) => (p.tipoSolicitud === 'AF' || p.tipoSolicitud === 'FC' ? p.numOrden : p.numTramite), {
    message: 'AF and FC need the audit order number (numOrden), DE and CO the trámite number (numTramite)',
    path: ['numOrden'],
  });
export const satFormatSchema = z.object({ format: z.enum(['xml', 'zip']).default('xml') });
