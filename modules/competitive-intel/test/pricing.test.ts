import { StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { CompetitiveIntelServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City. Our consultation costs $450.00 with IVA.
let t: TestApp;
let s: CompetitiveIntelServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let serviceId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  s = t.platform.services['competitive-intel'];
  manager = await StaffFactory(t.platform, 'manager');
  desk = await StaffFactory(t.platform, 'receptionist');
  const vet = await StaffFactory(t.platform, 'veterinarian');
  serviceId = (await ServiceFactory(t.platform, { staffIds: [vet.user.id], name: 'Consulta general' })).id;
  for (const name of ['Hospital Veterinario Providencia', 'Clínica Canina Chapalita', 'VetCare Zapopan']) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/competitors', headers: manager.auth, payload: { name, ipRanges: [] } });
    expect(res.statusCode).toBe(201);
    ids[name] = json(res).id;
  }
});
afterAll(async () => t?.close());

const logPrice = (competitor: string, price: string, observedOn: string, auth = manager.auth) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/competitors/${ids[competitor]}/prices`,
    headers: auth,
    payload: { serviceTypeId: serviceId, item: 'Consulta', price, source: 'website', observedOn },
  });

describe('comparing prices', () => {
  it("compares ours with each competitor's latest: min, median, max, position, and the history", async () => {
    for (const [name, price, day] of [
      ['Hospital Veterinario Providencia', '500.00', '2026-01-10'],
      ['Hospital Veterinario Providencia', '520.00', '2026-02-20'],
      ['Clínica Canina Chapalita', '380.00', '2026-02-01'],
      ['VetCare Zapopan', '420.00', '2026-03-01'],
    ] as const)
      expect((await logPrice(name, price, day)).statusCode).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/competitors/pricing/${serviceId}`, headers: manager.auth });
    expect(res.statusCode).toBe(200);
    const c = json(res);
    expect(c.ourPrice).toBe('450.00');
    expect(c.competitors.map((x: { price: string }) => x.price)).toEqual(['380.00', '520.00', '420.00']);
    // Latest: 520, 380, 420 → median 420; (450 − 420) / 420 = 7.142… % → +7.1, inside the 10 % margin.
    expect(c.market).toEqual({ min: '380.00', median: '420.00', max: '520.00', positionPercent: '+7.1' });
    expect(c.verdict).toBeNull();
    expect(c.history.map((h: { observedOn: string; price: string }) => `${h.observedOn} ${h.price}`)).toEqual([
      '2026-01-10 500.00',
      '2026-02-01 380.00',
      '2026-02-20 520.00',
      '2026-03-01 420.00',
    ]);
    expect(json(await t.app.inject({ method: 'GET', url: '/api/v1/competitors/pricing/outliers', headers: manager.auth }))).toEqual([]);
  });

  it('lists a service priced over the market by more than the margin', async () => {
    await logPrice('VetCare Zapopan', '350.00', '2026-03-09');
    // Latest: 520, 380, 350 → median 380; (450 − 380) / 380 = 18.42… % → +18.4.
    const outliers = json(await t.app.inject({ method: 'GET', url: '/api/v1/competitors/pricing/outliers', headers: manager.auth }));
    expect(outliers).toEqual([
      { serviceTypeId: serviceId, service: 'Consulta general', ourPrice: '450.00', median: '380.00', positionPercent: '+18.4', verdict: 'over' },
    ]);
    const insights = json(await t.app.inject({ method: 'GET', url: '/api/v1/competitors/insights', headers: manager.auth }));
    expect(insights.insights).toContainEqual(expect.objectContaining({ kind: 'price_gap', serviceTypeId: serviceId, text: expect.stringContaining('18.4 %') }));
  });

  it('shows the comparison where managers edit the service’s price', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/admin/catalogue/services/${serviceId}`, headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Precios de la competencia');
    expect(res.body).toContain('Clínica Canina Chapalita');
    expect(res.body).toContain(`/admin/competitors/pricing?service=${serviceId}`);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const before = (await s.competitors.getCompetitor(manager.actor, ids['VetCare Zapopan']!)).prices.length;
    const future = await logPrice('VetCare Zapopan', '400.00', '2026-03-11');
    expect(future.statusCode).toBe(422);
    expect(json(future).error.code).toBe('competitive_intel.future_price');
    for (const price of ['-1.00', '12.345', 'mucho']) expect((await logPrice('VetCare Zapopan', price, '2026-03-01')).statusCode, price).toBe(422);
    const unknownService = await t.app.inject({
      method: 'POST',
      url: `/api/v1/competitors/${ids['VetCare Zapopan']}/prices`,
      headers: manager.auth,
      payload: { serviceTypeId: 999_999, item: 'Consulta', price: '1.00', source: 'visit' },
    });
    expect(json(unknownService).error.code).toBe('competitive_intel.service_unknown');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/competitors/999999/prices',
          headers: manager.auth,
          payload: { item: 'x', price: '1.00', source: 'visit' },
        })
      ).statusCode,
    ).toBe(404);
    const badRange = await t.app.inject({
      method: 'POST',
      url: '/api/v1/competitors',
      headers: manager.auth,
      payload: { name: 'Otra', ipRanges: ['201.141.0.0/33'] },
    });
    expect(badRange.statusCode).toBe(422);
    expect(JSON.stringify(json(badRange))).toContain('ipRanges');
    expect((await s.competitors.getCompetitor(manager.actor, ids['VetCare Zapopan']!)).prices.length).toBe(before);
  });

  it('is for managers: the front desk is refused', async () => {
    expect((await logPrice('VetCare Zapopan', '400.00', '2026-03-01', desk.auth)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/competitors', headers: desk.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/admin/competitors/pricing', headers: desk.auth })).statusCode).toBe(403);
  });

  it('normalizes ranges, archives a competitor out of the comparison and refuses its new prices', async () => {
    const id = ids['Clínica Canina Chapalita']!;
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/competitors/${id}`,
      headers: manager.auth,
      payload: { name: 'Clínica Canina Chapalita', ipRanges: ['201.141.20.9/24'], servicesOffered: ['Estética canina'] },
    });
    expect(json(updated).ipRanges).toEqual(['201.141.20.0/24']);
    await t.app.inject({ method: 'POST', url: `/api/v1/competitors/${id}/archive`, headers: manager.auth, payload: { archived: true } });
    const c = await s.competitors.comparePricing(manager.actor, serviceId);
    expect(c.competitors.map((x) => x.name)).not.toContain('Clínica Canina Chapalita');
    const refused = await logPrice('Clínica Canina Chapalita', '390.00', '2026-03-05');
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.code).toBe('competitive_intel.competitor_archived');
  });

  it('answers managers through the assistant’s tools, and refuses the front desk', async () => {
    const tools = t.platform.ctx.tools;
    const compared = await tools.executeTool('competitors_compare_pricing', { serviceTypeId: serviceId }, manager.actor);
    expect(compared).toMatchObject({ ok: true, data: { market: (await s.competitors.comparePricing(manager.actor, serviceId)).market } });
    expect(await tools.executeTool('competitors_compare_pricing', {}, manager.actor)).toMatchObject({ ok: true, data: { outliers: expect.any(Array) } });
    expect(await tools.executeTool('competitors_visits', { days: 7 }, manager.actor)).toMatchObject({ ok: true, data: { visits: [] } });
    expect(await tools.executeTool('competitors_compare_pricing', { serviceTypeId: serviceId }, desk.actor)).toMatchObject({
      ok: false,
      error: { code: 'auth.role_required' },
    });
  });
});
