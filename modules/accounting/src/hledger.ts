import type { Account } from './balances';

const TYPE_TAG = { asset: 'A', liability: 'L', equity: 'E', revenue: 'R', expense: 'X' } as const;

export interface ExportEntry {
  date: string;
  entryNumber: string;
  description: string;
  reference: string;
  lines: { accountId: number; debit: string; credit: string; description: string }[];
}

/** hledger account names: the account's path in the chart, "1 Activo:11 Activo circulante:1101 Caja". */
function namesOf(accounts: Account[]): Map<number, string> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const clean = (s: string) => s.replace(/[:;]/g, '-').replace(/\s+/g, ' ').trim();
  const names = new Map<number, string>();
  const nameOf = (a: Account): string => {
    const known = names.get(a.id);
    if (known) return known;
    const own = clean(`${a.code} ${a.name}`);
    const name = a.parentId ? `${nameOf(byId.get(a.parentId)!)}:${own}` : own;
    names.set(a.id, name);
    return name;
  };
  for (const a of accounts) nameOf(a);
  return names;
}

/**
 * The posted journal as an hledger journal: the chart as `account` directives with their types (so
 * `is`, `bs` and `bse` know revenue from assets), then each entry with its number as the code.
 */
export function toHledger(accounts: Account[], entries: ExportEntry[]): string {
  const names = namesOf(accounts);
  const out = ['; Pet-Friendly: the books as an hledger journal', 'commodity 1,000.00 MXN', ''];
  for (const a of accounts) out.push(`account ${names.get(a.id)}${a.parentId ? '' : `  ; type: ${TYPE_TAG[a.accountType]}`}`);
  for (const e of entries) {
    out.push('', `${e.date} * (${e.entryNumber}) ${e.description.replace(/\s+/g, ' ').trim()}`);
    if (e.reference) out.push(`    ; reference: ${e.reference}`);
    for (const l of e.lines) {
      const amount = l.debit !== '0.00' ? l.debit : `-${l.credit}`;
      out.push(`    ${names.get(l.accountId)}    ${amount} MXN`);
    }
  }
  return `${out.join('\n')}\n`;
}
