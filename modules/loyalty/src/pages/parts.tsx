import { formatMoney } from '@petfriendly/core';
import { Badge } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import type { Reward } from '../loyalty.service';

/** A tier's name in the reader's language (the four of the spec are translated; others are shown as configured). */
export const tierName = (t: TFunction, tier: { slug: string; name: string }) => t(`loyalty:tier.${tier.slug}`, { defaultValue: tier.name });

/** What a reward gives, in words: "$50.00 off", "10 %", a free service or product. */
export function rewardValue(t: TFunction, r: Pick<Reward, 'rewardType' | 'discountPercent' | 'discountAmount'>): string {
  if (r.rewardType !== 'discount') return t(`loyalty:rewardType.${r.rewardType}`);
  return r.discountAmount
    ? `${t('loyalty:rewardType.discount')} ${formatMoney(r.discountAmount)}`
    : `${t('loyalty:rewardType.discount')} ${Number(r.discountPercent)} %`;
}

export function VoucherStatus({ t, status }: { t: TFunction; status: 'available' | 'used' | 'cancelled' }) {
  return <Badge tone={status === 'available' ? 'ok' : 'muted'}>{t(`loyalty:status.${status}`)}</Badge>;
}

/** Points with their sign, green when they come in. */
export function PointsFigure({ points }: { points: number }) {
  return <b class={points >= 0 ? 'plus' : 'minus'}>{points > 0 ? `+${points}` : points}</b>;
}
