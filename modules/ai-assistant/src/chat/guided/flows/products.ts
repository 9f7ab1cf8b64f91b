import type { Ctx, Flow, GuidedTurn } from '../context';
import { failed, menuButton } from '../context';
import { price } from '../format';
import { commandButton } from '../menu';

interface ProductCard {
  name: string;
  slug: string;
  /** IVA included. */
  price: string;
}

const FLOW = 'products';
const MAX_RESULTS = 5;
const waiting = { flow: FLOW, step: 'query', data: {} };

/** Find a product: ask what they look for, then search_products with their words. */
export const productsFlow: Flow = {
  audience: 'everyone',
  start: async (ctx) => ctx.turn(ctx.t.askProduct, { buttons: [menuButton(ctx)], state: waiting }),
  pick: (ctx) => productsFlow.start(ctx),
  text: (ctx, text) => search(ctx, text),
};

async function search(ctx: Ctx, query: string): Promise<GuidedTurn> {
  const found = await ctx.call<{ items: ProductCard[] }>('search_products', { query, pageSize: MAX_RESULTS });
  if (!found.ok) return failed(ctx, found);
  if (!found.data.items.length) return ctx.turn(ctx.t.productsNone({ query }), { buttons: [menuButton(ctx)], state: waiting });
  return ctx.turn(ctx.t.productsFound({ query }), {
    links: found.data.items.map((p) => ({ label: `${p.name} — ${price(p.price, ctx.lang)}`, href: `/store/${p.slug}` })),
    buttons: [{ ...commandButton(ctx, '#products'), label: ctx.t.searchAgain }, menuButton(ctx)],
  });
}
