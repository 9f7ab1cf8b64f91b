import type { BillableAppointmentsPort } from '@petfriendly/appointments';
import { computeTotals, money, type TaxRates, type Totals, taxTreatment } from '@petfriendly/core';
import { SHIPPING, type StoreBillingPort } from '@petfriendly/store';
import type { InvoiceBreakdown } from './billing.events';
import type { invoiceLineItems, invoices } from './billing.tables';

type Invoice = typeof invoices.$inferSelect;
type Line = typeof invoiceLineItems.$inferSelect;

/** An invoice's amounts from its lines: the one computation behind its stored totals, its CFDI and its events. */
export function totalsOf(invoice: Pick<Invoice, 'extraDiscount'>, lines: readonly Line[], rates: TaxRates): Totals {
  return computeTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      discountAmount: l.fixedDiscount,
      tax: taxTreatment(l.taxClass, rates),
    })),
    { extraDiscount: invoice.extraDiscount },
  );
}

/**
 * The breakdown money events carry: each line with its category (asked of the store and appointments,
 * whose services own them), base and IVA per rate, and the invoice's stored totals.
 */
export function createBreakdowns(store: Pick<StoreBillingPort, 'products'>, appointments: Pick<BillableAppointmentsPort, 'appointments'>, rates: TaxRates) {
  async function categoriesOf(lines: readonly Line[]) {
    const productIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
    const serviceIds = [...new Set(lines.flatMap((l) => (l.serviceId ? [l.serviceId] : [])))];
    const [products, services] = await Promise.all([store.products.priceList(productIds), appointments.appointments.servicesByIds(serviceIds)]);
    return { products, services: new Map(services.map((s) => [s.id, s])) };
  }

  return async function breakdownOf(invoice: Invoice, lines: readonly Line[]): Promise<InvoiceBreakdown> {
    const totals = totalsOf(invoice, lines, rates);
    const { products, services } = await categoriesOf(lines);
    return {
      currency: 'MXN',
      lines: lines.map((l, i) => {
        const t = totals.lines[i]!;
        const tax = taxTreatment(l.taxClass, rates);
        const kind =
          invoice.kind === 'global'
            ? 'sales'
            : l.serviceId
              ? 'service'
              : l.productId
                ? 'product'
                : l.satProductCode === SHIPPING.satProductCode
                  ? 'shipping'
                  : 'other';
        const categoryId = l.serviceId ? (services.get(l.serviceId)?.categoryId ?? null) : l.productId ? (products.get(l.productId)?.categoryId ?? null) : null;
        return {
          lineId: l.id,
          description: l.description,
          kind,
          serviceId: l.serviceId,
          productId: l.productId,
          categoryId,
          quantity: money(l.quantity).toFixed(2),
          unitPrice: money(l.unitPrice).toFixed(2),
          unitValue: t.unitValue.toFixed(6),
          discount: t.discount.toFixed(6),
          base: t.base.toFixed(6),
          taxClass: l.taxClass,
          taxRate: tax.kind === 'rate' ? money(tax.rate).toFixed(6) : null,
          tax: t.tax.toFixed(6),
          total: t.total.toFixed(2),
        };
      }),
      taxes: totals.taxByRate.map((r) => ({ rate: r.rate, base: r.base.toFixed(2), tax: r.tax.toFixed(2) })),
      subtotal: money(invoice.subtotal).toFixed(2),
      discount: money(invoice.discountAmount).toFixed(2),
      tax: money(invoice.taxAmount).toFixed(2),
      total: money(invoice.total).toFixed(2),
    };
  };
}

export type BreakdownOf = ReturnType<typeof createBreakdowns>;
