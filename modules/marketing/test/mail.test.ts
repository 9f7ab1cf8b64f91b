import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { CrmServices } from '@petfriendly/crm';
import { readMailHtml, type SmtpSink, startSmtpSink } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { signClick } from '../src/click-token';
import { campaignRecipients, consentLog, suppressions } from '../src/marketing.tables';
import type { MarketingServices } from '../src/services';

// Many owners and messages on a shared machine: slower than the default allows, never timed here.
vi.setConfig({ testTimeout: 120_000 });

let smtp: SmtpSink;
let t: TestApp;
let s: MarketingServices;
let crm: CrmServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let lucia: Awaited<ReturnType<typeof OwnerFactory>>;

/** The figures of a results page (`dl.facts`), read by htmlparser2: term → value. */
function readFacts(html: string): Record<string, string> {
  const document = parseDocument(html);
  const [facts] = DomUtils.getElementsByTagName('dl', document).filter((dl) => dl.attribs.class === 'facts');
  const terms = DomUtils.getElementsByTagName('dt', facts!).map((n) => DomUtils.textContent(n).trim());
  const values = DomUtils.getElementsByTagName('dd', facts!).map((n) => DomUtils.textContent(n).trim());
  return Object.fromEntries(terms.map((term, i) => [term, values[i]!]));
}

