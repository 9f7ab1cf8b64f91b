import { appointmentBooked } from '@petfriendly/appointments';
import { ownerProfiles } from '@petfriendly/crm/tables';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignRecipients, consentLog, suppressions } from '../src/marketing.tables';
import { signUnsubscribe } from '../src/unsubscribe-token';
import { marketingPlatform, spanish } from './setup';

// Many owners and messages on a shared machine: slower than the default allows, never timed here.
vi.setConfig({ testTimeout: 120_000 });

let m: Awaited<ReturnType<typeof marketingPlatform>>;

beforeAll(async () => {
  m = await marketingPlatform();
}, 300_000);
afterAll(async () => m?.platform.close());

const MINUTE = 60_000;

describe('a campaign interrupted mid-send and resumed', () => {
  it('sends each message exactly once: a crash between batches, a claimed batch lost, a restart and two dispatchers at once', async () => {
    const owners = [];
    for (let i = 0; i < 25; i++) owners.push(await m.owner({ channel: 'email' }));
    const segment = await m.consentingSegment('Interrumpida');
    const campaign = await m.s.campaigns.createCampaign(m.manager.actor, {
      name: 'Vacunas de primavera',
      segmentId: segment.id,
      content: spanish('Hola {{firstName}}, {{pets}} te espera.'),
      rates: { email: 6 },
    });
    await m.s.campaigns.scheduleCampaign(m.manager.actor, campaign.id);

    // The first minute: all 25 queued, one batch of 6 sent.
    expect(await m.s.sending.dispatch()).toBe(6);
    // The next batch is claimed… and the process dies before sending it.
    const lost = await m.s.sending.claim(campaign.id, 'email', 6);
    expect(lost).toHaveLength(6);

    // A new process on the same database. Within the claim's lease the lost rows wait; after it they are sent.
    const restarted = m.restart();
    m.platform.clock.advance(MINUTE);
    expect(await restarted.sending.dispatch()).toBe(6);
    m.platform.clock.advance(11 * MINUTE);
    const other = m.restart();
    for (let i = 0; i < 10; i++) {
      await Promise.all([restarted.sending.dispatch(), other.sending.dispatch()]);
      m.platform.clock.advance(MINUTE);
    }
    await m.deliver();

    const rows = await m.platform.ctx.db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaign.id));
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.state === 'sent' && r.messageId !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(25);
    const mails = (await m.outbox()).filter((o) => o.subject === 'Promoción');
    const perAddress = new Map<string, number>();
    for (const mail of mails) perAddress.set(mail.recipient, (perAddress.get(mail.recipient) ?? 0) + 1);
    expect(perAddress.size).toBe(25);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect((await m.s.campaigns.getCampaign(m.manager.actor, campaign.id)).status).toBe('sent');
  });

  it('pauses between batches and resumes where it stopped', async () => {
    for (let i = 0; i < 4; i++) await m.owner({ channel: 'email' });
    const segment = await m.consentingSegment('Pausada');
    const campaign = await m.s.campaigns.createCampaign(m.manager.actor, {
      name: 'Pausa',
      segmentId: segment.id,
      content: spanish('Hola', 'Pausa'),
      rates: { email: 10 },
    });
    await m.s.campaigns.scheduleCampaign(m.manager.actor, campaign.id, { at: new Date(m.platform.clock.now().getTime() + 5 * MINUTE) });
    expect(await m.s.sending.dispatch()).toBe(0);
    m.platform.clock.advance(5 * MINUTE);
    const before = (await m.s.campaigns.campaignResults(m.manager.actor, campaign.id)).recipients;
    expect(before).toBe(0);
    await m.s.sending.dispatch();
    await m.s.campaigns.pauseCampaign(m.manager.actor, campaign.id);
    const sentBefore = (await m.s.campaigns.campaignResults(m.manager.actor, campaign.id)).states.sent ?? 0;
    await m.s.sending.dispatch();
    expect((await m.s.campaigns.campaignResults(m.manager.actor, campaign.id)).states.sent ?? 0).toBe(sentBefore);
    await m.s.campaigns.resumeCampaign(m.manager.actor, campaign.id);
    for (let i = 0; i < 3; i++) await m.s.sending.dispatch();
    const results = await m.s.campaigns.campaignResults(m.manager.actor, campaign.id);
    expect(results.states.sent).toBe(results.recipients);
    expect(results.campaign.status).toBe('sent');
  });
});

