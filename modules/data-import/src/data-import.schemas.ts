import { rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { IMPORT_KINDS, imports } from './data-import.tables';

/** The largest file accepted (a clinic's history as CSV is a few megabytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const kindSchema = z.enum(IMPORT_KINDS);

export const uploadSchema = z.object({
  kind: kindSchema,
  fileName: z.string().trim().min(1, 'is required').max(200),
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.length > 0, 'is required')
    .refine((b) => b.length <= MAX_FILE_BYTES, 'is too large'),
});

/** Our field → the column chosen for it (its position among the headers), or nothing. */
export const mappingSchema = z.record(z.string().max(40), z.coerce.number().int().min(0).max(500).nullable());

export const uploadQuery = z.object({ kind: kindSchema, fileName: z.string().trim().min(1).max(200).default('import.csv') });

const rowStatusCounts = z.object({
  pending: z.number().int().optional(),
  created: z.number().int().optional(),
  duplicate: z.number().int().optional(),
  failed: z.number().int().optional(),
  undone: z.number().int().optional(),
  kept: z.number().int().optional(),
});

export const importOut = rowSchema(imports);
export const importDetailOut = importOut.extend({ counts: rowStatusCounts });

const issueOut = z.object({
  field: z.string(),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const dryRunOut = z.object({
  counts: z.object({ created: z.number().int(), duplicate: z.number().int(), failed: z.number().int() }),
  toCreate: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()) })),
  problems: z.array(z.object({ line: z.number().int(), status: z.enum(['duplicate', 'failed']), errors: z.array(issueOut) })),
});

export const undoOut = z.object({ removed: z.number().int(), kept: z.array(z.number().int()) });