const settle = () => t.platform.ctx.events.dispatch();
const deliver = () => t.platform.ctx.jobs.runReady(['omnichannel.send']);

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ env: smtp.env });
  s = t.platform.services.marketing;
  crm = t.platform.services.crm;
  manager = await StaffFactory(t.platform, 'manager');
  lucia = await OwnerFactory(t.platform, { name: 'Lucía Ramírez', email: 'lucia@example.mx', language: 'es' });
  await t.platform.services.accounts.users.updateOwnerProfile(lucia.actor, { preferredChannel: 'email' });
  await settle();
}, 300_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A campaign to Lucía alone (a segment by a tag only she has), sent now, its mail delivered over SMTP. */
async function sendToLucia(name: string) {
  await crm.customers.addTag(manager.actor, lucia.user.id, { tag: 'lucia' });
  const segments = await crm.segments.listSegments(manager.actor);
  const segment =
    segments.find((x) => x.name === 'Lucía') ??
    (await crm.segments.createSegment(manager.actor, { name: 'Lucía', rules: { match: 'all', conditions: [{ field: 'tag', has: 'lucia' }] } }));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/marketing/campaigns',
    headers: manager.auth,
    payload: {
      name,
      segmentId: segment.id,
      content: {
        es: {
          subject: '{{firstName}}, te esperamos',
          text: 'Hola {{firstName}}, agenda en {{link}}',
          html: '<h1>Hola {{firstName}}</h1><p>Agenda en <a href="{{link}}">{{clinic}}</a></p>',
        },
      },
    },
  });
  expect(created.statusCode).toBe(201);
  const id = json(created).id as number;
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/marketing/campaigns/${id}/schedule`, headers: manager.auth, payload: {} })).statusCode).toBe(200);
  await s.sending.dispatch();
  await deliver();
  return id;
}

describe('marketing mail through a real SMTP server, read back by mailparser', () => {
  it('reaches only a consenting owner, with the HTML part, the text part and the RFC 8058 one-click headers', async () => {
    // Without consent, nothing.
    await sendToLucia('Sin consentimiento');
    expect(smtp.to('lucia@example.mx')).toEqual([]);

    // She gives consent herself, in the portal's notification preferences (kept by marketing in the CRM profile).
    const omni = t.platform.services.omnichannel;
    await omni.preferences.updatePreferences(lucia.actor, { marketingEnabled: true });
    expect((await omni.preferences.getPreferences(lucia.actor)).marketingEnabled).toBe(true);
    expect(json(await t.app.inject({ method: 'GET', url: '/api/v1/marketing/me/consent', headers: lucia.auth }))).toMatchObject({
      granted: true,
      source: 'portal',
    });
    await settle();

    await sendToLucia('Primavera');
    const [mail] = smtp.to('lucia@example.mx');
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Lucía, te esperamos');
    // The raw header lines as the server received them (mailparser also folds List-* into `headers.get('list')`).
    const line = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    const oneClick = /^List-Unsubscribe: <(http:\/\/localhost:3000\/webhooks\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)>$/.exec(
      line('list-unsubscribe') ?? '',
    )?.[1];
    expect(oneClick).toBeDefined();
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect((mail!.headers.get('list') as { unsubscribe?: { url?: string } }).unsubscribe?.url).toBe(oneClick);
    const html = readMailHtml(mail!.html as string);
    expect(html).toMatchObject({ lang: 'es', title: 'Lucía, te esperamos' });
    expect(html.text).toContain('Hola Lucía');
    const pageLink = oneClick!.replace('/webhooks/unsubscribe/', '/unsubscribe/');
    expect(html.links).toContainEqual({ href: pageLink, text: 'Darme de baja de las promociones' });
    // The campaign's own link goes through the click-counting redirect, to the clinic's booking page.
    const booking = new URL(html.links.find((l) => l.text === t.platform.ctx.clinic.NAME)!.href);
    expect(booking.searchParams.get('u')).toBe('http://localhost:3000/book');
    expect(mail!.text).toContain('Hola Lucía, agenda en http://localhost:3000/book');
    expect(mail!.text).toContain(pageLink);

    // The page asks before unsubscribing; a forged link is refused.
    const page = await t.app.inject({ method: 'GET', url: new URL(pageLink).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lucia@example.mx');
    expect(page.body).toContain('Sí, darme de baja');
    expect((await t.app.inject({ method: 'GET', url: `${new URL(pageLink).pathname}x` })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${new URL(oneClick!).pathname}x`,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(404);

    // The mail client's one-click POST: no cookie, no form token.
    const clicked = await t.app.inject({
      method: 'POST',
      url: new URL(oneClick!).pathname,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(clicked.statusCode).toBe(204);
    await settle();
    const [suppressed] = await t.platform.ctx.db.select().from(suppressions).where(eq(suppressions.address, 'lucia@example.mx'));
    expect(suppressed).toMatchObject({ channel: 'email', reason: 'unsubscribe', ownerId: lucia.user.id });
    expect((await omni.preferences.getPreferences(lucia.actor)).marketingEnabled).toBe(false);
    const history = await t.platform.ctx.db.select().from(consentLog).where(eq(consentLog.ownerId, lucia.user.id));
    expect(history.map((h) => [h.granted, h.source])).toEqual([
      [true, 'portal'],
      [false, 'unsubscribe_link'],
    ]);

    // Even if she is marked consenting again at the desk, the address stays suppressed: nothing more arrives.
    await crm.customers.setMarketingConsent(manager.actor, lucia.user.id, { consent: true, source: 'front_desk' });
    await sendToLucia('Verano');
    expect(smtp.to('lucia@example.mx')).toHaveLength(1);
  });

  it('sends its links through a signed redirect that counts clicks, goes only where the token was made to go, and shows them in the results', async () => {
    const marta = await OwnerFactory(t.platform, { name: 'Marta Gil', email: 'marta@example.mx', language: 'es' });
    await t.platform.services.accounts.users.updateOwnerProfile(marta.actor, { preferredChannel: 'email' });
    await settle();
    await crm.customers.setMarketingConsent(manager.actor, marta.user.id, { consent: true, source: 'front_desk' });
    await crm.customers.addTag(manager.actor, marta.user.id, { tag: 'marta' });
    const segment = await crm.segments.createSegment(manager.actor, { name: 'Marta', rules: { match: 'all', conditions: [{ field: 'tag', has: 'marta' }] } });
    const guide = 'https://vacunas.example.org/guia?especie=perro&edad=1';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/marketing/campaigns',
      headers: manager.auth,
      payload: {
        name: 'Clics',
        segmentId: segment.id,
        content: {
          es: {
            subject: 'Vacunas',
            text: 'Agenda en {{link}}',
            html: `<p><a href="{{link}}">Agenda</a> o lee <a href="${guide.replace('&', '&amp;')}">la guía</a></p>`,
          },
        },
      },
    });
    const id = json(created).id as number;
    await t.app.inject({ method: 'POST', url: `/api/v1/marketing/campaigns/${id}/schedule`, headers: manager.auth, payload: {} });
    await s.sending.dispatch();
    await deliver();

    const [mail] = smtp.to('marta@example.mx');
    const html = readMailHtml(mail!.html as string);
    const href = (text: string) => new URL(html.links.find((l) => l.text === text)!.href);
    const book = href('Agenda');
    const guideLink = href('la guía');
    for (const link of [book, guideLink]) expect(link.pathname).toMatch(/^\/m\/c\/[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(book.searchParams.get('u')).toBe('http://localhost:3000/book');
    expect(guideLink.searchParams.get('u')).toBe(guide);
    // The way out is not tracked: it still goes straight to the unsubscribe page.
    expect(html.links.some((l) => l.href.startsWith('http://localhost:3000/unsubscribe/'))).toBe(true);

    const follow = (url: URL | string) => t.app.inject({ method: 'GET', url: typeof url === 'string' ? url : `${url.pathname}${url.search}` });
    const first = await follow(book);
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('http://localhost:3000/book');
    const [afterOne] = await t.platform.ctx.db.select().from(campaignRecipients).where(eq(campaignRecipients.ownerId, marta.user.id));
    expect(afterOne).toMatchObject({ state: 'clicked', clickCount: 1 });
    expect(afterOne!.clickedAt).not.toBeNull();
    // Two clicks at once both count; the first click's time stays.
    const [a, b] = await Promise.all([follow(guideLink), follow(book)]);
    expect([a.statusCode, b.statusCode]).toEqual([302, 302]);
    expect(a.headers.location).toBe(guide);
    const [afterThree] = await t.platform.ctx.db.select().from(campaignRecipients).where(eq(campaignRecipients.ownerId, marta.user.id));
    expect(afterThree).toMatchObject({ clickCount: 3, clickedAt: afterOne!.clickedAt });

    // A changed token, a changed target, a validly signed link to a place the campaign never declared, no target: refused.
    const token = book.pathname.split('/').pop()!;
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await follow(`/m/c/${flipped}${book.search}`)).statusCode).toBe(404);
    expect((await follow(`/m/c/${token}?u=${encodeURIComponent('https://evil.example/book')}`)).statusCode).toBe(404);
    const signedElsewhere = signClick(t.platform.ctx.server.SECRET ?? '', afterOne!.id, 'https://evil.example/');
    expect((await follow(`/m/c/${signedElsewhere}?u=${encodeURIComponent('https://evil.example/')}`)).statusCode).toBe(404);
    const missing = await follow(`/m/c/${token}`);
    expect(missing.statusCode).toBeGreaterThanOrEqual(400);
    expect(missing.statusCode).toBeLessThan(500);
    const [still] = await t.platform.ctx.db.select().from(campaignRecipients).where(eq(campaignRecipients.ownerId, marta.user.id));
    expect(still!.clickCount).toBe(3);

    const results = json(await t.app.inject({ method: 'GET', url: `/api/v1/marketing/campaigns/${id}/results`, headers: manager.auth }));
    expect(results).toMatchObject({ clickers: 1, clicks: 3, states: { clicked: 1 } });
    const page = await t.app.inject({ method: 'GET', url: `/admin/marketing/${id}/results`, headers: manager.auth });
    const figures = readFacts(page.body);
    expect(figures).toMatchObject({ 'Hicieron clic': '1', Clics: '3' });
  });

  it('refuses bad input with a 4xx that names it, and keeps campaigns to managers', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/marketing/campaigns',
      headers: manager.auth,
      payload: { name: '', segmentId: 0, content: {} },
    });
    expect(bad.statusCode).toBe(422);
    const unclosed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/marketing/campaigns',
      headers: manager.auth,
      payload: { name: 'Mal', segmentId: 1, content: { es: { text: 'Hola {{firstName' } } },
    });
    expect(unclosed.statusCode).toBe(422);
    expect(json(unclosed).error.code).toBe('marketing.bad_template');
    // The assistant's tools for staff: a draft in the owners' language (guided mode offers these templates), a count.
    const draft = await t.platform.ctx.tools.executeTool(
      'marketing_draft_campaign',
      { goal: 'vaccine', language: 'en', offer: '10 % off this month' },
      manager.actor,
    );
    expect(draft).toMatchObject({ ok: true, data: { content: { subject: 'Vaccine due: {{vaccine}}' } } });
    expect((draft as { data: { content: { text: string } } }).data.content.text).toContain('10 % off this month. Book at {{link}}');
    const segment = (await crm.segments.listSegments(manager.actor)).find((x) => x.name === 'Lucía');
    expect(await t.platform.ctx.tools.executeTool('marketing_count_recipients', { segmentId: segment!.id }, manager.actor)).toMatchObject({
      ok: true,
      data: { segment: 1, reachable: 0, suppressed: 1 },
    });
    const desk = await StaffFactory(t.platform, 'receptionist');
    expect(await t.platform.ctx.tools.executeTool('marketing_draft_campaign', { goal: 'welcome' }, desk.actor)).toMatchObject({ ok: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/marketing/campaigns', headers: desk.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/marketing/campaigns/999999', headers: manager.auth })).statusCode).toBe(404);
  });
});
