import type { GuidedState } from '../../chat.types';
import { type Ctx, dataOf, type Flow, failed, type GuidedTurn, menuButton } from '../context';
import { isClockTime, isLocalDate, longDate, shortDate, typedTime } from '../format';
import { commandButton } from '../menu';
import { dateButtons, timeButtons } from './slots';

interface RescheduleData {
  appointmentId: number;
  service: string;
  date: string;
  time: string;
}
interface AppointmentItem {
  id: number;
  localDate: string;
  time: string;
  service: { name: string; slug: string };
}

const FLOW = 'resched';
const MAX_APPOINTMENTS = 8;
const at = (step: string, data: Partial<RescheduleData>): GuidedState => ({ flow: FLOW, step, data });

/** Reschedule: one of the caller's upcoming appointments → day → time → confirm → reschedule_appointment. */
export const rescheduleFlow: Flow = {
  audience: 'owner',
  start: (ctx) => render(ctx, at('appt', {})),
  render,
  // A typed time may be free without being among the buttons offered; the booking tool has the last word.
  async text(ctx, text, state) {
    const time = typedTime(text);
    return state.step === 'time' && time ? rescheduleFlow.pick(ctx, 'time', time, state, text) : null;
  },
  async pick(ctx, key, arg, state) {
    const data = dataOf<RescheduleData>(state, FLOW);
    if (key === 'appt') {
      const mine = await ctx.call<AppointmentItem[]>('get_my_appointments', {});
      if (!mine.ok) return failed(ctx, mine);
      const chosen = mine.data.find((a) => String(a.id) === arg);
      if (!chosen) return ctx.turn(ctx.t.appointmentNotFound, { buttons: [commandButton(ctx, '#resched'), menuButton(ctx)] });
      return render(ctx, at('date', { appointmentId: chosen.id, service: chosen.service.slug }));
    }
    if (key === 'date' && data.service && isLocalDate(arg)) return render(ctx, at('time', { ...data, date: arg }));
    if (key === 'time' && data.date && isClockTime(arg)) return render(ctx, at('confirm', { ...data, time: arg }));
    if (key === 'confirm' && data.time) return reschedule(ctx, data as RescheduleData);
    return render(ctx, at('appt', {}));
  },
};

async function render(ctx: Ctx, state: GuidedState): Promise<GuidedTurn> {
  const data = state.data as Partial<RescheduleData>;
  const { t } = ctx;
  switch (state.step) {
    case 'date': {
      const dates = await dateButtons(ctx, FLOW, data.service!);
      if (!dates.ok) return failed(ctx, dates);
      if (!dates.data.length) return ctx.turn(t.noDates, { buttons: [commandButton(ctx, '#human'), menuButton(ctx)] });
      return ctx.turn(t.chooseNewDate, { buttons: [...dates.data, menuButton(ctx)], state });
    }
    case 'time': {
      const times = await timeButtons(ctx, FLOW, data.service!, data.date!);
      if (!times.ok) return failed(ctx, times);
      const otherDays = { label: t.otherDates, value: `#${FLOW}:appt:${data.appointmentId}` };
      if (!times.data.length)
        return ctx.turn(t.noTimes({ date: longDate(data.date!, ctx.lang) }), { buttons: [otherDays, menuButton(ctx)], state: at('date', data) });
      return ctx.turn(t.chooseTime({ date: longDate(data.date!, ctx.lang) }), { buttons: [...times.data, otherDays, menuButton(ctx)], state });
    }
    case 'confirm':
      return ctx.turn(t.confirmReschedule({ date: longDate(data.date!, ctx.lang), time: data.time! }), {
        buttons: [{ label: t.confirm, value: `#${FLOW}:confirm` }, { label: t.otherTime, value: `#${FLOW}:date:${data.date}` }, menuButton(ctx)],
        state,
      });
    default: {
      const mine = await ctx.call<AppointmentItem[]>('get_my_appointments', {});
      if (!mine.ok) return failed(ctx, mine);
      if (!mine.data.length) return ctx.turn(t.noAppointments, { buttons: [commandButton(ctx, '#book'), menuButton(ctx)] });
      const buttons = mine.data
        .slice(0, MAX_APPOINTMENTS)
        .map((a) => ({ label: `${a.service.name} · ${shortDate(a.localDate, ctx.lang)} ${a.time}`, value: `#${FLOW}:appt:${a.id}` }));
      return ctx.turn(t.chooseAppointment, { buttons: [...buttons, menuButton(ctx)], state: at('appt', {}) });
    }
  }
}

async function reschedule(ctx: Ctx, data: RescheduleData): Promise<GuidedTurn> {
  const moved = await ctx.call<{ id: number }>('reschedule_appointment', { appointmentId: data.appointmentId, date: data.date, time: data.time });
  if (!moved.ok) return failed(ctx, moved, [{ label: ctx.t.otherTime, value: `#${FLOW}:date:${data.date}` }], at('time', { ...data, time: undefined }));
  return ctx.turn(ctx.t.rescheduled({ date: longDate(data.date, ctx.lang), time: data.time }), {
    links: [{ label: ctx.t.myAppointmentsLink, href: '/my/appointments' }],
    buttons: [menuButton(ctx)],
  });
}