describe('who gets nothing', () => {
  it('an owner without consent, one unsubscribed by link, one who answered BAJA, one whose mail bounced, one who unsubscribed after being queued', async () => {
    const yes = await m.owner({ channel: 'email' });
    const noConsent = await m.owner({ channel: 'email', consent: false });
    const unsubscribed = await m.owner({ channel: 'email' });
    const baja = await m.owner({ channel: 'sms', phone: '5512345678' });
    const bounced = await m.owner({ channel: 'email' });
    const late = await m.owner({ channel: 'email' });
    const targets = [yes, noConsent, unsubscribed, baja, bounced, late];
    const segment = await m.crm.segments.createSegment(m.manager.actor, {
      name: 'Seis',
      rules: { match: 'any', conditions: targets.map((o) => ({ field: 'tag', has: `t-${o.user.id.slice(0, 8)}` })) },
    });
    for (const o of targets) await m.crm.customers.addTag(m.manager.actor, o.user.id, { tag: `t-${o.user.id.slice(0, 8)}` });

    // The link in a message: one click withdraws consent and suppresses the address.
    const secret = m.platform.ctx.server.SECRET!;
    expect(await m.s.consent.unsubscribe(signUnsubscribe(secret, { ownerId: unsubscribed.user.id, channel: 'email', campaignId: 0 }))).toBe(true);
    expect(await m.s.consent.unsubscribe(`${signUnsubscribe(secret, { ownerId: yes.user.id, channel: 'email', campaignId: 0 })}x`)).toBe(false);
    // "BAJA" by SMS.
    const omni = m.platform.services.omnichannel as { inbox: { recordInbound(i: unknown): Promise<unknown> } };
    await omni.inbox.recordInbound({
      channel: 'sms',
      provider: 'twilio',
      externalId: 'SM-baja',
      from: '+525512345678',
      text: ' Baja ',
      at: m.platform.clock.now(),
    });
    // A permanent bounce reported by the provider.
    const prefs = m.platform.services.omnichannel as { preferences: { disableEmail(e: string, r: string): Promise<void> } };
    await prefs.preferences.disableEmail(bounced.user.email, 'hard_bounce');
    await m.settle();

    const count = await m.s.campaigns.countRecipients(m.manager.actor, { segmentId: segment.id });
    expect(count).toEqual({ segment: 6, reachable: 2, noConsent: 3, suppressed: 1 });

    const campaign = await m.s.campaigns.createCampaign(m.manager.actor, {
      name: 'Solo consentidos',
      segmentId: segment.id,
      content: spanish('Hola {{firstName}}', 'Solo'),
    });
    await m.s.campaigns.scheduleCampaign(m.manager.actor, campaign.id);
    expect(await m.s.sending.queueRecipients(campaign.id)).toEqual({ queued: 2, skipped: 4 });
    // Queued, then unsubscribed before the batch: nothing goes out.
    await m.crm.customers.setMarketingConsent(m.manager.actor, late.user.id, { consent: false, source: 'phone_call' });
    await m.s.sending.dispatch();
    await m.deliver();

    const got = (await m.outbox()).filter((o) => o.subject === 'Solo').map((o) => o.recipient);
    expect(got).toEqual([yes.user.email]);
    const results = await m.s.campaigns.campaignResults(m.manager.actor, campaign.id);
    expect(results.states).toEqual({ sent: 1, failed: 1 });

    const suppressed = await m.platform.ctx.db.select().from(suppressions);
    expect(suppressed.map((r) => [r.channel, r.address, r.reason]).sort()).toEqual(
      [
        ['email', bounced.user.email, 'hard_bounce'],
        ['email', unsubscribed.user.email, 'unsubscribe'],
        ['sms', '+525512345678', 'stop_reply'],
      ].sort(),
    );
    const history = await m.platform.ctx.db.select().from(consentLog).where(eq(consentLog.ownerId, baja.user.id));
    expect(history.map((h) => [h.granted, h.source])).toEqual([
      [true, 'sign_up_form'],
      [false, 'stop_reply'],
    ]);
  });
});

