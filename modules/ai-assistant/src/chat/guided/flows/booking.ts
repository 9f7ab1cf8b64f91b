import type { GuidedState } from '../../chat.types';
import { type Ctx, dataOf, type Flow, failed, type GuidedTurn, menuButton } from '../context';
import { isClockTime, isLocalDate, longDate, price, typedTime } from '../format';
import { commandButton } from '../menu';
import { noPetsTurn, type PetItem, petButtons } from './pets';
import { dateButtons, timeButtons } from './slots';

interface BookData {
  petId: number;
  species: string;
  service: string;
  date: string;
  time: string;
}
interface ServiceItem {
  slug: string;
  name: string;
  price: string;
  species: string[];
}

const FLOW = 'book';
const at = (step: string, data: Partial<BookData>): GuidedState => ({ flow: FLOW, step, data });

/** Book: pet → service → day → time → confirm → book_appointment. */
export const bookingFlow: Flow = {
  audience: 'owner',
  start: (ctx) => render(ctx, at('pet', {})),
  render,
  // A typed time may be free without being among the buttons offered; the booking tool has the last word.
  async text(ctx, text, state) {
    const time = typedTime(text);
    return state.step === 'time' && time ? bookingFlow.pick(ctx, 'time', time, state, text) : null;
  },
  async pick(ctx, key, arg, state) {
    const data = dataOf<BookData>(state, FLOW);
    if (key === 'pet') {
      // The profile tool checks the pet is the caller's, before any other step is offered.
      const profile = await ctx.call<{ pet: PetItem }>('get_pet_profile', { petId: arg });
      if (!profile.ok) return failed(ctx, profile);
      return render(ctx, at('service', { petId: profile.data.pet.id, species: profile.data.pet.species }));
    }
    if (key === 'svc' && data.petId) return render(ctx, at('date', { ...data, service: arg }));
    if (key === 'date' && data.service && isLocalDate(arg)) return render(ctx, at('time', { ...data, date: arg }));
    if (key === 'time' && data.date && isClockTime(arg)) return render(ctx, at('confirm', { ...data, time: arg }));
    if (key === 'confirm' && data.time) return book(ctx, data as BookData);
    return render(ctx, at('pet', {}));
  },
};

async function render(ctx: Ctx, state: GuidedState): Promise<GuidedTurn> {
  const data = state.data as Partial<BookData>;
  const { t } = ctx;
  switch (state.step) {
    case 'service': {
      const services = await ctx.call<ServiceItem[]>('list_services', {});
      if (!services.ok) return failed(ctx, services);
      const offered = services.data.filter((s) => !s.species.length || s.species.includes(data.species ?? ''));
      if (!offered.length) return ctx.turn(t.noServices, { buttons: [commandButton(ctx, '#human'), menuButton(ctx)] });
      const buttons = offered.map((s) => ({ label: `${s.name} · ${price(s.price, ctx.lang)}`, value: `#${FLOW}:svc:${s.slug}` }));
      return ctx.turn(t.chooseService, { buttons: [...buttons, menuButton(ctx)], state });
    }
    case 'date': {
      const dates = await dateButtons(ctx, FLOW, data.service!);
      if (!dates.ok) return failed(ctx, dates);
      if (!dates.data.length) return ctx.turn(t.noDates, { buttons: [commandButton(ctx, '#human'), menuButton(ctx)] });
      return ctx.turn(t.chooseDate, { buttons: [...dates.data, menuButton(ctx)], state });
    }
    case 'time': {
      const times = await timeButtons(ctx, FLOW, data.service!, data.date!);
      if (!times.ok) return failed(ctx, times);
      const otherDays = { label: t.otherDates, value: `#${FLOW}:svc:${data.service}` };
      if (!times.data.length)
        return ctx.turn(t.noTimes({ date: longDate(data.date!, ctx.lang) }), { buttons: [otherDays, menuButton(ctx)], state: at('date', data) });
      return ctx.turn(t.chooseTime({ date: longDate(data.date!, ctx.lang) }), { buttons: [...times.data, otherDays, menuButton(ctx)], state });
    }
    case 'confirm': {
      const [pets, services] = [await ctx.call<PetItem[]>('list_user_pets', {}), await ctx.call<ServiceItem[]>('list_services', {})];
      if (!pets.ok) return failed(ctx, pets);
      if (!services.ok) return failed(ctx, services);
      const text = t.confirmBooking({
        pet: pets.data.find((p) => p.id === data.petId)?.name ?? '',
        service: services.data.find((s) => s.slug === data.service)?.name ?? data.service!,
        date: longDate(data.date!, ctx.lang),
        time: data.time!,
      });
      return ctx.turn(text, {
        buttons: [{ label: t.confirm, value: `#${FLOW}:confirm` }, { label: t.otherTime, value: `#${FLOW}:date:${data.date}` }, menuButton(ctx)],
        state,
      });
    }
    default: {
      const pets = await petButtons(ctx, FLOW);
      if (!pets.ok) return failed(ctx, pets);
      if (!pets.data.length) return noPetsTurn(ctx);
      return ctx.turn(t.choosePetToBook, { buttons: [...pets.data, menuButton(ctx)], state: at('pet', {}) });
    }
  }
}

async function book(ctx: Ctx, data: BookData): Promise<GuidedTurn> {
  const booked = await ctx.call<{ id: number }>('book_appointment', { petId: data.petId, serviceType: data.service, date: data.date, time: data.time });
  if (!booked.ok) {
    // Usually the time was just taken: offer that day's other times.
    return failed(ctx, booked, [{ label: ctx.t.otherTime, value: `#${FLOW}:date:${data.date}` }], at('time', { ...data, time: undefined }));
  }
  return ctx.turn(ctx.t.booked({ date: longDate(data.date, ctx.lang), time: data.time }), {
    links: [{ label: ctx.t.myAppointmentsLink, href: '/my/appointments' }],
    buttons: [menuButton(ctx)],
  });
}
