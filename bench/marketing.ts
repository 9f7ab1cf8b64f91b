import { StaffFactory } from '@petfriendly/accounts/testing';
import { rows } from '@petfriendly/core';
import type { CrmServices } from '@petfriendly/crm';
import type { MarketingServices } from '@petfriendly/marketing';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { bootPlatform } from '../apps/server/src/boot';
import { loadConfig } from '../apps/server/src/config';
import { createBenchStore } from './database';
import { fmtMs } from './measure';

/**
 * `npm run bench:marketing`: a campaign to BENCH_MARKETING_OWNERS (10,000) consenting owners, of whom
 * one email address in 50 is suppressed: the time to queue its recipients (segment from the CRM, consent,
 * suppressions, one row each), then the first minute's batch sent (omnichannel messages queued).
 * The house budget for queueing is 10 s. BENCH_DATABASE_URL: a PostgreSQL server instead of PGlite.
 */
const OWNERS = Number(process.env.BENCH_MARKETING_OWNERS ?? 10_000);
const BUDGET_MS = 10_000;

const store = await createBenchStore();
try {
  console.log(`Marketing bench — ${store.label}, ${OWNERS} owners`);
  const config = loadConfig({ DATA_DIR: store.dataDir, DATABASE_URL: store.url, LOG_LEVEL: 'warn', PORT: '3999', SEED_DEMO: 'false' });
  const platform = await bootPlatform(config, pino({ level: 'warn' }), await store.open(), { worker: false });
  const db = platform.ctx.db;
  const manager = await StaffFactory(platform, 'manager');
  let t = performance.now();
  // Owners as the accounts and CRM events would leave them (the CRM's own tables, as in bench/crm-segments.ts).
  await db.execute(sql`
    insert into accounts.users (name, email, role)
      select 'Cliente ' || i, 'cliente' || i || '@bench.mx', 'owner' from generate_series(1, ${OWNERS}) i`);
  await db.execute(sql`
    insert into crm.owner_profiles (owner_id, name, email, phone, preferred_language, preferred_channel, marketing_consent, marketing_consent_at, marketing_consent_source)
      select u.id, u.name, u.email, '55' || lpad((n * 7919 % 100000000)::text, 8, '0'), (array['es','es','es','en'])[n % 4 + 1],
             (array['whatsapp','whatsapp','sms','email'])[n % 4 + 1], true, now(), 'bench'
      from (select id, name, email, row_number() over (order by email) as n from accounts.users where email like '%@bench.mx') u`);
  await db.execute(sql`
    insert into accounts.owner_profiles (user_id, phone, preferred_channel) select owner_id, phone, preferred_channel from crm.owner_profiles`);
  await db.execute(sql`
    insert into marketing.suppressions (channel, address, reason)
      select 'email', email, 'unsubscribe' from crm.owner_profiles where id % 50 = 3 and preferred_channel = 'email'`);
  await db.execute(sql`analyze`);
  console.log(`Data: ${OWNERS} owners with consent written in ${fmtMs(performance.now() - t)} ms`);

  const crm = platform.services.crm as CrmServices;
  const marketing = platform.services.marketing as MarketingServices;
  const segment = await crm.segments.createSegment(manager.actor, {
    name: 'Todos con consentimiento',
    rules: { match: 'all', conditions: [{ field: 'marketingConsent', value: true }] },
  });
  const campaign = await marketing.campaigns.createCampaign(manager.actor, {
    name: 'Bench',
    segmentId: segment.id,
    content: { es: { subject: 'Hola {{firstName}}', text: 'Hola {{firstName}}, {{clinic}} te espera: {{link}}' } },
  });
  await marketing.campaigns.scheduleCampaign(manager.actor, campaign.id);

  t = performance.now();
  const queued = await marketing.sending.queueRecipients(campaign.id);
  const queueMs = performance.now() - t;
  const [stored] = await rows<{ n: number }>(db, sql`select count(*)::int as n from marketing.campaign_recipients where campaign_id = ${campaign.id}`);

  t = performance.now();
  const sent = await marketing.sending.sendBatch(campaign.id);
  const batchMs = performance.now() - t;

  console.log('\n| what | figure |\n|---|---|');
  console.log(`| recipients queued (of ${OWNERS}; suppressed and unreachable left out) | ${queued.queued} (${stored!.n} rows) |`);
  console.log(`| time to queue them | ${fmtMs(queueMs)} ms (budget ${fmtMs(BUDGET_MS)} ms: ${queueMs <= BUDGET_MS ? 'ok' : 'over budget'}) |`);
  console.log(
    `| first minute's batch (${campaign.rates.email} email, ${campaign.rates.sms} SMS, ${campaign.rates.whatsapp} WhatsApp) | ${sent} messages in ${fmtMs(batchMs)} ms (${fmtMs(batchMs / Math.max(sent, 1))} ms each) |`,
  );
  await platform.close();
  process.exitCode = queueMs <= BUDGET_MS ? 0 : 1;
} finally {
  await store.cleanup();
}
