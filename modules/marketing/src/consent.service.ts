import {
  type Actor,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  pageOf,
  pageQuerySchema,
  parseInput,
  requireAuthenticated,
  requireStaff,
} from '@petfriendly/core';
import type { CrmPort, marketingConsentChanged } from '@petfriendly/crm';
import { type addressRejected, type messageReceived, toE164 } from '@petfriendly/omnichannel';
import { and, desc, eq, sql } from 'drizzle-orm';
import { suppressionInputSchema } from './marketing.schemas';
import { CHANNELS, type Channel, campaignRecipients, consentLog, suppressions } from './marketing.tables';
import { addressOf } from './outbox';
import { isStopReply } from './stop-words';
import { verifyUnsubscribe } from './unsubscribe-token';

type Reason = (typeof suppressions.$inferInsert)['reason'];

/** Marketing consent (the CRM profile holds it; its history is here) and the addresses never written to again. */
export function createConsentService(ctx: ModuleContext, crm: CrmPort) {
  const { db } = ctx;

  async function consentOf(ownerId: string) {
    const [facts] = await crm.customers.marketingFacts([ownerId]);
    return { granted: facts?.marketingConsent ?? false, at: facts?.marketingConsentAt ?? null, source: facts?.marketingConsentSource ?? null };
  }

  /** The signed-in owner's own consent. */
  async function getMyConsent(actor: Actor) {
    return consentOf(requireAuthenticated(actor).userId);
  }

  /** The owner gives or withdraws consent themselves (the portal's notification preferences). */
  async function setMyConsent(actor: Actor, granted: boolean) {
    const me = requireAuthenticated(actor);
    await crm.customers.recordMarketingConsent(me.userId, { consent: granted, source: 'portal' });
    return consentOf(me.userId);
  }

  /** The history, from the CRM's event (whoever changed it: the owner, the front desk, an unsubscribe). */
  async function logConsent(p: EventPayload<typeof marketingConsentChanged>) {
    await db.insert(consentLog).values({ ownerId: p.ownerId, granted: p.granted, source: p.source, at: new Date(p.at) });
  }

  async function consentHistory(actor: Actor, ownerId: string) {
    requireStaff(actor);
    return db.select().from(consentLog).where(eq(consentLog.ownerId, ownerId)).orderBy(desc(consentLog.at), desc(consentLog.id));
  }

  async function suppress(channel: Channel, address: string, reason: Reason, ownerId: string | null = null, campaignId: number | null = null) {
    await db
      .insert(suppressions)
      .values({ channel, address: channel === 'email' ? address.trim().toLowerCase() : address, reason, ownerId, campaignId, at: ctx.clock.now() })
      .onConflictDoNothing();
  }

  /**
   * What an unsubscribe link stands for, for the confirmation page: the owner, the channel and the address
   * (the one the campaign wrote to, else the owner's address on that channel now); null when the link is not ours.
   */
  async function readLink(token: string) {
    const claim = verifyUnsubscribe(ctx.server.SECRET ?? '', token);
    if (!claim) return null;
    const [sent] = claim.campaignId
      ? await db
          .select({ address: campaignRecipients.address })
          .from(campaignRecipients)
          .where(and(eq(campaignRecipients.campaignId, claim.campaignId), eq(campaignRecipients.ownerId, claim.ownerId)))
      : [];
    const [facts] = sent ? [] : await crm.customers.marketingFacts([claim.ownerId]);
    return { ...claim, address: sent?.address ?? (facts ? addressOf(facts, claim.channel, toE164) : null) };
  }

  /** One click: the address is suppressed and the owner's marketing consent withdrawn. False for a link that is not ours. */
  async function unsubscribe(token: string): Promise<boolean> {
    const claim = await readLink(token);
    if (!claim) return false;
    if (claim.address) await suppress(claim.channel, claim.address, 'unsubscribe', claim.ownerId, claim.campaignId || null);
    const consent = await consentOf(claim.ownerId);
    if (consent.granted) await crm.customers.recordMarketingConsent(claim.ownerId, { consent: false, source: 'unsubscribe_link' });
    return true;
  }

  /** STOP / BAJA by SMS or WhatsApp: that number gets no more marketing, and the owner's consent is withdrawn. */
  async function onMessageReceived(p: EventPayload<typeof messageReceived>, _event: EventContext) {
    if (!(CHANNELS as readonly string[]).includes(p.channel) || p.channel === 'email' || !isStopReply(p.text)) return;
    await suppress(p.channel as Channel, p.contact, 'stop_reply', p.ownerId);
    if (p.ownerId && (await consentOf(p.ownerId)).granted) await crm.customers.recordMarketingConsent(p.ownerId, { consent: false, source: 'stop_reply' });
  }

  /** A permanent bounce or a complaint reported by the provider. */
  async function onAddressRejected(p: EventPayload<typeof addressRejected>) {
    if ((CHANNELS as readonly string[]).includes(p.channel)) await suppress(p.channel as Channel, p.address, p.reason, p.ownerId);
  }

  async function listSuppressions(actor: Actor, page: unknown = {}) {
    requireStaff(actor, ['manager', 'admin']);
    const q = parseInput(pageQuerySchema, page);
    const found = await db
      .select()
      .from(suppressions)
      .orderBy(desc(suppressions.at))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return pageOf(found, q);
  }

  /** Staff add an address by hand (a complaint by phone, a bounce reported elsewhere: the documented hook). */
  async function addSuppression(actor: Actor, input: unknown) {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(suppressionInputSchema, input);
    await suppress(data.channel, data.address, data.reason);
    const [row] = await db
      .select()
      .from(suppressions)
      .where(and(eq(suppressions.channel, data.channel), eq(suppressions.address, data.channel === 'email' ? data.address.toLowerCase() : data.address)));
    return row!;
  }

  async function isSuppressed(channel: Channel, address: string) {
    const [row] = await db
      .select({ n: sql<number>`1` })
      .from(suppressions)
      .where(and(eq(suppressions.channel, channel), eq(suppressions.address, address)));
    return Boolean(row);
  }

  /** The omnichannel socket: the notification preferences page shows and sets this. */
  const socket = {
    get: async (userId: string) => (await consentOf(userId)).granted,
    set: async (userId: string, granted: boolean) => {
      await crm.customers.recordMarketingConsent(userId, { consent: granted, source: 'portal' });
    },
  };

  return {
    getMyConsent,
    setMyConsent,
    logConsent,
    consentHistory,
    suppress,
    readLink,
    unsubscribe,
    onMessageReceived,
    onAddressRejected,
    listSuppressions,
    addSuppression,
    isSuppressed,
    socket,
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
