import { StaffFactory } from '@petfriendly/accounts/testing';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { competitiveIntelSettings } from '../src/competitive-intel.settings';
import { visits } from '../src/competitive-intel.tables';
import type { CompetitiveIntelServices } from '../src/services';
import { CompetitorFactory } from '../src/testing';
import { createVisitorService } from '../src/visitor.service';

let t: TestApp;
let s: CompetitiveIntelServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let rivalId: number;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  s = t.platform.services['competitive-intel'];
  manager = await StaffFactory(t.platform, 'manager');
  rivalId = (await CompetitorFactory(t.platform, { name: 'Hospital Veterinario Providencia', ipRanges: ['201.141.20.0/24', '2806:10a0::/32'] })).id;
});
afterAll(async () => t?.close());

/** Every stored visit, as the table holds it. */
async function stored() {
  return t.platform.ctx.db.select().from(visits).orderBy(asc(visits.id));
}

/** The hook runs after the response is sent: wait until `count` visits reached the table. */
async function settled(count: number) {
  await vi.waitFor(
    async () => {
      await s.visitors.flush();
      expect(await stored()).toHaveLength(count);
    },
    { timeout: 5000, interval: 50 },
  );
  return stored();
}

const visit = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('visitor intelligence', () => {
  it('stores the network of a public page’s visitor, never the full address, and the competitor whose range it is', async () => {
    expect((await visit('/store?email=ana@example.mx', '201.141.20.77')).statusCode).toBe(200);
    expect((await visit('/', '203.0.113.77')).statusCode).toBe(200);
    expect((await visit('/', '2806:10a0:1:2:3:4:5:6')).statusCode).toBe(200);
    const rows = await settled(3);
    expect(rows.map((r) => [r.path, r.network, r.competitorId])).toEqual([
      ['/store', '201.141.20.0/24', rivalId],
      ['/', '203.0.113.0/24', null],
      ['/', '2806:10a0:1::/48', rivalId],
    ]);
    // Nothing in any column holds a full address (nor the query string with an email).
    const everything = JSON.stringify(rows);
    for (const full of ['201.141.20.77', '203.0.113.77', '2806:10a0:1:2:3:4:5:6', '2806:10a0:1:2', 'ana@example.mx']) expect(everything).not.toContain(full);
  });

  it('honours Do-Not-Track and Global Privacy Control, and records neither staff nor private pages', async () => {
    const before = (await stored()).length;
    await visit('/', '201.141.20.78', { dnt: '1' });
    await visit('/store', '201.141.20.79', { 'sec-gpc': '1' });
    await t.app.inject({ method: 'GET', url: '/admin/competitors', headers: manager.auth, remoteAddress: '201.141.20.80' });
    await t.app.inject({ method: 'GET', url: '/api/v1/competitors', headers: manager.auth, remoteAddress: '201.141.20.81' });
    await visit('/', '198.51.100.1');
    const rows = await settled(before + 1);
    expect(rows.at(-1)).toMatchObject({ network: '198.51.100.0/24', path: '/' });
  });

  it("lists a competitor's visits for managers, with an insight about their reading our prices", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/competitors/visits?days=7', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(
      json(res)
        .map((v: { path: string; name: string }) => `${v.name} ${v.path}`)
        .sort(),
    ).toEqual(['Hospital Veterinario Providencia /', 'Hospital Veterinario Providencia /store']);
    const insights = json(await t.app.inject({ method: 'GET', url: '/api/v1/competitors/insights', headers: manager.auth }));
    expect(insights.insights).toContainEqual(expect.objectContaining({ kind: 'watched_prices', competitorId: rivalId }));
  });

  it('loses and doubles no visit when many arrive while batches are written', async () => {
    const before = (await stored()).length;
    await Promise.all(
      Array.from({ length: 450 }, (_, i) => (i % 50 === 0 ? s.visitors.flush() : s.visitors.logVisit(`10.0.${i % 256}.${i % 200}`, 'test', `/store/${i}`))),
    );
    const logged = 450 - 450 / 50;
    expect(await settled(before + logged)).toHaveLength(before + logged);
    expect(new Set((await stored()).map((r) => r.path).filter((p) => String(p).startsWith('/store/'))).size).toBe(logged);
  });

  it('purges visits older than the retention', async () => {
    await t.platform.ctx.db.insert(visits).values({ at: new Date('2025-11-01T12:00:00Z'), path: '/', network: '203.0.113.0/24' });
    const count = (await stored()).length;
    expect(await s.visitors.purge()).toBe(1);
    expect(await stored()).toHaveLength(count - 1);
  });

  it('records nothing with COMPETITIVE_INTEL__TRACK_VISITOR_IPS=false', async () => {
    const settings = competitiveIntelSettings.parse({ TRACK_VISITOR_IPS: 'false' });
    expect(settings.TRACK_VISITOR_IPS).toBe(false);
    const off = createVisitorService(t.platform.ctx, settings);
    const count = (await stored()).length;
    expect(await off.logVisit('201.141.20.5', 'x', '/store')).toBeNull();
    expect(await off.flush()).toBe(0);
    expect(await stored()).toHaveLength(count);
  });
});
