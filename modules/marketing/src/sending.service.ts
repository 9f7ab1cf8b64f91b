import type { appointmentBooked } from '@petfriendly/appointments';
import type { invoicePaid } from '@petfriendly/billing';
import { type EventContext, type EventPayload, type ModuleContext, NotFoundError, rows, ValidationError } from '@petfriendly/core';
import type { CrmPort } from '@petfriendly/crm';
import { type messageDelivered, type messageFailed, type messageSent, toE164 } from '@petfriendly/omnichannel';
import type { orderPaid } from '@petfriendly/store';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { CampaignService } from './campaign.service';
import { bookings, CHANNELS, type Channel, campaignRecipients, campaigns } from './marketing.tables';
import { addressOf, type Outbox, type OwnerFacts } from './outbox';

/** A claimed row not sent after this long belonged to a process that stopped: it is queued again (it never had a message). */
const STALE_CLAIM_MS = 10 * 60_000;
type Recipient = typeof campaignRecipients.$inferSelect;

/**
 * Sending: recipients queued from the segment (consenting, not suppressed, once each), then sent in batches
 * at each channel's rate. A row is claimed (`queued` → `sending`, with FOR UPDATE SKIP LOCKED) and leaves
 * `sending` for `sent` in the very transaction that queues its omnichannel message, matched on its claim
 * time: so a crash, a restart or two dispatchers at once never send a message twice, nor lose one.
 */
