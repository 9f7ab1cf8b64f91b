import { type Actor, NotFoundError, parseInput, requireStaff, type StaffActor } from '@petfriendly/core';
import { z } from 'zod';
import type { MessageService } from './message.service';
import { CHANNEL_KINDS } from './omnichannel.tables';

/**
 * A group of people a manager can write to at once, offered by the module that knows them: the
 * appointments module offers "the owners booked on a day" (a closure), CRM its segments. Modules
 * fill the omnichannel socket `audiences`, a list.
 */
export interface Audience {
  /** Stable, namespaced: `appointments.booked_on`. */
  key: string;
  /** The i18n key of its name on the page. */
  labelKey: string;
  /** What it needs to know: nothing, or a date (YYYY-MM-DD). */
  param: 'none' | 'date';
  resolve(actor: StaffActor, param: string | undefined): Promise<string[]>;
}

/**
 * An owner's marketing consent, kept by the module that sends marketing (with its date and source);
 * the notification preferences page shows and changes it there. Until filled, the page's own flag.
 */
export interface MarketingConsentSocket {
  get(userId: string): Promise<boolean>;
  set(userId: string, granted: boolean): Promise<void>;
}

export interface OmnichannelSockets {
  audiences: Audience[];
  marketingConsent: MarketingConsentSocket | null;
}

export const audienceMessageSchema = z.object({
  audience: z.string().min(1).max(100),
  param: z.string().max(100).optional(),
  message: z.string().trim().min(1).max(4000),
  subject: z.string().trim().max(300).optional(),
  channel: z.enum([...CHANNEL_KINDS, 'auto']).default('auto'),
});

/** Bulk messages to an audience: who is in it, then `send_bulk_message` to them. */
export function createAudienceService(messages: MessageService, sockets: Readonly<OmnichannelSockets>) {
  function list(actor: Actor) {
    requireStaff(actor, ['manager', 'admin']);
    return sockets.audiences.map(({ key, labelKey, param }) => ({ key, labelKey, param }));
  }

  async function members(actor: Actor, key: string, param: string | undefined) {
    const staff = requireStaff(actor, ['manager', 'admin']);
    const audience = sockets.audiences.find((a) => a.key === key);
    if (!audience) throw new NotFoundError('omnichannel.audience_not_found', `There is no audience "${key}".`);
    return [...new Set(await audience.resolve(staff, param))];
  }

  /** Writes to everyone in the audience; an empty audience sends nothing and says so. */
  async function sendToAudience(actor: Actor, input: unknown) {
    const data = parseInput(audienceMessageSchema, input);
    const userIds = await members(actor, data.audience, data.param);
    if (!userIds.length) return { sent: [], unreachable: [] };
    return messages.sendBulkMessage(actor, { userIds, message: data.message, subject: data.subject, channel: data.channel });
  }

  return { list, members, sendToAudience };
}

export type AudienceService = ReturnType<typeof createAudienceService>;
