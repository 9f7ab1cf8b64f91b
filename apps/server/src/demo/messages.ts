import { ownerProfiles, users } from '@petfriendly/accounts/tables';
import type { Platform } from '@petfriendly/core';
import { eq, ne } from 'drizzle-orm';

const TEXTS = [
  ['whatsapp', 'Hola, ¿tienen espacio hoy en la tarde? Mi perrito no quiere comer.'],
  ['whatsapp', 'Sí, ahí estaremos 👍'],
  ['sms', '¿Cuánto cuesta la esterilización de una gata?'],
  ['whatsapp', 'Buenas tardes, ¿ya está lista la receta de Rocky?'],
  ['sms', '¿Abren el domingo?'],
] as const;

/** A few messages waiting in the inbox, so the demo shows what a morning at the front desk looks like. */
export async function seedInbox(platform: Platform) {
  const inbox = platform.services.omnichannel.inbox;
  const owners = await platform.ctx.db
    .select({ phone: ownerProfiles.phone })
    .from(users)
    .innerJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
    .where(ne(ownerProfiles.phone, ''))
    .limit(TEXTS.length);
  const now = platform.ctx.clock.now().getTime();
  for (const [i, [channel, text]] of TEXTS.entries()) {
    const phone = owners[i]?.phone;
    if (!phone) continue;
    await inbox.recordInbound({
      channel,
      provider: channel === 'sms' ? 'twilio' : 'whatsapp-cloud',
      externalId: `demo-${i}`,
      from: phone,
      text,
      at: new Date(now - (TEXTS.length - i) * 17 * 60_000),
    });
  }
}
