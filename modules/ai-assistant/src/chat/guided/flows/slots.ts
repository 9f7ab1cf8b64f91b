import { addLocalDays } from '@petfriendly/core';
import type { ChatButton } from '../../chat.types';
import type { Ctx, Outcome } from '../context';
import { shortDate } from '../format';

const DAYS_AHEAD = 10;
const MAX_DATES = 6;
const MAX_TIMES = 8;

/** The next clinic-local days (from today) that still have a free time for the service, as `#<flow>:date:<YYYY-MM-DD>` buttons. */
export async function dateButtons(ctx: Ctx, flow: string, service: string): Promise<Outcome<ChatButton[]>> {
  const buttons: ChatButton[] = [];
  for (let day = 0; day < DAYS_AHEAD && buttons.length < MAX_DATES; day++) {
    const date = addLocalDays(ctx.today, day);
    const free = await ctx.call<string[]>('check_availability', { date, serviceType: service });
    if (!free.ok) return free;
    if (free.data.length) buttons.push({ label: shortDate(date, ctx.lang), value: `#${flow}:date:${date}` });
  }
  return { ok: true, data: buttons };
}

/** Free times (clinic-local HH:mm) on a day as `#<flow>:time:<HH:mm>` buttons, spread over the day when there are many. */
export async function timeButtons(ctx: Ctx, flow: string, service: string, date: string): Promise<Outcome<ChatButton[]>> {
  const free = await ctx.call<string[]>('check_availability', { date, serviceType: service });
  if (!free.ok) return free;
  return { ok: true, data: spread(free.data, MAX_TIMES).map((time) => ({ label: time, value: `#${flow}:time:${time}` })) };
}

function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}
