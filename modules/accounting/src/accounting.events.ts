import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';
import { payablesEvents } from './payables.events';

export const journalPosted = defineEvent('accounting.journal_posted', {
  description: 'A journal entry was posted (by hand, or from an event by a posting rule): its number, date and lines.',
  schema: z.object({
    entryId: z.number().int(),
    entryNumber: z.string(),
    date: z.string(),
    entryType: z.string(),
    reference: z.string(),
    reversesId: z.number().int().nullable(),
    total: decimalString,
    lines: z.array(z.object({ accountCode: z.string(), debit: decimalString, credit: decimalString })),
  }),
});

export const periodClosed = defineEvent('accounting.period_closed', {
  description: 'A month of the books was closed: it takes no more postings.',
  schema: z.object({ year: z.number().int(), month: z.number().int(), closedBy: z.string().nullable() }),
});

export const accountingEvents = [journalPosted, periodClosed, ...payablesEvents];
