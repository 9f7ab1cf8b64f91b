import { StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

describe.skipIf(!hasChromium)('budgets, the close and the SAT in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const accountant = await StaffFactory(p, 'accountant', { name: 'Carla Contadora', email: 'carla@clinica.mx', password: 'partida-doble-1' });
    await StaffFactory(p, 'admin', { name: 'Ana Admin', email: 'ana@clinica.mx', password: 'todo-en-orden-1' });
    const books = p.services.accounting;
    const post = async (date: string, lines: [string, string, string][]) => {
      const entry = await books.ledger.createJournalEntry(accountant.actor, {
        date,
        description: 'Movimiento de prueba',
        lines: lines.map(([accountCode, debit, credit]) => ({ accountCode, debit, credit })),
      });
      await books.ledger.postEntry(accountant.actor, entry.id);
    };
    await post('2026-02-02', [
      ['1102.01', '80000.00', ''],
      ['3101', '', '80000.00'],
    ]);
    await post('2026-02-10', [
      ['1201', '35000.00', ''],
      ['1102.01', '', '35000.00'],
    ]);
    await post('2026-03-02', [
      ['1103', '11600.00', ''],
      ['4101', '', '10000.00'],
      ['2105', '', '1600.00'],
    ]);
    await post('2026-03-05', [
      ['1101', '5800.00', ''],
      ['1103', '', '5800.00'],
    ]);
    await post('2026-03-06', [
      ['6103', '1800.00', ''],
      ['1101', '', '1800.00'],
    ]);
    await books.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '6103', months: Array.from({ length: 12 }, () => '2000.00') });
    await books.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '4101', months: Array.from({ length: 12 }, () => '12000.00') });
  });
  afterAll(async () => env?.close());

  it('shows the cash flow with its exports, on a phone and a laptop', { timeout: 90_000 }, async () => {
    for (const [viewport, name] of [
      [PHONE, 'accounting-cash-flow-390'],
      [LAPTOP, 'accounting-cash-flow-1280'],
    ] as const) {
      const page = await newPage(env, viewport);
      await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
      await page.goto(`${env.base}/admin/accounting/cash-flow?from=2026-02-01&to=2026-03-31`);
      expect(await page.textContent('h1')).toContain('Flujo de efectivo');
      const main = (await page.textContent('main'))!;
      expect(main).toContain('Actividades de inversión');
      // Operating 8,200 − 5,800 + 1,600; investing the equipment; financing the capital: 49,000 of cash at the end.
      expect(main).toContain('($35,000.00)');
      expect(main).toContain('$4,000.00');
      expect(main).toContain('$49,000.00');
      expect(await page.getAttribute('a[href^="/admin/accounting/export/cash-flow/xlsx"]', 'href')).toContain('from=2026-02-01');
      await snapshot(page, name);
      await page.context().close();
    }
  });

  it('warns on the journal when a posting takes an expense over its budget, and shows the variance', async () => {
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/journal`);
    await page.fill('input[name=description]', 'Material de limpieza');
    await page.fill('input[name="line0.accountCode"]', '6103');
    await page.fill('input[name="line0.debit"]', '450.00');
    await page.fill('input[name="line1.accountCode"]', '1101');
    await page.fill('input[name="line1.credit"]', '450.00');
    await page.click('button[name=intent][value=post]');
    await page.waitForSelector('text=rebasa su presupuesto de 2026-03');
    await page.goto(`${env.base}/admin/accounting/budgets?year=2026&month=3`);
    const row = (await page.textContent('tr:has-text("Gastos generales")'))!;
    expect(row).toContain('Rebasado');
    expect(row).toContain('$2,250.00');
    await snapshot(page, 'accounting-budgets-1280');
    await page.setViewportSize(PHONE);
    await snapshot(page, 'accounting-budgets-390');
  });

  it('closes February, which only an admin reopens with a reason', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/close?year=2026`);
    await page.click('form[action="/admin/accounting/close/2026/2"] button');
    await page.waitForSelector('text=Mes cerrado.');
    expect(await page.textContent('tr:has-text("2026-02")')).toContain('Cerrado');
    expect(await page.locator('form[action="/admin/accounting/close/2026/2/reopen"]').count()).toBe(0);
    await snapshot(page, 'accounting-close-390');

    const adminPage = await newPage(env, LAPTOP);
    await signIn(adminPage, env, 'ana@clinica.mx', 'todo-en-orden-1');
    await adminPage.goto(`${env.base}/admin/accounting/close?year=2026`);
    await adminPage.fill('form[action="/admin/accounting/close/2026/2/reopen"] input[name=reason]', 'Llegó una factura de febrero');
    await adminPage.click('form[action="/admin/accounting/close/2026/2/reopen"] button');
    await adminPage.waitForSelector('td:has-text("Llegó una factura de febrero")');
    expect(await adminPage.textContent('tr:has-text("2026-02")')).toContain('Abierto');
    await snapshot(adminPage, 'accounting-close-1280');
  });

  it("downloads the SAT's balanza as a ZIP named as the SAT asks", async () => {
    const page = await newPage(env, LAPTOP);
    await signIn(page, env, 'carla@clinica.mx', 'partida-doble-1');
    await page.goto(`${env.base}/admin/accounting/sat?year=2026&month=3`);
    expect(await page.textContent('h1')).toContain('Contabilidad electrónica');
    await snapshot(page, 'accounting-sat-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('form:has(input[name=doc][value=balanza]) button[value=zip]')]);
    expect(download.suggestedFilename()).toBe('EKU9003173C9202603BN.zip');
    // A complementaria without its date comes back as a message, not a file.
    await page.selectOption('form:has(input[name=doc][value=balanza]) select[name=kind]', 'C');
    await page.click('form:has(input[name=doc][value=balanza]) button[value=xml]');
    await page.waitForSelector('text=una complementaria lleva la fecha');
    await page.setViewportSize(PHONE);
    await snapshot(page, 'accounting-sat-390');
  });
});
