import type { AccountsPort } from '@petfriendly/accounts';
import { type EventPayload, type ModuleContext, systemActor } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { pointsExpiring, tierUpgraded } from './loyalty.events';

/** Tells owners on their own channel: points about to expire, a new tier. */
export function createLoyaltyNotices(ctx: ModuleContext, accounts: AccountsPort, messaging: MessagingPort) {
  const link = `${ctx.server.BASE_URL ?? ''}/my/points`;

  async function send(ownerId: string, key: 'expiring' | 'upgraded', vars: Record<string, string | number>) {
    const contact = await accounts.directory.contactOf(ownerId);
    if (!contact) return;
    const t = ctx.i18n.t(contact.language ?? ctx.clinic.DEFAULT_LANGUAGE);
    const all = { name: contact.name, clinic: ctx.clinic.NAME, link, ...vars };
    await messaging.messages.sendMessage(systemActor, {
      userId: ownerId,
      subject: t(`loyalty:notice.${key}Subject`, all),
      message: t(`loyalty:notice.${key}Body`, all),
    });
  }

  async function pointsExpiringSoon(p: EventPayload<typeof pointsExpiring>) {
    const contact = await accounts.directory.contactOf(p.ownerId);
    const date = new Intl.DateTimeFormat(contact?.language ?? 'es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${p.expiresAt}T00:00:00Z`));
    await send(p.ownerId, 'expiring', { points: p.points, date });
  }

  async function tierReached(p: EventPayload<typeof tierUpgraded>) {
    await send(p.ownerId, 'upgraded', { tier: p.newTier.name, discount: Number(p.newTier.discountPercent) });
  }

  return { pointsExpiringSoon, tierReached };
}
