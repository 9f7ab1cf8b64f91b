import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { localOutbox } from '@petfriendly/core';
import { crmModule } from '@petfriendly/crm';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { asc } from 'drizzle-orm';
import { marketingModule } from '../src/index';
import { marketingSettings } from '../src/marketing.settings';
import type { MarketingNeeds } from '../src/ports';
import { createMarketingServices } from '../src/services';

/** Marketing with what it stands on (CRM, omnichannel on the local outbox), a manager, and owners made to order. */
export async function marketingPlatform(options: { env?: Record<string, string> } = {}) {
  // Events carry the database's time: the clock starts there, so a campaign's window and an event's time compare.
  const platform: TestPlatform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, crmModule, marketingModule], {
    ...options,
    now: new Date().toISOString(),
  });
  const settle = () => platform.ctx.events.dispatch();
  const manager = await StaffFactory(platform, 'manager');
  const crm = platform.services.crm;
  const s = platform.services.marketing;
  return {
    platform,
    s,
    crm,
    manager,
    settle,
    /** Every omnichannel send job that is ready, as the worker would run them. */
    deliver: () => platform.ctx.jobs.runReady(['omnichannel.send']),
    /** What left on the local outbox (no provider configured), oldest first. */
    outbox: () => platform.ctx.db.select().from(localOutbox).orderBy(asc(localOutbox.createdAt)),
    /** The same services as after a restart: new objects on the same database. */
    restart: () => createMarketingServices(platform.ctx, platform.deps.marketing as unknown as MarketingNeeds, marketingSettings.parse({})),
    /** An owner on a channel, with or without marketing consent, known to the CRM. */
    async owner(o: { channel?: 'email' | 'sms' | 'whatsapp'; consent?: boolean; phone?: string; name?: string; language?: string } = {}) {
      const made = await OwnerFactory(platform, { name: o.name, language: o.language });
      await (platform.services.accounts as { users: { updateOwnerProfile(a: unknown, p: unknown): Promise<unknown> } }).users.updateOwnerProfile(made.actor, {
        preferredChannel: o.channel ?? 'email',
        phone: o.phone ?? '',
      });
      await settle();
      if (o.consent ?? true) await crm.customers.setMarketingConsent(manager.actor, made.user.id, { consent: true, source: 'sign_up_form' });
      await settle();
      return made;
    },
    /** A dynamic segment of every consenting owner. */
    async consentingSegment(name = 'Con consentimiento') {
      return crm.segments.createSegment(manager.actor, { name, rules: { match: 'all', conditions: [{ field: 'marketingConsent', value: true }] } });
    },
    /** Everyone the CRM knows. */
    async everyoneSegment(name = 'Todos') {
      return crm.segments.createSegment(manager.actor, { name, rules: { match: 'all', conditions: [] } });
    },
  };
}

export const spanish = (text: string, subject = 'Promoción') => ({ es: { subject, text } });
