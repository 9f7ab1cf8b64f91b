import type { Ctx, Flow, GuidedTurn } from '../context';
import { failed, menuButton } from '../context';
import { clinicTime, longDate } from '../format';
import type { Texts } from '../guided.texts';
import { menuTurn } from '../menu';

interface ScheduleDay {
  appointments: {
    startsAt: Date | string;
    petId: number;
    petName: string;
    serviceName: string;
    ownerName: string;
    staffName: string;
    status: keyof Texts['appointmentStatus'];
  }[];
}
interface PetHit {
  id: number;
  name: string;
  ownerName: string;
}
interface LowStockItem {
  name: string;
  sku: string;
  quantity: number;
  reorderPoint: number | null;
}

const FLOW = 'staff';
const MAX_PETS = 8;
const MAX_STOCK = 10;
const askingPet = { flow: FLOW, step: 'pets', data: {} };

/** The staff menu: today's schedule, finding a pet, low stock. The tools refuse anyone who is not staff. */
export const staffFlow: Flow = {
  audience: 'staff',
  start: async (ctx) => menuTurn(ctx, ctx.t.menuPrompt),
  async pick(ctx, key) {
    if (key === 'today') return today(ctx);
    if (key === 'stock') return lowStock(ctx);
    if (key === 'pets') return ctx.turn(ctx.t.askPetName, { buttons: [menuButton(ctx)], state: askingPet });
    return staffFlow.start(ctx);
  },
  text: (ctx, text) => findPets(ctx, text),
};

async function today(ctx: Ctx): Promise<GuidedTurn> {
  const day = await ctx.call<ScheduleDay>('get_daily_schedule', { date: ctx.today });
  if (!day.ok) return failed(ctx, day);
  const { t } = ctx;
  const lines = day.data.appointments.map(
    (a) =>
      `• ${clinicTime(a.startsAt, ctx.timeZone)} ${a.petName} (${a.serviceName}) · ${a.ownerName} · ${a.staffName} · ${t.appointmentStatus[a.status] ?? a.status}`,
  );
  const heading = t.scheduleToday({ date: longDate(ctx.today, ctx.lang) });
  return ctx.turn([heading, ...(lines.length ? lines : [t.scheduleEmpty])].join('\n'), {
    links: [{ label: t.scheduleLink, href: '/admin/schedule' }],
    buttons: [menuButton(ctx)],
  });
}

async function findPets(ctx: Ctx, query: string): Promise<GuidedTurn> {
  const found = await ctx.call<{ items: PetHit[] }>('search_pets', { query, pageSize: MAX_PETS });
  if (!found.ok) return failed(ctx, found);
  if (!found.data.items.length) return ctx.turn(ctx.t.petsNone({ query }), { buttons: [menuButton(ctx)], state: askingPet });
  return ctx.turn(ctx.t.petsFound({ query }), {
    links: found.data.items.map((p) => ({ label: p.ownerName ? `${p.name} — ${p.ownerName}` : p.name, href: `/admin/pets/${p.id}` })),
    buttons: [{ label: ctx.t.searchAgain, value: '#staff:pets' }, menuButton(ctx)],
  });
}

async function lowStock(ctx: Ctx): Promise<GuidedTurn> {
  const low = await ctx.call<LowStockItem[]>('get_low_stock', {});
  if (!low.ok) return failed(ctx, low);
  if (!low.data.length) return ctx.turn(ctx.t.stockOk, { buttons: [menuButton(ctx)] });
  const lines = low.data.slice(0, MAX_STOCK).map((p) => `• ${p.name} (${p.sku}): ${p.quantity}${p.reorderPoint === null ? '' : ` / ${p.reorderPoint}`}`);
  return ctx.turn([ctx.t.stockLow, ...lines].join('\n'), { links: [{ label: ctx.t.inventoryLink, href: '/admin/inventory' }], buttons: [menuButton(ctx)] });
}
