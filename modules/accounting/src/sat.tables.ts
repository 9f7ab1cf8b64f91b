import { boolean, integer, numeric, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountingSchema } from './accounting.tables';

/**
 * The CFDI behind an invoice, from billing's `cfdi_issued` events: what the SAT's pólizas del periodo
 * relate to each transaction (UUID, the counterparty's RFC, the CFDI's total).
 */
export const cfdiDocuments = accountingSchema.table('cfdi_documents', {
  invoiceId: integer('invoice_id').primaryKey(),
  uuid: uuid('uuid').notNull(),
  receiverRfc: varchar('receiver_rfc', { length: 13 }).notNull(),
  total: numeric('total', { precision: 15, scale: 2 }).notNull(),
  cancelled: boolean('cancelled').notNull().default(false),
});

/** Which invoice a journal reference other than `invoice:N` books (a payment, a refund): its CFDI is the invoice's. */
export const referenceInvoices = accountingSchema.table(
  'reference_invoices',
  {
    reference: varchar('reference', { length: 100 }).notNull(),
    invoiceId: integer('invoice_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reference] })],
);
