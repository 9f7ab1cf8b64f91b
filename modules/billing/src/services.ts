import type { ModuleContext } from '@petfriendly/core';
import type { AccountsServices } from '@petfriendly/accounts';
import type { AppointmentsServices } from '@petfriendly/appointments';
import type { OmnichannelServices } from '@petfriendly/omnichannel';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import type { StoreServices } from '@petfriendly/store';
import type { BillingSettings } from './billing.settings';
import { type CfdiService, createCfdiService } from './cfdi.service';
import type { PacProvider } from './cfdi/index';
import { createFiscalService } from './fiscal.service';
import { createInvoiceService } from './invoice.service';
import { createBillingNotifications } from './notifications';
import { createPaymentService } from './payment.service';
import { type CardGateway, createCardGateway } from './payments/gateways/index';

export interface BillingAdapters {
  gateway?: CardGateway;
  pac?: PacProvider;
}

export function createBillingServices(ctx: ModuleContext, deps: { accounts: AccountsServices; appointments: AppointmentsServices; store: StoreServices; omnichannel: OmnichannelServices; vet: VetClinicServices }, settings: BillingSettings, adapters: BillingAdapters = {}) {
  const { appointments, store } = deps;
  const gateway = adapters.gateway ?? createCardGateway(store.settings);
  const invoices = createInvoiceService(ctx, appointments, store, deps.vet, settings);
  const fiscal = createFiscalService(ctx);
  const payments = createPaymentService(ctx, invoices, store, gateway, settings);
  const cfdi: CfdiService = createCfdiService(ctx, invoices, fiscal, settings, adapters.pac);
  // The spec's CheckoutService gets its invoice service injected: every order gets its invoice.
  store.checkout.connect({ invoicing: invoices });
  const notifications = createBillingNotifications(ctx, deps.accounts, deps.omnichannel, store, cfdi);
  return { invoices, fiscal, payments, cfdi, notifications, settings };
}

export type BillingServices = ReturnType<typeof createBillingServices>;
