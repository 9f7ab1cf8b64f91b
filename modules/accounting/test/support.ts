import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { type Actor, money } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { expect } from 'vitest';
import { accountingModule } from '../src/index';
import type { AccountingServices } from '../src/services';

/** A clinic whose money reaches the books: the modules that raise money and stock events, accounting, and its staff. */
export async function booksClinic() {
  const platform: TestPlatform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    accountingModule,
  ]);
  return {
    platform,
    books: platform.services.accounting,
    billing: platform.services.billing,
    store: platform.services.store,
    desk: await StaffFactory(platform, 'receptionist'),
    manager: await StaffFactory(platform, 'manager'),
    accountant: await StaffFactory(platform, 'accountant'),
  };
}

/** The ledger consumer catches up, then each account's closing balance for 2026 (debit positive), with the trial balance at zero. */
export async function yearBalances(platform: TestPlatform, books: AccountingServices, accountant: Actor): Promise<Record<string, string>> {
  await platform.ctx.events.dispatch();
  const trial = await books.statements.trialBalance(accountant, { from: '2026-01-01', to: '2026-12-31' });
  expect(trial.totals.debit).toBe(trial.totals.credit);
  expect(trial.totals.closing).toBe('0.00');
  return Object.fromEntries(trial.rows.filter((r) => !r.isGroup && r.closing !== '0.00').map((r) => [r.code, r.closing]));
}

/** hledger, an independent ledger tool (Debian package `hledger`; .ci/run installs it). */
export const hledgerInstalled = spawnSync('hledger', ['--version']).status === 0;

/** Runs hledger on a journal: `run(...args)`, its CSV output as rows of cells, and a cell as an exact amount. */
export function hledgerOn(journal: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'books-')), 'books.journal');
  writeFileSync(file, journal);
  return {
    run: (...args: string[]) => execFileSync('hledger', ['-f', file, ...args], { encoding: 'utf8' }),
    csv: (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)),
    amount: (cell: string | undefined) => money((cell ?? '0').replace(/ MXN$/, '').replace(/,/g, '') || '0').toFixed(2),
  };
}

/** beancount, a second independent ledger tool (Debian package `beancount`; .ci/run installs it). */
export const beancountInstalled = spawnSync('bean-check', ['--version']).status === 0;

/** Checks a beancount ledger with `bean-check` and runs BQL on it: `query(bql)` gives rows of trimmed cells. */
export function beancountOn(ledger: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'books-')), 'books.beancount');
  writeFileSync(file, ledger);
  return {
    check: () => execFileSync('bean-check', [file], { encoding: 'utf8' }),
    query: (bql: string) =>
      execFileSync('bean-query', ['-f', 'csv', file, bql], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').map((cell) => cell.trim())),
  };
}
