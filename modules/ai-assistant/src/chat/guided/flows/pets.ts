import type { ChatButton } from '../../chat.types';
import { type Ctx, type GuidedTurn, menuButton, type Outcome } from '../context';

export interface PetItem {
  id: number;
  name: string;
  species: string;
}

/** The caller's pets as `#<flow>:pet:<id>` buttons. */
export async function petButtons(ctx: Ctx, flow: string): Promise<Outcome<ChatButton[]>> {
  const pets = await ctx.call<PetItem[]>('list_user_pets', {});
  if (!pets.ok) return pets;
  return { ok: true, data: pets.data.map((pet) => ({ label: pet.name, value: `#${flow}:pet:${pet.id}` })) };
}

export function noPetsTurn(ctx: Ctx): GuidedTurn {
  return ctx.turn(ctx.t.noPets, { links: [{ label: ctx.t.addPetLink, href: '/my/pets/new' }], buttons: [menuButton(ctx)] });
}
