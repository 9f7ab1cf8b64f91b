import { defineTool, INT4_MAX, rowId, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { invoiceListSchema } from './billing.schemas';
import type { BillingServices } from './services';

const invoiceId = z.object({ invoiceId: rowId });

/** AI tools for invoices; the services check who may see or do what. */
export function billingTools(s: BillingServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'get_my_invoices',
      description: "The caller's invoices with status and balance.",
      input: invoiceListSchema.omit({ ownerId: true }),
      permission: 'owner',
      handler: (input, actor) => s.invoices.listInvoices(actor, input),
    }),
    defineTool({
      name: 'get_invoice',
      description: 'One invoice with its lines, payments and balance.',
      input: invoiceId,
      permission: 'owner',
      handler: ({ invoiceId }, actor) => s.invoices.getInvoice(actor, invoiceId),
    }),
    defineTool({
      name: 'request_factura',
      description: "Issue the CFDI (factura) of one of the caller's invoices with their saved fiscal data.",
      input: invoiceId,
      permission: 'owner',
      handler: ({ invoiceId }, actor) => s.cfdi.issueCfdi(actor, invoiceId),
    }),
    defineTool({
      name: 'invoice_appointment',
      description: 'Staff: create the invoice of a finished appointment.',
      input: z.object({ appointmentId: rowId }),
      permission: 'staff',
      handler: ({ appointmentId }, actor) => s.invoices.createFromAppointment(actor, appointmentId),
    }),
    defineTool({
      name: 'list_unpaid_invoices',
      description: 'Staff: overdue invoices.',
      input: z.object({ page: z.coerce.number().int().min(1).max(INT4_MAX).default(1) }),
      permission: 'staff',
      handler: ({ page }, actor) => s.invoices.listInvoices(actor, { status: 'overdue', page }),
    }),
  ];
}
