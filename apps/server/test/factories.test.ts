import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ConsentFactory } from '@petfriendly/consent/testing';
import { ImportFactory } from '@petfriendly/data-import/testing';
import { PrivacyRequestFactory } from '@petfriendly/privacy/testing';
import { breakdownOf, ReportedInvoiceFactory } from '@petfriendly/reports/testing';
import { ControlledDrugFactory } from '@petfriendly/store/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 600_000 });

/** The newest modules' test factories (the spec's Testing Interfaces): each makes its record through the module's service. */
describe('test factories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  });
  afterAll(async () => t?.close());

  it('consent: a request for a visit, with its text and the link to sign', async () => {
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const owner = await OwnerFactory(t.platform);
    const visit = await VisitFactory(t.platform, (await PetFactory(t.platform, owner.actor, { name: 'Chispa' })).id, vet.actor);
    const made = await ConsentFactory(t.platform, vet.actor, visit.id, { procedure: 'Extracción dental' });
    expect(made.path).toMatch(/^\/consent\//);
    expect(made).toMatchObject({ consent: expect.objectContaining({ kind: 'anaesthesia', visitId: visit.id }) });
  });

  it('data import: an uploaded CSV with its columns recognised', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const made = await ImportFactory(t.platform, manager.actor);
    expect(made).toMatchObject({ kind: 'owners', total: 1, headers: ['nombre', 'correo', 'telefono'] });
    expect(made.mapping).toMatchObject({ name: 0, email: 1 });
  });

  it('privacy: an owner’s access request, due in the legal business days', async () => {
    const owner = await OwnerFactory(t.platform);
    const made = await PrivacyRequestFactory(t.platform, owner.actor);
    expect(made).toMatchObject({ ownerId: owner.user.id, kind: 'access', status: 'pending', dueBy: expect.stringMatching(/^2026-0[34]-\d\d$/) });
  });

  it('controlled-drug book: a controlled drug received, its book opened with the receipt', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const { product, batch } = await ControlledDrugFactory(t.platform, manager.actor, { quantity: 7 });
    expect(product).toMatchObject({ isControlled: true, requiresPrescription: true, controlledGroup: 'III' });
    const entries = await t.platform.services.store.book.entries(manager.actor, { productId: product.id });
    expect(entries).toEqual([expect.objectContaining({ type: 'receipt', quantity: 7, balance: 7, batchId: batch.id })]);
  });

  it('reports: an invoice as the projection takes it, in the day’s and the month’s figures', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    await ReportedInvoiceFactory(t.platform, { date: '2025-11-04', breakdown: breakdownOf([{ kind: 'product', base: '250.50', categoryId: 2, itemId: 9 }]) });
    await ReportedInvoiceFactory(t.platform, { date: '2025-11-20' });
    const reports = t.platform.services.reports.reports;
    const november = await reports.dashboard(manager.actor, { period: 'custom', from: '2025-11-01', to: '2025-11-30' });
    expect(november.revenue.current).toBe('1250.50');
    expect(november.invoices.current).toBe(2);
    const year = await reports.dashboard(manager.actor, { period: 'custom', from: '2025-03-11', to: '2026-03-10' });
    expect(year.revenueByDay).toEqual([]);
    expect(year.revenueByMonth).toEqual([{ month: '2025-11-01', net: '1250.50' }]);
  });
});
