import type { ChatButton } from '../../chat.types';
import type { Ctx, Flow, GuidedTurn, Outcome } from '../context';
import { failed, menuButton } from '../context';
import { shorten } from '../format';
import { commandButton } from '../menu';

export interface FaqEntry {
  title: string;
  slug: string;
  content: string;
  url: string;
  relevance: number;
}

/** Other entries are offered only when about as relevant as the best one (not whatever shares a word). */
const RELATED = 0.4;

const FLOW = 'faq';

export async function searchFaq(ctx: Ctx, query: string): Promise<Outcome<FaqEntry[]>> {
  const found = await ctx.call<{ entries: FaqEntry[] }>('search_knowledge_base', { query, limit: 3 });
  return found.ok ? { ok: true, data: found.data.entries } : found;
}

/** The best entry's content with a link to its page; the next two as buttons; `extra` offers the task the words also hinted at. */
export function faqAnswer(ctx: Ctx, entries: FaqEntry[], extra: ChatButton[] = []): GuidedTurn {
  const [best, ...others] = entries;
  if (!best) return ctx.turn(ctx.t.faqNone, { buttons: [...extra, commandButton(ctx, '#human'), menuButton(ctx)] });
  return ctx.turn(shorten(best.content), {
    links: [{ label: best.title, href: best.url }],
    buttons: [
      ...extra,
      ...others
        .filter((e) => e.relevance >= best.relevance * RELATED)
        .slice(0, 2)
        .map((e) => ({ label: e.title, value: `#${FLOW}:${e.slug}` })),
      menuButton(ctx),
    ],
  });
}

async function answer(ctx: Ctx, query: string, slug?: string): Promise<GuidedTurn> {
  const found = await searchFaq(ctx, query);
  if (!found.ok) return failed(ctx, found);
  const chosen = found.data.find((e) => e.slug === slug);
  return faqAnswer(ctx, chosen ? [chosen, ...found.data.filter((e) => e !== chosen)] : found.data);
}

/** FAQ: ask a question (or press an entry's button) → search_knowledge_base. */
export const faqFlow: Flow = {
  audience: 'everyone',
  start: async (ctx) => ctx.turn(ctx.t.askQuestion, { buttons: [menuButton(ctx)], state: { flow: FLOW, step: 'query', data: {} } }),
  // An entry's button: its label is the entry's title, which finds the entry again (the slug picks it out).
  pick: (ctx, slug, _arg, _state, text) => answer(ctx, text.trim() || slug.replace(/-/g, ' '), slug),
  text: (ctx, text) => answer(ctx, text),
};
