import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, isStaff, type ModuleContext, parseInput, requireAuthenticated } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
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
export function createPreferenceService(ctx: ModuleContext, accounts: AccountsPort, settings: OmnichannelSettings) {
  const { db, clock } = ctx;

  const target = (actor: Actor, userId?: string) => {
    const who = requireAuthenticated(actor);
    return userId && isStaff(who) ? userId : who.userId;
  };

  async function getPreferences(actor: Actor, userId?: string) {
    const id = target(actor, userId);
    const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, id));
    if (row) return row;
    const contact = await accounts.directory.contactOf(id);
    return {
      userId: id,
      preferredChannel: (contact?.channel ?? settings.DEFAULT_CHANNEL) as ChannelKind,
      emailEnabled: true,
      smsEnabled: true,
      whatsappEnabled: true,
      remindersEnabled: true,
      marketingEnabled: false,
      updatedAt: clock.now(),
    };
  }

  async function updatePreferences(actor: Actor, input: unknown, userId?: string) {
    const id = target(actor, userId);
    const data = parseInput(preferencesUpdateSchema, input);
    const current = await getPreferences(actor, id);
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

  /** A permanent bounce or a complaint: stop emailing that address (the owner can switch it back on). */
  async function disableEmail(email: string) {
    const user = await accounts.directory.userByEmail(email);
    if (!user) return;
    const current = await getPreferences({ kind: 'staff', userId: user.id, role: 'manager', language: 'es' }, user.id);
    await db
      .insert(notificationPreferences)
      .values({ ...current, userId: user.id, emailEnabled: false, updatedAt: clock.now() })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { emailEnabled: false, updatedAt: clock.now() } });
  }

  return { getPreferences, updatePreferences, getPreferredChannel, disableEmail };
}

export type PreferenceService = ReturnType<typeof createPreferenceService>;
