import type { AccountsPort } from '@petfriendly/accounts';
import { type EventPayload, formatters, type ModuleContext, systemActor } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { pointsExpiring, tierUpgraded } from './loyalty.events';

/** Tells owners on their own channel: points about to expire, a new tier. */
export function createLoyaltyNotices(ctx: ModuleContext, accounts: AccountsPort, messaging: MessagingPort) {
  const link = `${ctx.server.BASE_URL ?? ''}/my/points`;

  async function send(ownerId: string, key: 'expiring' | 'upgraded', vars: Record<string, string | number>, tier?: { slug: string; name: string }) {
    const contact = await accounts.directory.contactOf(ownerId);
    if (!contact) return;
    const t = ctx.i18n.t(contact.language ?? ctx.clinic.DEFAULT_LANGUAGE);
    const tierName = tier ? t(`loyalty:tier.${tier.slug}`, { defaultValue: tier.name }) : '';
    const all = { name: contact.name, clinic: ctx.clinic.NAME, link, tier: tierName, ...vars };
    await messaging.messages.sendMessage(systemActor, {
      userId: ownerId,
      subject: t(`loyalty:notice.${key}Subject`, all),
      message: t(`loyalty:notice.${key}Body`, all),
    });
  }

  async function pointsExpiringSoon(p: EventPayload<typeof pointsExpiring>) {
    const contact = await accounts.directory.contactOf(p.ownerId);
    const date = formatters(contact?.language ?? ctx.clinic.DEFAULT_LANGUAGE, ctx.clinic.TIME_ZONE).date(p.expiresAt, 'dayLong');
    await send(p.ownerId, 'expiring', { points: p.points, date });
  }

  async function tierReached(p: EventPayload<typeof tierUpgraded>) {
    await send(p.ownerId, 'upgraded', { discount: Number(p.newTier.discountPercent) }, p.newTier);
  }

  return { pointsExpiringSoon, tierReached };
}
