import { positiveAmountInput, rfcSchema } from '@petfriendly/core';
import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2_147_483_647);
const amount = z.string().describe('Decimal amount in pesos, two places');

/** A bill's line (booked to goods received) to a receipt, with the quantity and unit price the bill charges. */
export const receiptMatchSchema = z.object({
  billLineId: id,
  receiptId: id,
  quantity: z.coerce.number().int().min(1, 'must be at least 1').max(1_000_000),
  unitPrice: positiveAmountInput,
});
export type ReceiptMatchInput = z.input<typeof receiptMatchSchema>;

export const receiptListQuerySchema = z.object({
  status: z.enum(['unmatched', 'all']).default('unmatched'),
  /** A supplier's receipts (and those received without an RFC). */
  supplierRfc: z.preprocess((v) => (v === '' ? undefined : v), rfcSchema.optional()),
});

export const receiptOut = z.object({
  id: z.number().int(),
  movementId: z.number().int(),
  productId: z.number().int(),
  batchNumber: z.string(),
  quantity: z.number().int(),
  unitCost: amount,
  cost: amount,
  supplier: z.string(),
  supplierRfc: z.string().nullable(),
  receivedOn: z.string(),
});
export const receiptListOut = z.array(receiptOut.extend({ billId: z.number().int().nullable() }));
export const receiptMatchOut = z.object({
  id: z.number().int(),
  billId: z.number().int(),
  billLineId: z.number().int(),
  receipt: receiptOut,
  billedQuantity: z.number().int(),
  billedUnitPrice: amount,
  billedAmount: amount,
  difference: amount.describe("The bill's line minus the receipt's cost, booked to 5102"),
  quantityMismatch: z.boolean(),
  priceMismatch: z.boolean(),
  amountMismatch: z.boolean(),
  matchedAt: z.date(),
});
