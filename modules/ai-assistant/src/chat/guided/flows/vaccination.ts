import type { Flow } from '../context';
import { failed, menuButton } from '../context';
import { mediumDate } from '../format';
import { commandButton } from '../menu';
import { noPetsTurn, petButtons } from './pets';

interface VaccinationStatus {
  given: { vaccine: string; date: string; nextDue: string | null }[];
  due: { vaccineName: string; dueDate: string; status: 'overdue' | 'due_soon' | 'upcoming' }[];
}

const FLOW = 'vacc';

/** Vaccination status: pet → get_vaccination_status → what is overdue, due soon and coming up. */
export const vaccinationFlow: Flow = {
  audience: 'owner',
  async start(ctx) {
    const pets = await petButtons(ctx, FLOW);
    if (!pets.ok) return failed(ctx, pets);
    if (!pets.data.length) return noPetsTurn(ctx);
    return ctx.turn(ctx.t.choosePetForVaccines, { buttons: [...pets.data, menuButton(ctx)], state: { flow: FLOW, step: 'pet', data: {} } });
  },
  render: (ctx) => vaccinationFlow.start(ctx),
  async pick(ctx, key, arg) {
    if (key !== 'pet') return vaccinationFlow.start(ctx);
    const status = await ctx.call<VaccinationStatus>('get_vaccination_status', { petId: arg });
    if (!status.ok) return failed(ctx, status);
    const { t, lang } = ctx;
    const due = [...status.data.due].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const line = (d: VaccinationStatus['due'][number]) => {
      const params = { vaccine: d.vaccineName, date: mediumDate(d.dueDate, lang) };
      return `• ${d.status === 'overdue' ? t.vaccineOverdue(params) : d.status === 'due_soon' ? t.vaccineDueSoon(params) : t.vaccineUpcoming(params)}`;
    };
    const last = [...status.data.given].sort((a, b) => b.date.localeCompare(a.date))[0];
    const heading = !due.length && !last ? t.vaccinesNone : due.some((d) => d.status !== 'upcoming') ? t.vaccinesPending : t.vaccinesUpToDate;
    const lines = [heading, ...due.map(line), ...(last ? [t.vaccineLastGiven({ vaccine: last.vaccine, date: mediumDate(last.date, lang) })] : [])];
    return ctx.turn(lines.join('\n'), {
      links: [{ label: t.petRecordLink, href: `/my/pets/${Number(arg)}` }],
      buttons: [commandButton(ctx, '#book'), menuButton(ctx)],
    });
  },
};
