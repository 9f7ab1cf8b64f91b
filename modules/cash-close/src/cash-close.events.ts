import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

export const closeApproved = defineEvent('cash_close.close_approved', {
  description:
    "A manager approved a day's cash close: counted against expected cash and card terminal total (difference = counted − expected), and the cash deposited to the bank that day.",
  schema: z.object({
    closeId: z.number().int(),
    day: z.string(),
    expectedCash: decimalString,
    countedCash: decimalString,
    cashDifference: decimalString,
    expectedCard: decimalString,
    cardTerminalTotal: decimalString,
    cardDifference: decimalString,
    deposited: decimalString,
    reason: z.string(),
  }),
});

export const cashCloseEvents = [closeApproved];
