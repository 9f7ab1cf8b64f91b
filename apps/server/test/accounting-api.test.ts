import { StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('/api/v1/accounting', () => {
  it('lets an accountant post a manual entry and read it back in the trial balance; a vet and a receptionist get 403', async () => {
    const accountant = await StaffFactory(t.platform, 'accountant');
    const entry = {
      date: '2026-03-10',
      description: 'Aportación de capital',
      lines: [
        { accountCode: '1102.01', debit: '50000.00' },
        { accountCode: '3101', credit: '50000.00' },
      ],
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/accounting/entries', headers: accountant.auth, payload: entry });
    expect(created.statusCode).toBe(201);
    const posted = await t.app.inject({ method: 'POST', url: `/api/v1/accounting/entries/${json(created).id}/post`, headers: accountant.auth });
    expect(json(posted)).toMatchObject({ status: 'posted', total: '50000.00' });
    const trial = await t.app.inject({ url: '/api/v1/accounting/trial-balance?from=2026-03-01&to=2026-03-31', headers: accountant.auth });
    expect(json(trial).totals).toEqual({ debit: '50000.00', credit: '50000.00', closing: '0.00' });
    const balance = await t.app.inject({ url: '/api/v1/accounting/accounts/3101/balance?asOf=2026-03-31', headers: accountant.auth });
    expect(json(balance)).toEqual({ accountCode: '3101', asOf: '2026-03-31', balance: '50000.00' });

    for (const role of ['veterinarian', 'receptionist'] as const) {
      const other = await StaffFactory(t.platform, role);
      const res = await t.app.inject({ url: '/api/v1/accounting/accounts', headers: other.auth });
      expect(res.statusCode).toBe(403);
      const page = await t.app.inject({ url: '/admin/accounting', headers: other.auth });
      expect(page.statusCode).toBe(403);
    }
  });

  it('answers an unbalanced entry with 422 naming the problem, and writes nothing', async () => {
    const accountant = await StaffFactory(t.platform, 'accountant');
    const bad = {
      date: '2026-03-10',
      lines: [
        { accountCode: '1101', debit: '10.00' },
        { accountCode: '4900', credit: '9.99' },
      ],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/accounting/entries', headers: accountant.auth, payload: bad });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toMatchObject({ code: 'accounting.unbalanced', fields: [{ field: 'lines' }] });
    const journal = await t.app.inject({ url: '/api/v1/accounting/entries?from=2026-03-10&to=2026-03-10', headers: accountant.auth });
    expect(json(journal).items.filter((e: { total: string }) => e.total === '10.00')).toEqual([]);
  });

  it('gives the AI tools to bookkeepers only', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const ok = await t.platform.ctx.tools.executeTool('accounting_profit_and_loss', { from: '2026-03-01', to: '2026-03-31' }, manager.actor);
    expect(ok).toMatchObject({ ok: true, data: { revenue: '0.00', expenses: '0.00', netIncome: '0.00' } });
    const cash = await t.platform.ctx.tools.executeTool('accounting_account_balance', { accountCode: '1102.01', asOf: '2026-03-31' }, manager.actor);
    expect(cash).toMatchObject({ ok: true, data: { balance: '50000.00' } });
    expect(await t.platform.ctx.tools.executeTool('accounting_account_balance', { accountCode: '1101' }, vet.actor)).toMatchObject({
      ok: false,
      error: { code: 'auth.role_required' },
    });
  });
});
