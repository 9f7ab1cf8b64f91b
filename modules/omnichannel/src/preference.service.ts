import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, isStaff, type ModuleContext, parseInput, requireAuthenticated } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { OmnichannelSockets } from './audiences';
import { addressRejected } from './omnichannel.events';
import type { OmnichannelSettings } from './omnichannel.settings';
import { CHANNEL_KINDS, type ChannelKind, notificationPreferences } from './omnichannel.tables';

const bool = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());
export const preferencesUpdateSchema = z
  .object({
    preferredChannel: z.enum(CHANNEL_KINDS),
    emailEnabled: bool,
    smsEnabled: bool,
    whatsappEnabled: bool,
    remindersEnabled: bool,
    marketingEnabled: bool,
  })
  .partial();

/** How each person wants to hear from the clinic. */
export function createPreferenceService(
  ctx: ModuleContext,
  accounts: AccountsPort,
  settings: OmnichannelSettings,
  sockets: Readonly<Pick<OmnichannelSockets, 'marketingConsent'>> = { marketingConsent: null },
) {
  const { db, clock } = ctx;

  const target = (actor: Actor, userId?: string) => {
    const who = requireAuthenticated(actor);
    return userId && isStaff(who) ? userId : who.userId;
  };

  async function getPreferences(actor: Actor, userId?: string) {
    const id = target(actor, userId);
    const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, id));
    const consent = sockets.marketingConsent;
    if (row) return consent ? { ...row, marketingEnabled: await consent.get(id) } : row;
    const contact = await accounts.directory.contactOf(id);
    return {
      userId: id,
      preferredChannel: (contact?.channel ?? settings.DEFAULT_CHANNEL) as ChannelKind,
      emailEnabled: true,
      smsEnabled: true,
      whatsappEnabled: true,
      remindersEnabled: true,
      marketingEnabled: consent ? await consent.get(id) : false,
      updatedAt: clock.now(),
    };
  }

  async function updatePreferences(actor: Actor, input: unknown, userId?: string) {
    const id = target(actor, userId);
    const data = parseInput(preferencesUpdateSchema, input);
    const current = await getPreferences(actor, id);
    if (sockets.marketingConsent && data.marketingEnabled !== undefined && data.marketingEnabled !== current.marketingEnabled)
      await sockets.marketingConsent.set(id, data.marketingEnabled);
    const [row] = await db
      .insert(notificationPreferences)
      .values({ ...current, ...data, userId: id, updatedAt: clock.now() })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...data, updatedAt: clock.now() } })
      .returning();
    return row!;
  }

  async function getPreferredChannel(actor: Actor, userId?: string): Promise<ChannelKind> {
    return (await getPreferences(actor, userId)).preferredChannel;
  }

  /**
   * A permanent bounce or a complaint: stop emailing that address (the owner can switch it back on), and
   * say so (`address_rejected`: marketing suppresses the address).
   */
  async function disableEmail(email: string, reason: 'hard_bounce' | 'complaint' = 'hard_bounce') {
    const user = await accounts.directory.userByEmail(email);
    const current = user ? await getPreferences({ kind: 'staff', userId: user.id, role: 'manager', language: 'es' }, user.id) : null;
    await db.transaction(async (tx) => {
      if (user && current)
        await tx
          .insert(notificationPreferences)
          .values({ ...current, userId: user.id, emailEnabled: false, updatedAt: clock.now() })
          .onConflictDoUpdate({ target: notificationPreferences.userId, set: { emailEnabled: false, updatedAt: clock.now() } });
      await ctx.events.emit(tx, addressRejected, { channel: 'email', address: email.trim().toLowerCase(), ownerId: user?.id ?? null, reason });
    });
  }

  return { getPreferences, updatePreferences, getPreferredChannel, disableEmail };
}

export type PreferenceService = ReturnType<typeof createPreferenceService>;
