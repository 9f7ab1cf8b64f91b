import {
  type Actor,
  ConflictError,
  type ModuleContext,
  NotFoundError,
  pageOf,
  pageQuerySchema,
  parseInput,
  requireStaff,
  rows,
  ValidationError,
} from '@petfriendly/core';
import type { CrmPort } from '@petfriendly/crm';
import { toE164 } from '@petfriendly/omnichannel';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { campaignInputSchema, campaignUpdateSchema, countSchema, previewSchema, scheduleSchema, testSendSchema } from './marketing.schemas';
import type { MarketingSettings } from './marketing.settings';
import { attributions, type CampaignStatus, type Channel, campaignRecipients, campaigns, type Rates, suppressions } from './marketing.tables';
import { addressOf, type Outbox, type OwnerFacts } from './outbox';
import { unreadableField } from './personalise';

export const MANAGERS = ['manager', 'admin'] as const;
type Campaign = typeof campaigns.$inferSelect;

/** Campaigns: written per language, previewed for one owner, tried on oneself, scheduled, paused, resumed, and their results. */
export function createCampaignService(ctx: ModuleContext, crm: CrmPort, outbox: Outbox, settings: MarketingSettings) {
  const { db } = ctx;
  const defaultRates = (): Rates => ({ email: settings.EMAIL_PER_MINUTE, sms: settings.SMS_PER_MINUTE, whatsapp: settings.WHATSAPP_PER_MINUTE });

  async function requireCampaign(id: number): Promise<Campaign> {
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    if (!row) throw new NotFoundError('marketing.campaign_not_found', `No campaign ${id}.`);
    return row;
  }

  function checkContent(content: Campaign['content']) {
    for (const [language, c] of Object.entries(content)) {
      const field = c && unreadableField(c);
      if (field) throw ValidationError.forField('marketing.bad_template', `content.${language}.${field}`, 'A placeholder is not closed.');
    }
  }

  async function createCampaign(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, MANAGERS);
    const data = parseInput(campaignInputSchema, input);
    checkContent(data.content as Campaign['content']);
    const [row] = await db
      .insert(campaigns)
      .values({
        name: data.name,
        segmentId: data.segmentId,
        channel: data.channel,
        content: data.content as Campaign['content'],
        rates: { ...defaultRates(), ...data.rates },
        attributionDays: data.attributionDays ?? settings.ATTRIBUTION_DAYS,
        createdBy: staff.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    return row!;
  }

  /** Changes while it has not started: a draft, or a scheduled campaign (which goes back to draft). */
  async function updateCampaign(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(campaignUpdateSchema, input);
    if (data.content) checkContent(data.content as Campaign['content']);
    const current = await requireCampaign(id);
    const [row] = await db
      .update(campaigns)
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.segmentId !== undefined ? { segmentId: data.segmentId } : {}),
        ...(data.channel !== undefined ? { channel: data.channel } : {}),
        ...(data.content !== undefined ? { content: data.content as Campaign['content'] } : {}),
        ...(data.rates !== undefined ? { rates: { ...current.rates, ...data.rates } } : {}),
        ...(data.attributionDays !== undefined ? { attributionDays: data.attributionDays } : {}),
        status: 'draft',
        scheduledAt: null,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(campaigns.id, id), inArray(campaigns.status, ['draft', 'scheduled'])))
      .returning();
    if (!row) throw new ConflictError('marketing.campaign_started', 'The campaign has started; it can no longer be changed.');
    return row;
  }

  async function getCampaign(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    return requireCampaign(id);
  }

  async function listCampaigns(actor: Actor, page: unknown = {}) {
    requireStaff(actor, MANAGERS);
    const q = parseInput(pageQuerySchema, page);
    const found = await db
      .select()
      .from(campaigns)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return pageOf(found, q);
  }

  /** The channel a campaign uses for an owner: theirs, or the one it fixes. */
  const channelFor = (campaign: Pick<Campaign, 'channel'>, preferred: string): Channel =>
    (campaign.channel === 'preferred' ? preferred : campaign.channel) as Channel;

  /** What one owner would receive, rendered, without sending. */
  async function previewCampaign(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { ownerId, language } = parseInput(previewSchema, input);
    const campaign = await requireCampaign(id);
    const [owner] = await crm.customers.marketingFacts([ownerId]);
    if (!owner) throw new NotFoundError('marketing.owner_not_found', 'No customer profile for this owner.');
    const channel = channelFor(campaign, owner.preferredChannel);
    const composed = outbox.compose(owner, campaign.content, { channel, language, campaignId: campaign.id });
    if (!composed) throw new ValidationError('marketing.no_content', 'The campaign has no text yet.');
    return {
      ownerId,
      channel,
      language: composed.language,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      whatsappTemplate: composed.whatsappTemplate,
      whatsappParams: composed.whatsappParams,
    };
  }

  /** The preview for the first consenting owner of the campaign's segment (the editor shows it), or null when there is none. */
  async function previewSample(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    const campaign = await requireCampaign(id);
    if (!campaign.segmentId || Object.keys(campaign.content).length === 0) return null;
    const first = (await crm.segments.segmentAudience(campaign.segmentId)).find((a) => a.marketingConsent);
    if (!first) return null;
    return { ownerName: first.name, ...(await previewCampaign(actor, id, { ownerId: first.ownerId })) };
  }

  /** The segments a campaign can go to (the editor's choice). */
  async function segmentChoices(actor: Actor) {
    requireStaff(actor, MANAGERS);
    return (await crm.segments.listSegments(actor)).map((x) => ({ id: x.id, name: x.name, memberCount: x.memberCount }));
  }

  /** The mail as an owner (the one given, or the first in the segment) would get it, sent to the staff member themselves. */
  async function testSend(actor: Actor, id: number, input: unknown) {
    const staff = requireStaff(actor, MANAGERS);
    const data = parseInput(testSendSchema, input);
    const campaign = await requireCampaign(id);
    const sampleId = data.ownerId ?? (campaign.segmentId ? (await crm.segments.segmentAudience(campaign.segmentId))[0]?.ownerId : undefined);
    const [sample] = sampleId ? await crm.customers.marketingFacts([sampleId]) : [];
    const recipient: OwnerFacts = sample ?? {
      ownerId: staff.userId,
      name: staff.name ?? '',
      email: '',
      phone: '',
      preferredLanguage: staff.language,
      preferredChannel: 'email',
      marketingConsent: true,
      marketingConsentAt: null,
      marketingConsentSource: null,
      pets: [],
    };
    // Its unsubscribe link stands for the staff member, never for the owner whose data fills it.
    const composed = outbox.compose(recipient, campaign.content, {
      channel: 'email',
      language: data.language,
      campaignId: 0,
      tokenOwnerId: staff.userId,
    });
    if (!composed) throw new ValidationError('marketing.no_content', 'The campaign has no text yet.');
    const t = ctx.i18n.t(composed.language);
    const plan = await outbox.plan(staff.userId, { ...composed, subject: `${t('marketing:test.prefix')} ${composed.subject}` }, 'email');
    const message = await db.transaction((tx) => outbox.queue(tx, plan, { senderType: 'staff' }));
    return { messageId: message.id };
  }

  /** How many the campaign would reach now: the segment, less those without consent, suppressed or without an address. */
  async function countRecipients(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(countSchema, input);
    const audience = await crm.segments.segmentAudience(data.segmentId);
    const consenting = audience.filter((a) => a.marketingConsent);
    const addressed = consenting.flatMap((a) => {
      const channel = channelFor(data, a.preferredChannel);
      const address = addressOf(a, channel, toE164);
      return address ? [{ channel, address }] : [];
    });
    const [row] = addressed.length
      ? await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from jsonb_to_recordset(${JSON.stringify(addressed)}::jsonb) as r(channel text, address text)
              where exists (select 1 from ${suppressions} s where s.channel = r.channel and s.address = r.address)`,
        )
      : [{ n: 0 }];
    return { segment: audience.length, reachable: addressed.length - row!.n, noConsent: audience.length - consenting.length, suppressed: row!.n };
  }

  async function setStatus(id: number, from: CampaignStatus[], to: CampaignStatus, extra: Partial<Campaign> = {}) {
    const [row] = await db
      .update(campaigns)
      .set({ status: to, updatedAt: ctx.clock.now(), ...extra })
      .where(and(eq(campaigns.id, id), inArray(campaigns.status, from)))
      .returning();
    if (row) return row;
    const current = await requireCampaign(id);
    throw new ConflictError('marketing.bad_status', `The campaign is ${current.status}; it cannot become ${to}.`, { status: current.status });
  }

  /** Sends at a time (now when none): the dispatcher queues the recipients then and sends in batches. */
  async function scheduleCampaign(actor: Actor, id: number, input: unknown = {}) {
    requireStaff(actor, MANAGERS);
    const { at } = parseInput(scheduleSchema, input);
    const campaign = await requireCampaign(id);
    if (!campaign.segmentId) throw ValidationError.forField('marketing.no_segment', 'segmentId', 'Choose a segment first.');
    return setStatus(id, ['draft'], 'scheduled', { scheduledAt: at ?? ctx.clock.now() });
  }

  async function pauseCampaign(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    return setStatus(id, ['sending', 'scheduled'], 'paused');
  }
  /** A paused campaign goes on where it stopped (or waits for its time if it had not started). */
  async function resumeCampaign(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    const campaign = await requireCampaign(id);
    return setStatus(id, ['paused'], campaign.queuedAt ? 'sending' : 'scheduled');
  }
  async function cancelCampaign(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(campaigns)
        .set({ status: 'cancelled', finishedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
        .where(and(eq(campaigns.id, id), inArray(campaigns.status, ['draft', 'scheduled', 'sending', 'paused'])))
        .returning();
      if (!row) throw new ConflictError('marketing.bad_status', 'The campaign has finished; it cannot be cancelled.');
      await tx
        .update(campaignRecipients)
        .set({ state: 'skipped', error: 'cancelled' })
        .where(and(eq(campaignRecipients.campaignId, id), eq(campaignRecipients.state, 'queued')));
      return row;
    });
  }

  /** Where each message got to, per state and channel, and the bookings and purchases it brought within its window. */
  async function campaignResults(actor: Actor, id: number) {
    requireStaff(actor, MANAGERS);
    const campaign = await requireCampaign(id);
    const states = await db
      .select({
        state: campaignRecipients.state,
        channel: campaignRecipients.channel,
        n: sql<number>`count(*)::int`,
        clickers: sql<number>`count(${campaignRecipients.clickedAt})::int`,
        clicks: sql<number>`coalesce(sum(${campaignRecipients.clickCount}), 0)::int`,
      })
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, id))
      .groupBy(campaignRecipients.state, campaignRecipients.channel);
    const byState: Record<string, number> = {};
    const byChannel: Record<string, number> = {};
    for (const s of states) {
      byState[s.state] = (byState[s.state] ?? 0) + s.n;
      byChannel[s.channel] = (byChannel[s.channel] ?? 0) + s.n;
    }
    const [results] = await db
      .select({
        bookings: sql<number>`count(*) filter (where ${attributions.kind} = 'booking')::int`,
        purchases: sql<number>`count(*) filter (where ${attributions.kind} <> 'booking')::int`,
        revenue: sql<string>`coalesce(sum(${attributions.amount}), 0)::numeric(12,2)::text`,
      })
      .from(attributions)
      .where(eq(attributions.campaignId, id));
    return {
      campaign,
      recipients: states.reduce((n, s) => n + s.n, 0),
      states: byState,
      byChannel,
      /** Recipients who clicked a link at least once, and clicks in all. */
      clickers: states.reduce((n, s) => n + s.clickers, 0),
      clicks: states.reduce((n, s) => n + s.clicks, 0),
      bookings: results!.bookings,
      purchases: results!.purchases,
      revenue: results!.revenue,
    };
  }

  /** One page of a campaign's recipients (the results page). */
  async function listRecipients(actor: Actor, id: number, page: unknown = {}) {
    requireStaff(actor, MANAGERS);
    const q = parseInput(pageQuerySchema, page);
    const found = await db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, id))
      .orderBy(campaignRecipients.id)
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return pageOf(found, q);
  }

  return {
    createCampaign,
    updateCampaign,
    getCampaign,
    listCampaigns,
    previewCampaign,
    previewSample,
    segmentChoices,
    testSend,
    countRecipients,
    scheduleCampaign,
    pauseCampaign,
    resumeCampaign,
    cancelCampaign,
    campaignResults,
    listRecipients,
    channelFor,
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
