import { type EventPayload, money } from '@petfriendly/core';
import type { LineInput } from '../accounting.schemas';
import { LEDGER } from '../chart';
import type { EntryDraft } from '../ledger.service';
import type { billCreated, billPaid } from '../payables.events';
import { credit, debit, lines } from './lines';

/** The supplier's line carries the vendor, so the payables subledger can be read from the journal. */
function withVendor(list: LineInput[], vendorId: number): LineInput[] {
  return list.map((l) => (l.accountCode === LEDGER.payables ? { ...l, vendorId } : l));
}

/**
 * Bill booked: each part of its base to its account (an expense, the inventory, or goods received that
 * were waiting for this bill), its IVA as creditable once paid (cash-basis), the withholdings owed to the
 * SAT, and the total owed to the supplier.
 */
export function billCreatedEntry(p: EventPayload<typeof billCreated>): EntryDraft {
  const what = `Factura proveedor ${p.billNumber || p.billId} · ${p.vendorName}`;
  const iva = money(p.taxes.iva16).plus(p.taxes.iva8);
  return {
    date: p.date,
    entryType: 'bill',
    description: what,
    reference: `bill:${p.billId}`,
    lines: withVendor(
      lines([
        ...p.lines.map((l) => debit(l.accountCode, l.amount, l.description || what)),
        debit(LEDGER.ivaCreditablePending, iva, `IVA ${what}`),
        credit(LEDGER.ivaWithheld, p.taxes.ivaWithheld, `IVA retenido ${what}`),
        credit(LEDGER.isrWithheld, p.taxes.isrWithheld, `ISR retenido ${what}`),
        credit(LEDGER.payables, p.total, what),
      ]),
      p.vendorId,
    ),
  };
}

/** Bill paid: the supplier is owed less, the money left the bank or the cash box, and the IVA it paid becomes creditable. */
export function billPaidEntry(p: EventPayload<typeof billPaid>): EntryDraft {
  const what = `Pago factura proveedor ${p.billNumber || p.billId} · ${p.vendorName}`;
  const iva = money(p.taxes.iva16).plus(p.taxes.iva8);
  return {
    date: p.date,
    entryType: 'bill_payment',
    description: p.reference ? `${what} · ${p.reference}` : what,
    reference: `bill-payment:${p.paymentId}`,
    lines: withVendor(
      lines([
        debit(LEDGER.payables, p.amount, what),
        credit(p.accountCode, p.amount, what),
        debit(LEDGER.ivaCreditablePaid, iva, `IVA acreditable ${what}`),
        credit(LEDGER.ivaCreditablePending, iva, `IVA acreditable ${what}`),
      ]),
      p.vendorId,
    ),
  };
}
