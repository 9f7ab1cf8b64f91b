import type { AccountsPort } from '@petfriendly/accounts';
import type { BillableAppointmentsPort } from '@petfriendly/appointments';
import type { ModuleContext } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { StoreBillingPort } from '@petfriendly/store';
import type { ChargeableItemsPort, PetsPort } from '@petfriendly/vet-clinic';
import type { BillingSettings } from './billing.settings';
import type { PacProvider } from './cfdi/index';
import { type CfdiService, createCfdiService } from './cfdi.service';
import { createChargeCapture } from './charge-capture.service';
import { createFiscalService } from './fiscal.service';
import { type BillingSockets, billingSockets, createInvoiceService } from './invoice.service';
import { createIssuerService } from './issuer.service';
import { createBillingNotifications } from './notifications';
import { createPaymentService } from './payment.service';
import { type CardGateway, createCardGateway } from './payments/gateways/index';
import { createBillingPrivacy } from './privacy';

export interface BillingAdapters {
  gateway?: CardGateway;
  pac?: PacProvider;
}

/** The ports billing needs, by the module that provides each. */
export interface BillingNeeds {
  accounts: AccountsPort;
  'vet-clinic': PetsPort & ChargeableItemsPort;
  appointments: BillableAppointmentsPort;
  store: StoreBillingPort;
  omnichannel: MessagingPort;
}

export function createBillingServices(
  ctx: ModuleContext,
  deps: BillingNeeds,
  settings: BillingSettings,
  adapters: BillingAdapters = {},
  sockets: Readonly<BillingSockets> = billingSockets,
) {
  const { appointments, store } = deps;
  const gateway = adapters.gateway ?? createCardGateway(store.settings);
  const invoices = createInvoiceService(ctx, appointments, store, deps['vet-clinic'], settings, sockets);
  const charges = createChargeCapture(ctx, invoices, deps['vet-clinic'], store, appointments);
  const fiscal = createFiscalService(ctx);
  const payments = createPaymentService(ctx, invoices, store, gateway, settings);
  const cfdi: CfdiService = createCfdiService(ctx, invoices, store, fiscal, settings, adapters.pac);
  const issuer = createIssuerService(ctx, settings);
  const notifications = createBillingNotifications(ctx, deps.accounts, deps.omnichannel, store, cfdi);
  return { invoices, charges, fiscal, payments, cfdi, issuer, notifications, settings, privacy: createBillingPrivacy(ctx) };
}

export type BillingServices = ReturnType<typeof createBillingServices>;
