import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

/** A bill's (or a payment's part of a bill's) amounts by rate, as the CFDI and the DIOT break them down. */
const taxBreakdown = z.object({
  base16: decimalString,
  iva16: decimalString,
  base8: decimalString,
  iva8: decimalString,
  base0: decimalString,
  exempt: decimalString,
  ivaWithheld: decimalString,
  isrWithheld: decimalString,
});
const billRef = z.object({
  billId: z.number().int(),
  billNumber: z.string(),
  vendorId: z.number().int(),
  vendorName: z.string(),
  vendorRfc: z.string(),
  cfdiUuid: z.string().nullable(),
});

export const billCreated = defineEvent('accounting.bill_created', {
  description: "A supplier's bill was booked: what it owes by rate and where each part of its base goes.",
  schema: billRef.extend({
    date: z.string(),
    dueDate: z.string(),
    subtotal: decimalString,
    discount: decimalString,
    taxes: taxBreakdown,
    total: decimalString,
    lines: z.array(z.object({ accountCode: z.string(), description: z.string(), amount: decimalString })),
  }),
});

export const billPaid = defineEvent('accounting.bill_paid', {
  description: 'A bill was paid, in part or in full: the amount, the account it left from and the part of each tax it pays.',
  schema: billRef.extend({
    paymentId: z.number().int(),
    date: z.string(),
    amount: decimalString,
    method: z.enum(['transfer', 'cash', 'check', 'card']),
    accountCode: z.string(),
    reference: z.string(),
    taxes: taxBreakdown,
    /** What the bill still owes after this payment. */
    balance: decimalString,
  }),
});

export const reconciliationCompleted = defineEvent('accounting.reconciliation_completed', {
  description: "A bank account's books were reconciled with a statement and locked.",
  schema: z.object({
    reconciliationId: z.number().int(),
    bankAccountId: z.number().int(),
    ledgerAccountCode: z.string(),
    statementDate: z.string(),
    statementBalance: decimalString,
    matchedTransactions: z.number().int(),
    completedBy: z.string().nullable(),
  }),
});

export const receiptMatched = defineEvent('accounting.receipt_matched', {
  description:
    "A supplier bill's line was matched to a stock receipt: quantities and unit prices received and billed, the differences flagged, and the line's amount less the receipt's cost (what clears goods received).",
  schema: z.object({
    matchId: z.number().int(),
    billId: z.number().int(),
    billNumber: z.string(),
    billDate: z.string(),
    vendorId: z.number().int(),
    vendorName: z.string(),
    receiptId: z.number().int(),
    /** The store's receipt (its stock movement). */
    movementId: z.number().int(),
    receivedQuantity: z.number().int(),
    billedQuantity: z.number().int(),
    receivedUnitCost: decimalString,
    billedUnitPrice: decimalString,
    receiptCost: decimalString,
    billedAmount: decimalString,
    difference: decimalString,
    quantityMismatch: z.boolean(),
    priceMismatch: z.boolean(),
    amountMismatch: z.boolean(),
  }),
});

export const bankFeeBooked = defineEvent('accounting.bank_fee_booked', {
  description:
    "A reconciliation's saved rule recognised a statement line (\"COMISION\" → bank fees): the amount (signed as the bank wrote it) for the rule's account against the bank's, which the books post and clear against that line.",
  schema: z.object({
    bankTransactionId: z.number().int(),
    reconciliationId: z.number().int(),
    ruleId: z.number().int(),
    date: z.string(),
    /** Negative when the money left the bank (a fee), positive when it came in (interest). */
    amount: decimalString,
    accountCode: z.string(),
    bankLedgerAccountCode: z.string(),
    description: z.string(),
    reference: z.string(),
  }),
});

export const payablesEvents = [billCreated, billPaid, reconciliationCompleted, receiptMatched, bankFeeBooked];