export function createSendingService(ctx: ModuleContext, crm: CrmPort, outbox: Outbox, campaignService: Pick<CampaignService, 'channelFor'>) {
  const { db } = ctx;

  /** Every consenting owner of the campaign's segment with an address on their channel, less suppressed addresses; once each. */
  async function queueRecipients(campaignId: number) {
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign) throw new NotFoundError('marketing.campaign_not_found', `No campaign ${campaignId}.`);
    if (!campaign.segmentId) throw ValidationError.forField('marketing.no_segment', 'segmentId', 'Choose a segment first.');
    const audience = await crm.segments.segmentAudience(campaign.segmentId);
    const candidates = audience.flatMap((a) => {
      if (!a.marketingConsent) return [];
      const channel = campaignService.channelFor(campaign, a.preferredChannel);
      const address = addressOf(a, channel, toE164);
      return address ? [{ owner_id: a.ownerId, channel, address, language: a.preferredLanguage }] : [];
    });
    const now = ctx.clock.now();
    const queued = await db.transaction(async (tx) => {
      const inserted = candidates.length
        ? await rows<{ n: number }>(
            tx,
            sql`with added as (
                  insert into marketing.campaign_recipients (campaign_id, owner_id, channel, address, language, state, created_at)
                  select ${campaignId}, r.owner_id, r.channel, r.address, r.language, 'queued', ${now}
                  from jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) as r(owner_id uuid, channel text, address text, language text)
                  where not exists (select 1 from marketing.suppressions s where s.channel = r.channel and s.address = r.address)
                  on conflict (campaign_id, owner_id) do nothing
                  returning 1)
                select count(*)::int as n from added`,
          )
        : [{ n: 0 }];
      await tx
        .update(campaigns)
        .set({ status: 'sending', queuedAt: now, updatedAt: now })
        .where(and(eq(campaigns.id, campaignId), inArray(campaigns.status, ['scheduled', 'sending'])));
      return inserted[0]!.n;
    });
    return { queued, skipped: audience.length - queued };
  }

  /** Takes up to `limit` queued rows of a channel for this process. */
  async function claim(campaignId: number, channel: Channel, limit: number): Promise<Recipient[]> {
    const claimedAt = ctx.clock.now();
    const claimed = await rows<Recipient>(
      db,
      sql`update marketing.campaign_recipients set state = 'sending', claimed_at = ${claimedAt}
          where id in (select id from marketing.campaign_recipients
                       where campaign_id = ${campaignId} and channel = ${channel} and state = 'queued'
                       order by id limit ${limit} for update skip locked)
          returning id, campaign_id as "campaignId", owner_id as "ownerId", channel, address, language`,
    );
    return claimed.map((r) => ({ ...r, claimedAt }));
  }

  /** Claimed rows of a process that stopped before sending them: queued again. */
  async function releaseStale() {
    await db
      .update(campaignRecipients)
      .set({ state: 'queued', claimedAt: null })
      .where(and(eq(campaignRecipients.state, 'sending'), lte(campaignRecipients.claimedAt, new Date(ctx.clock.now().getTime() - STALE_CLAIM_MS))));
  }

  async function fail(row: Recipient, error: string) {
    await db
      .update(campaignRecipients)
      .set({ state: 'failed', error: error.slice(0, 500) })
      .where(and(eq(campaignRecipients.id, row.id), eq(campaignRecipients.state, 'sending')));
  }

  /** Sends claimed rows: each one's message is queued in the transaction that marks it sent. */
  async function sendClaimed(campaign: typeof campaigns.$inferSelect, claimed: Recipient[]) {
    const facts = new Map<string, OwnerFacts>((await crm.customers.marketingFacts(claimed.map((r) => r.ownerId))).map((f) => [f.ownerId, f]));
    let sent = 0;
    for (const row of claimed) {
      const owner = facts.get(row.ownerId);
      // Consent withdrawn (or the address suppressed) since the rows were queued: nothing goes out.
      if (!owner?.marketingConsent) {
        await fail(row, 'no_consent');
        continue;
      }
      const composed = outbox.compose(owner, campaign.content, {
        channel: row.channel,
        language: row.language,
        campaignId: campaign.id,
        recipientId: row.id,
      });
      if (!composed) {
        await fail(row, 'no_content');
        continue;
      }
      let plan: Awaited<ReturnType<Outbox['plan']>>;
      try {
        plan = await outbox.plan(row.ownerId, composed, row.channel);
      } catch (error) {
        await fail(row, error instanceof ValidationError || error instanceof NotFoundError ? error.code : String(error));
        continue;
      }
      if (plan.channel !== row.channel) {
        await fail(row, 'channel_off');
        continue;
      }
      const done = await db.transaction(async (tx) => {
        const [mine] = await tx
          .update(campaignRecipients)
          .set({ state: 'sent', sentAt: ctx.clock.now() })
          .where(and(eq(campaignRecipients.id, row.id), eq(campaignRecipients.state, 'sending'), eq(campaignRecipients.claimedAt, row.claimedAt!)))
          .returning({ id: campaignRecipients.id });
        if (!mine) return false;
        const message = await outbox.queue(tx, plan, { senderType: 'system' });
        await tx.update(campaignRecipients).set({ messageId: message.id }).where(eq(campaignRecipients.id, row.id));
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }

  /** One batch of a campaign: at most a minute's worth per channel. */
  async function sendBatch(campaignId: number) {
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (campaign?.status !== 'sending') return 0;
    let sent = 0;
    for (const channel of CHANNELS) {
      const claimed = await claim(campaignId, channel, campaign.rates[channel]);
      if (claimed.length) sent += await sendClaimed(campaign, claimed);
    }
    return sent;
  }

  /** A campaign with no row left to send is sent. */
  async function finishIfDone(campaignId: number) {
    await db
      .update(campaigns)
      .set({ status: 'sent', finishedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(
        and(
          eq(campaigns.id, campaignId),
          eq(campaigns.status, 'sending'),
          sql`not exists (select 1 from marketing.campaign_recipients r where r.campaign_id = ${campaignId} and r.state in ('queued', 'sending'))`,
        ),
      );
  }

  /**
   * The minute's work (a cron job, so a restart simply goes on): scheduled campaigns whose time came are
   * queued, stale claims released, and each campaign sending gets its next batch.
   */
  async function dispatch() {
    const now = ctx.clock.now();
    const due = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.status, 'scheduled'), lte(campaigns.scheduledAt, now)));
    for (const c of due) await queueRecipients(c.id);
    await releaseStale();
    const sending = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.status, 'sending')).orderBy(asc(campaigns.id));
    let sent = 0;
    for (const c of sending) {
      sent += await sendBatch(c.id);
      await finishIfDone(c.id);
    }
    return sent;
  }

  // What omnichannel reports of each message.
  const byMessage = (messageId: number) => and(eq(campaignRecipients.messageId, messageId));
  async function onMessageDelivered(p: EventPayload<typeof messageDelivered>, event: EventContext) {
    const at = event.occurredAt;
    await db
      .update(campaignRecipients)
      .set(
        p.status === 'read'
          ? { state: 'opened', openedAt: at, deliveredAt: sql`coalesce(${campaignRecipients.deliveredAt}, ${at})` }
          : { state: 'delivered', deliveredAt: at },
      )
      .where(and(byMessage(p.messageId), inArray(campaignRecipients.state, p.status === 'read' ? ['sent', 'delivered'] : ['sent'])));
  }
  async function onMessageFailed(p: EventPayload<typeof messageFailed>) {
    await db
      .update(campaignRecipients)
      .set({ state: 'failed', error: p.error.slice(0, 500) })
      .where(byMessage(p.messageId));
  }
  /** The time it left for its channel (queued before): what the attribution window counts from. */
  async function onMessageSent(p: EventPayload<typeof messageSent>, event: EventContext) {
    await db
      .update(campaignRecipients)
      .set({ sentAt: event.occurredAt })
      .where(and(byMessage(p.messageId), eq(campaignRecipients.state, 'sent')));
  }

  /** Results: a booking or purchase within each campaign's window after its message to that owner counts for it (once). */
  async function attribute(ownerId: string, kind: 'booking' | 'order' | 'invoice', sourceRef: string, amount: string | null, at: Date) {
    await db.execute(sql`
      insert into marketing.attributions (campaign_id, owner_id, kind, source_ref, amount, at)
      select r.campaign_id, ${ownerId}, ${kind}, ${sourceRef}, ${amount}::numeric, ${at}
      from marketing.campaign_recipients r join marketing.campaigns c on c.id = r.campaign_id
      where r.owner_id = ${ownerId} and r.state in ('sent', 'delivered', 'opened', 'clicked')
        and r.sent_at <= ${at} and r.sent_at > ${at}::timestamptz - make_interval(days => c.attribution_days)
      on conflict (campaign_id, source_ref) do nothing`);
  }

  async function onAppointmentBooked(p: EventPayload<typeof appointmentBooked>, event: EventContext) {
    await db.insert(bookings).values({ appointmentId: p.appointmentId, ownerId: p.ownerId, petId: p.petId, at: event.occurredAt }).onConflictDoNothing();
    await attribute(p.ownerId, 'booking', `appointment:${p.appointmentId}`, null, event.occurredAt);
  }
  async function onOrderPaid(p: EventPayload<typeof orderPaid>, event: EventContext) {
    await attribute(p.ownerId, 'order', `order:${p.orderId}`, p.total, event.occurredAt);
  }
  async function onInvoicePaid(p: EventPayload<typeof invoicePaid>, event: EventContext) {
    // An order's invoice is the order itself, counted from the order's event.
    if (p.ownerId && p.orderId === null) await attribute(p.ownerId, 'invoice', `invoice:${p.invoiceId}`, p.total, event.occurredAt);
  }

  return {
    queueRecipients,
    claim,
    releaseStale,
    sendBatch,
    dispatch,
    onMessageSent,
    onMessageDelivered,
    onMessageFailed,
    onAppointmentBooked,
    onOrderPaid,
    onInvoicePaid,
  };
}

export type SendingService = ReturnType<typeof createSendingService>;
