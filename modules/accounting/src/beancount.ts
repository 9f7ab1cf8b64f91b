import type { Account } from './balances';
import type { ExportEntry } from './hledger';

const ROOT = { asset: 'Assets', liability: 'Liabilities', equity: 'Equity', revenue: 'Income', expense: 'Expenses' } as const;

/** A chart account as a beancount name component: its code, then its name without accents or spaces ("1101-Caja"). */
const component = (a: Account) => `${a.code}-${a.name.normalize('NFD').replace(/\p{M}/gu, '')}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** beancount account names: the type's root, then the account's path in the chart ("Assets:1-Activo:1101-Caja"). */
function namesOf(accounts: Account[]): Map<number, string> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const path = (a: Account): string => (a.parentId ? `${path(byId.get(a.parentId)!)}:${component(a)}` : component(a));
  return new Map(accounts.map((a) => [a.id, `${ROOT[a.accountType]}:${path(a)}`]));
}

const quoted = (text: string) => `"${text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The posted journal as a beancount ledger: every account opened on the first day of the export (in MXN),
 * then each entry with its number and reference as metadata.
 */
export function toBeancount(accounts: Account[], entries: ExportEntry[]): string {
  const names = namesOf(accounts);
  const opened = entries[0]?.date ?? '1970-01-01';
  const out = ['; Pet-Friendly: the books as a beancount ledger', 'option "operating_currency" "MXN"', ''];
  for (const a of accounts) out.push(`${opened} open ${names.get(a.id)} MXN`);
  for (const e of entries) {
    out.push('', `${e.date} * ${quoted(e.description)}`, `  number: ${quoted(e.entryNumber)}`);
    if (e.reference) out.push(`  reference: ${quoted(e.reference)}`);
    for (const l of e.lines) out.push(`  ${names.get(l.accountId)}  ${l.debit !== '0.00' ? l.debit : `-${l.credit}`} MXN`);
  }
  return `${out.join('\n')}\n`;
}
