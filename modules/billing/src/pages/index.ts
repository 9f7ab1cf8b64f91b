import type { HttpApp, ModuleContext } from '@petfriendly/core';
import type { BillingServices } from '../services';
import { chargePages } from './charges.pages';
import { type DeskDeps, deskPages } from './desk.pages';
import { deskInvoicePages } from './desk-invoice.pages';
import { ownerPages } from './owner.pages';
import { payPages } from './pay.pages';

/** The billing web pages: the owner's invoices and fiscal data, card payment, and the front desk. */
export async function billingPages(app: HttpApp, s: BillingServices, ctx: ModuleContext, deps: DeskDeps) {
  await ownerPages(app, s, ctx);
  await payPages(app, s, ctx);
  await deskPages(app, s, ctx, deps);
  await deskInvoicePages(app, s, ctx, deps);
  await chargePages(app, s, ctx);
}
