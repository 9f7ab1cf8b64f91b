import { rowId } from '@petfriendly/core';
import { z } from 'zod';
import { BOOK_ENTRY_TYPES, COUNT_STATUSES, ROUTES } from '../controlled.tables';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const units = z.coerce.number().int().min(1, 'must be at least 1').max(100_000);
const text = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const staffId = z.uuid({ message: 'choose a person' });

export const batchRef = z.object({ productId: rowId, batchId: rowId });

/** A dose given to a patient: units of the batch used, and the dose as the vet writes it. */
export const administerSchema = batchRef.extend({
  petId: rowId,
  visitId: z.preprocess(blank, rowId.optional()),
  quantity: units,
  dose: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,3})?$/, 'a number such as 2.5'),
  doseUnit: z.enum(['mg', 'ml', 'mcg', 'tab', 'amp']),
  route: z.enum(ROUTES),
  notes: text(500),
});

export const wasteSchema = batchRef.extend({
  quantity: units,
  witnessId: staffId,
  reason: text(500).pipe(z.string().min(3, 'say why')),
});

export const countSchema = batchRef.extend({
  counted: z.coerce.number().int().min(0).max(100_000),
  reason: text(500),
});

export const bookQuerySchema = z.object({
  productId: z.preprocess(blank, rowId.optional()),
  batchId: z.preprocess(blank, rowId.optional()),
  from: z.preprocess(blank, isoDate.optional()),
  to: z.preprocess(blank, isoDate.optional()),
});

export const bookEntrySchema = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  product: z.string(),
  batchId: z.number().int(),
  batchNumber: z.string(),
  type: z.enum(BOOK_ENTRY_TYPES),
  quantity: z.number().int(),
  balance: z.number().int(),
  patient: z.string().nullable(),
  owner: z.string().nullable(),
  prescriptionId: z.number().int().nullable(),
  visitId: z.number().int().nullable(),
  dose: z.string().nullable(),
  doseUnit: z.string().nullable(),
  route: z.string().nullable(),
  by: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  witness: z.string().nullable(),
  reason: z.string(),
  reference: z.string(),
  createdAt: z.date(),
});

export const countResultSchema = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  batchId: z.number().int(),
  counted: z.number().int(),
  expected: z.number().int(),
  difference: z.number().int(),
  status: z.enum(COUNT_STATUSES),
  reason: z.string(),
  countedBy: z.string(),
});

export const balanceSchema = z.object({
  productId: z.number().int(),
  product: z.string(),
  group: z.string().nullable(),
  batchId: z.number().int(),
  batchNumber: z.string(),
  expiryDate: z.string().nullable(),
  balance: z.number().int(),
});