describe('results and sequences', () => {
  it('counts a booking within the window for the campaign, and stops a welcome sequence when the owner books', async () => {
    // Events carry the database's time: the clock goes back to it (the tests above moved it on).
    m.platform.clock.set(new Date());
    await m.s.sequences.setActive(m.manager.actor, 'new_owner_welcome', { isActive: true });
    const owner = await m.owner({ channel: 'email', name: 'Rosa Medina' });
    const segment = await m.crm.segments.createSegment(m.manager.actor, {
      name: 'Rosa',
      rules: { match: 'all', conditions: [{ field: 'tag', has: 'rosa' }] },
    });
    await m.crm.customers.addTag(m.manager.actor, owner.user.id, { tag: 'rosa' });
    const campaign = await m.s.campaigns.createCampaign(m.manager.actor, {
      name: 'Rosa',
      segmentId: segment.id,
      content: spanish('Hola {{firstName}}', 'Rosa'),
    });
    await m.s.campaigns.scheduleCampaign(m.manager.actor, campaign.id);
    await m.s.sending.dispatch();

    // The welcome's first step went at once; the second waits a week.
    expect(await m.s.sequences.advance()).toBeGreaterThanOrEqual(1);
    await m.deliver();
    const welcome = (await m.outbox()).filter((o) => o.recipient === owner.user.email).map((o) => o.subject);
    expect(welcome).toContain(`Bienvenido a ${m.platform.ctx.clinic.NAME}`);

    m.platform.clock.advance(2 * 86_400_000);
    await m.platform.ctx.db.transaction((tx) =>
      m.platform.ctx.events.emit(tx, appointmentBooked, {
        appointmentId: 9001,
        ownerId: owner.user.id,
        petId: 1,
        staffId: m.manager.user.id,
        startsAt: '2026-03-20T16:00:00Z',
        serviceTypeId: 1,
        createdVia: 'online',
      }),
    );
    await m.settle();
    expect((await m.s.campaigns.campaignResults(m.manager.actor, campaign.id)).bookings).toBe(1);

    m.platform.clock.advance(6 * 86_400_000);
    await m.s.sequences.advance();
    const welcomeSeq = (await m.s.sequences.listSequences(m.manager.actor)).find((q) => q.key === 'new_owner_welcome')!;
    expect(welcomeSeq.stopped).toBeGreaterThanOrEqual(1);
    await m.deliver();
    expect((await m.outbox()).filter((o) => o.recipient === owner.user.email && o.subject?.includes('paquetes'))).toEqual([]);
  });

  it('enrols a lapsed owner in the win-back, sends its first step, and not again while the run goes on', async () => {
    const owner = await m.owner({ channel: 'email', name: 'Pedro Lapso' });
    const lastVisit = new Date(m.platform.clock.now().getTime() - 400 * 86_400_000).toISOString().slice(0, 10);
    // The CRM's profile as a visit 400 days ago left it (its events are vet-clinic's).
    await m.platform.ctx.db.update(ownerProfiles).set({ lastVisitDate: lastVisit }).where(eq(ownerProfiles.ownerId, owner.user.id));
    await m.s.sequences.setActive(m.manager.actor, 'lapsed_winback', { isActive: true });
    expect(await m.s.sequences.enrolDue()).toBeGreaterThanOrEqual(1);
    expect(await m.s.sequences.enrolDue()).toBe(0);
    await m.s.sequences.advance();
    await m.deliver();
    expect((await m.outbox()).filter((o) => o.recipient === owner.user.email && o.subject?.startsWith('Extrañamos a'))).toHaveLength(1);
    const winback = (await m.s.sequences.listSequences(m.manager.actor)).find((q) => q.key === 'lapsed_winback')!;
    expect(winback.active).toBeGreaterThanOrEqual(1);
  });
});
