import { formatMoney } from '@petfriendly/core';
import { Badge, type PageContext } from '@petfriendly/ui';
import type { ChurnReason, ChurnRisk, Tier } from '../crm.tables';

export const money = (value: string, lang: string) => formatMoney(value, 'MXN', lang === 'es' ? 'es-MX' : lang);

const RISK_TONE = { low: 'ok', medium: 'warn', high: 'danger' } as const;
const TIER_TONE = { new: 'muted', regular: 'info', vip: 'ok', premium: 'ok' } as const;

export function RiskBadge({ ctx, risk }: { ctx: PageContext; risk: ChurnRisk | null }) {
  return risk ? <Badge tone={RISK_TONE[risk]}>{ctx.t(`crm:churn.${risk}`)}</Badge> : <Badge>{ctx.t('crm:churn.unknown')}</Badge>;
}

export function TierBadge({ ctx, tier }: { ctx: PageContext; tier: Tier }) {
  return <Badge tone={TIER_TONE[tier]}>{ctx.t(`crm:tier.${tier}`)}</Badge>;
}

/** "Canela: 420 days since her last visit (expected every 365); Rabia overdue 45 days." */
export function churnText(ctx: PageContext, reason: ChurnReason | null): string {
  if (!reason) return '';
  const parts: string[] = [];
  if (reason.daysSinceVisit !== null)
    parts.push(ctx.t('crm:churn.since', { pet: reason.petName ?? '', days: reason.daysSinceVisit, expected: reason.expectedDays ?? 0 }));
  if (reason.vaccineOverdueDays !== null)
    parts.push(ctx.t('crm:churn.vaccine', { pet: reason.petName ?? '', vaccine: reason.vaccineName ?? '', days: reason.vaccineOverdueDays }));
  return parts.join(' · ');
}

/** Where a form on a CRM page goes back to: one of our own admin pages, never elsewhere. */
export function backTo(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/admin\/[\w\-/?=&%.]*$/.test(value) && !value.startsWith('//') ? value : fallback;
}
