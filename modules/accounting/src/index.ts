import type { AccountsPort } from '@petfriendly/accounts';
import { cfdiCancelled, cfdiStamped, invoiceCancelled, invoiceDiscounted, invoiceIssued, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { closeApproved } from '@petfriendly/cash-close';
import { defineModule, on, port } from '@petfriendly/core';
import { stockMoved, stockReceived } from '@petfriendly/store';
import { accountingEvents } from './accounting.events';
import { accountingErrorMessages } from './accounting.messages';
import { accountingRoutes } from './accounting.routes';
import { accountingTables } from './accounting.tables';
import { accountingTools } from './accounting.tools';
import { bankTables } from './bank.tables';
import { budgets } from './budgets.tables';
import { closeErrorMessages } from './close.messages';
import { periodReopenings } from './close.tables';
import { closingRoutes } from './closing.routes';
import { CFDI_CONSUMER, LEDGER_CONSUMER } from './consumers';
import { accountingMessages } from './i18n/index';
import { accountingPages } from './pages/index';
import { bankFeeBooked, billCreated, billPaid, receiptMatched } from './payables.events';
import { payablesErrorMessages } from './payables.messages';
import { payablesRoutes } from './payables.routes';
import { payablesTables } from './payables.tables';
import { receiptErrorMessages } from './receipts.messages';
import { receiptRoutes } from './receipts.routes';
import { receiptTables } from './receipts.tables';
import { satRoutes } from './sat/sat.routes';
import { cfdiDocuments, referenceInvoices } from './sat.tables';
import { createAccountingServices } from './services';

const LANGUAGES = ['es', 'de', 'fr', 'it'] as const;

export const accountingModule = defineModule({
  name: 'accounting',
  needs: { accounts: port<AccountsPort>() },
  tables: { ...accountingTables, ...payablesTables, ...bankTables, ...receiptTables, budgets, periodReopenings, cfdiDocuments, referenceInvoices },
  events: accountingEvents,
  i18n: accountingMessages,
  messages: Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { ...accountingErrorMessages[lang], ...payablesErrorMessages[lang], ...closeErrorMessages[lang], ...receiptErrorMessages[lang] },
    ]),
  ),
  nav: [
    {
      area: 'admin',
      href: '/admin/accounting',
      labelKey: 'accounting:nav.books',
      icon: 'book',
      audience: 'staff',
      roles: ['accountant', 'manager', 'admin'],
      order: 60,
    },
  ],
  createServices: (ctx, deps) => createAccountingServices(ctx, deps.accounts.directory),
  subscribe(events, s) {
    const p = s.posting;
    events.consume(
      LEDGER_CONSUMER,
      [
        on(invoiceIssued, p.onInvoiceIssued),
        on(invoiceDiscounted, p.onInvoiceDiscounted),
        on(paymentReceived, p.onPaymentReceived),
        on(paymentRefunded, p.onPaymentRefunded),
        on(invoiceCancelled, p.onInvoiceCancelled),
        on(stockReceived, p.onStockReceived),
        on(stockMoved, p.onStockMoved),
        on(closeApproved, p.onCloseApproved),
        on(billCreated, s.payables.onBillCreated),
        on(billPaid, s.payables.onBillPaid),
        on(receiptMatched, s.receipts.onReceiptMatched),
        on(bankFeeBooked, s.bank.onBankFeeBooked),
      ],
      { from: 'start', strict: true },
    );
    events.consume(
      CFDI_CONSUMER,
      [
        on(cfdiStamped, s.sat.onCfdiStamped),
        on(cfdiCancelled, s.sat.onCfdiCancelled),
        on(paymentReceived, s.sat.onPayment),
        on(paymentRefunded, s.sat.onPayment),
      ],
      { from: 'start', strict: true },
    );
  },
  onStart: (s) => s.ledger.installChart(),
  tools: accountingTools,
  routes: async (app, s) => {
    await accountingRoutes(app, s);
    await payablesRoutes(app, s);
    await receiptRoutes(app, s);
    await closingRoutes(app, s);
    await satRoutes(app, s);
    await accountingPages(app, s);
  },
});

export * from './accounting.events';
export { CFDI_CONSUMER, LEDGER_CONSUMER } from './consumers';
export { BOOKKEEPERS } from './ledger.service';
export * from './payables.events';
export type { AccountingServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    accounting: import('./services').AccountingServices;
  }
}
