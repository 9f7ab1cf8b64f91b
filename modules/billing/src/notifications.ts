import type { AccountsPort } from '@petfriendly/accounts';
import { formatMoney, type ModuleContext, money, systemActor } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { StoreBillingPort } from '@petfriendly/store';
import { eq } from 'drizzle-orm';
import { invoices } from './billing.tables';
import type { CfdiService } from './cfdi.service';

/** What an order's move tells its owner, by language (sent in the `order_update` template). */
const ORDER_STATUS_TEXT: Record<'shipped_pickup' | 'shipped_delivery' | 'delivered' | 'cancelled', Record<string, string>> = {
  shipped_pickup: {
    es: 'ya está listo para recoger en la clínica',
    en: 'is ready to pick up at the clinic',
    de: 'liegt zur Abholung in der Praxis bereit',
    fr: 'est prête à être retirée à la clinique',
    it: 'è pronto per il ritiro in clinica',
  },
  shipped_delivery: { es: 'ya va en camino', en: 'is on its way', de: 'ist unterwegs', fr: 'est en route', it: 'è in viaggio' },
  delivered: { es: 'fue entregado', en: 'was delivered', de: 'wurde zugestellt', fr: 'a été livrée', it: 'è stato consegnato' },
  cancelled: { es: 'fue cancelado', en: 'was cancelled', de: 'wurde storniert', fr: 'a été annulée', it: 'è stato annullato' },
};

/** Tells owners about their orders, sends them their CFDI (PDF and XML attached by email) and reminds them of overdue invoices. */
export function createBillingNotifications(ctx: ModuleContext, accounts: AccountsPort, messaging: MessagingPort, store: StoreBillingPort, cfdi: CfdiService) {
  const owner = (userId: string) => ({ kind: 'owner', userId, language: 'es' }) as const;

  async function orderUpdate(orderId: number, change: 'shipped' | 'delivered' | 'cancelled') {
    const [order] = await store.orders.ordersByIds([orderId]);
    if (!order) return;
    const language = (await accounts.directory.contactOf(order.ownerId))?.language ?? 'es';
    const key = change === 'shipped' ? (order.fulfilment === 'pickup' ? 'shipped_pickup' : 'shipped_delivery') : change;
    const texts = ORDER_STATUS_TEXT[key];
    await messaging.messages.sendMessage(systemActor, {
      userId: order.ownerId,
      template: 'order_update',
      templateVars: { order: order.orderNumber, status: texts[language] ?? texts.es!, clinic: ctx.clinic.NAME },
    });
  }

  async function invoiceReady(invoiceId: number) {
    const [invoice] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice?.ownerId || !invoice.cfdiXml) return;
    const [pdf, xml] = await Promise.all([cfdi.cfdiFile(owner(invoice.ownerId), invoiceId, 'pdf'), cfdi.cfdiFile(owner(invoice.ownerId), invoiceId, 'xml')]);
    await messaging.messages.sendMessage(systemActor, {
      userId: invoice.ownerId,
      template: 'invoice_ready',
      templateVars: {
        invoice: invoice.invoiceNumber,
        total: formatMoney(invoice.total),
        link: `${ctx.server.BASE_URL}/my/invoices/${invoice.id}`,
        clinic: ctx.clinic.NAME,
      },
      attachments: [
        { filename: pdf.filename, contentType: pdf.type, content: new Uint8Array(Buffer.from(pdf.body)) },
        { filename: xml.filename, contentType: xml.type, content: new TextEncoder().encode(String(xml.body)) },
      ],
    });
  }

  /** Overdue: the balance and a link to pay it online. */
  async function invoiceOverdue(invoiceId: number) {
    const [invoice] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice?.ownerId || invoice.status !== 'overdue') return;
    await messaging.messages.sendMessage(systemActor, {
      userId: invoice.ownerId,
      template: 'invoice_overdue',
      templateVars: {
        invoice: invoice.invoiceNumber,
        balance: formatMoney(money(invoice.total).minus(invoice.amountPaid)),
        link: `${ctx.server.BASE_URL}/pay/invoice/${invoice.id}`,
        clinic: ctx.clinic.NAME,
      },
    });
  }

  return { orderUpdate, invoiceReady, invoiceOverdue };
}
