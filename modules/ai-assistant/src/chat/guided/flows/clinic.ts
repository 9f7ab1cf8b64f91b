import { dateTimeFormat, listFormat } from '@petfriendly/core';
import type { Ctx, Flow, GuidedTurn } from '../context';
import { failed, menuButton } from '../context';
import { commandButton } from '../menu';

/** What `get_clinic_info` answers (the appointments module's settings and the clinic's own). */
interface ClinicInfo {
  name: string;
  address: string;
  phone: string;
  email: string;
  opens: string;
  closes: string;
  openDays: string[];
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Open days as people say them: "lunes a sábado" for a run of days, a list otherwise. */
function daysText(ctx: Ctx, openDays: string[]): string {
  // 1 January 2024 was a Monday: day i of the week is 1 + i January.
  const name = (day: string) => dateTimeFormat(ctx.lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
  const indexes = openDays.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const run = indexes.length > 2 && indexes.every((d, i) => i === 0 || d === indexes[i - 1]! + 1);
  if (run) return ctx.t.dayRange({ from: name(WEEKDAYS[indexes[0]!]!), to: name(WEEKDAYS[indexes.at(-1)!]!) });
  return listFormat(ctx.lang, { type: 'conjunction' }).format(indexes.map((i) => name(WEEKDAYS[i]!)));
}

/** Opening hours and address, from the clinic's settings through `get_clinic_info`. */
async function clinicAnswer(ctx: Ctx): Promise<GuidedTurn> {
  const found = await ctx.call<ClinicInfo>('get_clinic_info', {});
  if (!found.ok) return failed(ctx, found);
  const c = found.data;
  return ctx.turn(ctx.t.clinicInfo({ name: c.name, days: daysText(ctx, c.openDays), opens: c.opens, closes: c.closes, address: c.address, phone: c.phone }), {
    buttons: [commandButton(ctx, '#book'), menuButton(ctx)],
  });
}

/** "¿A qué hora abren?", "¿Dónde están?": the clinic's hours and address. */
export const clinicFlow: Flow = {
  audience: 'everyone',
  start: clinicAnswer,
  pick: clinicAnswer,
};
