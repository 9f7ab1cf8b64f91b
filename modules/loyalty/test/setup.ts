import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { loyaltyModule } from '../src/index';

/** Loyalty with what earns and spends points (billing, the shop), a receptionist and a manager. */
export async function loyaltyPlatform() {
  const platform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    loyaltyModule,
  ]);
  const billing = platform.services.billing;
  const desk = await StaffFactory(platform, 'receptionist');
  /** Delivers the events raised so far to their consumers. */
  const settle = () => platform.ctx.events.dispatch();
  return {
    platform,
    s: platform.services.loyalty,
    billing,
    store: platform.services.store,
    desk,
    manager: await StaffFactory(platform, 'manager'),
    settle,
    /** A new owner, enrolled. */
    async owner() {
      const o = await OwnerFactory(platform);
      await settle();
      return o;
    },
    /** A desk invoice for `price` (IVA included), issued; paid in cash when `pay` is set. */
    async invoiceFor(ownerId: string, price: string, pay = true) {
      const draft = await billing.invoices.createManual(desk.actor, { ownerId });
      await billing.invoices.addLine(desk.actor, draft.id, { description: 'Consulta', unitPrice: price, taxClass: 'exempt' });
      const invoice = await billing.invoices.issueInvoice(desk.actor, draft.id);
      const payment = pay ? await billing.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' }) : null;
      await settle();
      return { invoice, payment };
    },
  };
}
