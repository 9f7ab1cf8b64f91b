import { decimalString, rowId, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { globalInvoiceSchema } from './billing.schemas';
import { chargeWaivers } from './billing.tables';

/** Waiving a charge done in a visit: the reason is kept. */
export const waiveChargeSchema = z.object({
  reason: z.string().trim().min(3, 'is required').max(500),
});

/** The missed-charges report's month, `YYYY-MM`. */
export const missedChargesSchema = globalInvoiceSchema;

/** Suggested lines chosen at the desk: visit item ids (a checkbox list posts one or many). */
export const addChargesSchema = z.object({
  items: z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(rowId).min(1, 'choose at least one line').max(100)),
});

// ---- What the routes answer ----

export const suggestionOut = z.object({
  id: z.number().int().describe('The visit item'),
  visitId: z.number().int(),
  petId: z.number().int(),
  petName: z.string(),
  ownerId: z.string(),
  kind: z.enum(['vaccine', 'medication', 'procedure', 'lab_test', 'hospital_day']),
  productId: z.number().int().nullable(),
  serviceTypeId: z.number().int().nullable(),
  quantity: decimalString,
  note: z.string(),
  vaccineName: z.string().nullable(),
  doneOn: z.string().describe('The visit day (clinic time zone)'),
  visitClosed: z.boolean(),
  label: z.string(),
  unitPrice: decimalString.nullable().describe('Catalogue price for one, IVA included'),
  taxClass: z.string(),
  value: decimalString.nullable().describe('quantity × unitPrice'),
  state: z.enum(['pending', 'charged', 'waived']),
  invoiceId: z.number().int().nullable(),
  waivedReason: z.string().nullable(),
});

export const visitChargesOut = z.object({
  items: z.array(suggestionOut),
  pending: z.object({ subtotal: decimalString, tax: decimalString, total: decimalString }).describe('What the pending items come to, IVA broken out'),
});

export const missedChargesOut = z.object({
  month: z.string(),
  missed: z.array(suggestionOut),
  waived: z.array(suggestionOut),
  missedValue: decimalString,
  waivedValue: decimalString,
});

export const waiverOut = rowSchema(chargeWaivers);
