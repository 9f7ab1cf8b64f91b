import type { ChatButton } from '../chat.types';
import { type Ctx, type GuidedTurn, menuButton } from './context';
import type { Texts } from './guided.texts';

/** The commands that start a task, with the label of their menu button. */
export const COMMANDS = {
  '#book': (t: Texts) => t.menuBook,
  '#resched': (t: Texts) => t.menuReschedule,
  '#vacc': (t: Texts) => t.menuVaccines,
  '#products': (t: Texts) => t.menuProducts,
  '#orders': (t: Texts) => t.menuOrders,
  '#faq': (t: Texts) => t.menuFaq,
  '#clinic': (t: Texts) => t.menuClinic,
  '#human': (t: Texts) => t.menuHuman,
  '#staff:today': (t: Texts) => t.menuStaffToday,
  '#staff:pets': (t: Texts) => t.menuStaffPets,
  '#staff:stock': (t: Texts) => t.menuStaffStock,
} as const;
export type Command = keyof typeof COMMANDS;

const MENUS: Record<Ctx['actor']['kind'], Command[]> = {
  anonymous: ['#book', '#products', '#clinic', '#faq', '#human'],
  owner: ['#book', '#resched', '#vacc', '#products', '#orders', '#clinic', '#faq', '#human'],
  staff: ['#staff:today', '#staff:pets', '#staff:stock', '#faq'],
  system: ['#faq'],
};

export const commandButton = (ctx: Ctx, command: Command): ChatButton => ({ label: COMMANDS[command](ctx.t), value: command });

export function menuTurn(ctx: Ctx, text: string): GuidedTurn {
  const commands = MENUS[ctx.actor.kind].filter((command) => ctx.faq || command !== '#faq');
  return ctx.turn(text, { buttons: commands.map((command) => commandButton(ctx, command)) });
}

export function welcomeTurn(ctx: Ctx): GuidedTurn {
  const name = ctx.actor.kind === 'owner' || ctx.actor.kind === 'staff' ? ctx.actor.name : undefined;
  return menuTurn(ctx, ctx.actor.kind === 'staff' ? ctx.t.welcomeStaff({ name }) : ctx.t.welcome({ name }));
}

export function signInTurn(ctx: Ctx): GuidedTurn {
  return ctx.turn(ctx.t.signIn, { links: [{ label: ctx.t.signInLink, href: '/sign-in?next=/chat' }], buttons: [menuButton(ctx)] });
}
