import type { InvoiceBreakdown } from '@petfriendly/billing';
import { type LocalDate, money, type Platform } from '@petfriendly/core';

type Kind = InvoiceBreakdown['lines'][number]['kind'];

/** An invoice's breakdown from its lines before IVA (16 % on each), as billing tells it. */
export function breakdownOf(lines: { kind: Kind; base: string; categoryId?: number | null; itemId?: number | null; quantity?: number }[]): InvoiceBreakdown {
  const full = lines.map((l, i) => {
    const total = money(l.base).times('1.16').toFixed(2);
    return {
      lineId: i + 1,
      description: `${l.kind} ${l.itemId ?? ''}`.trim(),
      kind: l.kind,
      serviceId: l.kind === 'service' ? (l.itemId ?? null) : null,
      productId: l.kind === 'product' ? (l.itemId ?? null) : null,
      categoryId: l.categoryId ?? null,
      quantity: String(l.quantity ?? 1),
      unitPrice: total,
      unitValue: money(l.base).toFixed(6),
      discount: '0.00',
      base: money(l.base).toFixed(2),
      taxClass: 'iva16' as const,
      taxRate: '0.160000',
      tax: money(total).minus(l.base).toFixed(2),
      total,
    };
  });
  const subtotal = full.reduce((s, l) => s.plus(l.base), money(0)).toFixed(2);
  const total = full.reduce((s, l) => s.plus(l.total), money(0)).toFixed(2);
  return { currency: 'MXN', lines: full, taxes: [], subtotal, discount: '0.00', tax: money(total).minus(subtotal).toFixed(2), total };
}

let sequence = 0;

/**
 * An invoice issued on a day, handed to the reports' projection in a transaction as its event consumer would
 * (its vet through the appointment, when given): one consultation of $1,000.00 before IVA unless told.
 */
export async function ReportedInvoiceFactory(
  platform: Platform,
  options: { date: LocalDate; invoiceId?: number; appointmentId?: number | null; ownerId?: string; petId?: number | null; breakdown?: InvoiceBreakdown },
) {
  sequence += 1;
  const invoiceId = options.invoiceId ?? 1_000_000 + sequence;
  const breakdown = options.breakdown ?? breakdownOf([{ kind: 'service', base: '1000.00', categoryId: 1, itemId: 1 }]);
  const payload = {
    invoiceId,
    invoiceNumber: `F-${invoiceId}`,
    ownerId: options.ownerId ?? `owner-${sequence}`,
    total: breakdown.total,
    kind: 'standard' as const,
    source: 'desk' as const,
    orderId: null,
    appointmentId: options.appointmentId ?? null,
    petId: options.petId ?? null,
    date: options.date,
    dueDate: null,
    cfdiPaymentMethod: 'PUE' as const,
    covers: [],
    breakdown,
  };
  const { projection } = platform.services.reports;
  await platform.ctx.db.transaction((tx) => projection.onInvoiceIssued(payload, { tx, eventId: `factory-${invoiceId}`, position: 0, occurredAt: new Date() }));
  return payload;
}
