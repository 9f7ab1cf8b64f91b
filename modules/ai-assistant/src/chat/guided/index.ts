import type { Actor } from '@petfriendly/core';
import type { ChatButton, GuidedState } from '../chat.types';
import { type Ctx, createContext, type Flow, failed, type GuidedDeps, type GuidedTurn } from './context';
import { bookingFlow } from './flows/booking';
import { clinicFlow } from './flows/clinic';
import { faqAnswer, faqFlow, searchFaq } from './flows/faq';
import { handoffFlow } from './flows/handoff';
import { ordersFlow } from './flows/orders';
import { productsFlow } from './flows/products';
import { rescheduleFlow } from './flows/reschedule';
import { staffFlow } from './flows/staff';
import { vaccinationFlow } from './flows/vaccination';
import { fold } from './format';
import { detectIntent, isMenuRequest, isQuestion } from './intents';
import { commandButton, menuTurn, signInTurn, welcomeTurn } from './menu';

export type { GuidedDeps, GuidedTurn } from './context';

export interface GuidedInput {
  text: string;
  /** The value of the button pressed, if one was. */
  action?: string;
  /** The clinic can already answer where the person writes from (WhatsApp): no need to ask a guest for a contact. */
  reachable?: boolean;
}

const FLOWS: Record<string, Flow> = {
  book: bookingFlow,
  resched: rescheduleFlow,
  vacc: vaccinationFlow,
  products: productsFlow,
  orders: ordersFlow,
  human: handoffFlow,
  staff: staffFlow,
  faq: faqFlow,
  clinic: clinicFlow,
};

/**
 * Guided mode: the chat without a language model. It answers from the FAQ and leads through the
 * common tasks with buttons, calling the same AI tools a model would, as the caller.
 */
export function createGuidedAssistant(deps: GuidedDeps) {
  return {
    welcome(actor: Actor): GuidedTurn {
      return welcomeTurn(createContext(deps, actor));
    },

    async reply(actor: Actor, input: GuidedInput, state: GuidedState | null): Promise<GuidedTurn> {
      const ctx = createContext(deps, actor, input.reachable);
      if (input.action?.startsWith('#')) return runCommand(ctx, input.action, input.text, state);
      const text = input.text.trim();
      if (!text || isMenuRequest(text)) return menuTurn(ctx, ctx.t.menuPrompt);
      const flow = state ? FLOWS[state.flow] : undefined;
      if (state && flow) return continueFlow(ctx, flow, text, state);
      return freeText(ctx, text);
    },
  };
}

/** `#flow[:key[:arg]]`; the arg may itself hold colons (a time like 09:30). */
function runCommand(ctx: Ctx, value: string, text: string, state: GuidedState | null): Promise<GuidedTurn> | GuidedTurn {
  const [name = '', key, ...rest] = value.slice(1).split(':');
  const flow = FLOWS[name];
  if (!flow || (flow === faqFlow && !ctx.faq)) return menuTurn(ctx, ctx.t.menuPrompt);
  if (flow.audience === 'owner' && ctx.actor.kind === 'anonymous') return signInTurn(ctx);
  return key === undefined ? flow.start(ctx) : flow.pick(ctx, key, rest.join(':'), state, text);
}

/** Typed text during a task: the step's own free-text answer, or one of its buttons by number or label. */
async function continueFlow(ctx: Ctx, flow: Flow, text: string, state: GuidedState): Promise<GuidedTurn> {
  const answered = flow.text ? await flow.text(ctx, text, state) : null;
  if (answered) return answered;
  const step = flow.render ? await flow.render(ctx, state) : await flow.start(ctx);
  const chosen = matchButton(text, step.buttons);
  if (chosen) return runCommand(ctx, chosen, text, step.state);
  const intent = detectIntent(text, ctx.actor);
  if (intent) return runCommand(ctx, intent, text, null);
  return { ...step, text: `${ctx.t.pickOne}\n\n${step.text}` };
}

function matchButton(text: string, buttons: ChatButton[]): string | null {
  const typed = fold(text);
  const index = /^\d{1,2}$/.test(typed) ? Number(typed) - 1 : -1;
  if (buttons[index]) return buttons[index].value;
  const exact = buttons.find((b) => fold(b.label) === typed);
  if (exact) return exact.value;
  const partial = buttons.filter((b) => fold(b.label).includes(typed));
  return partial.length === 1 ? partial[0]!.value : null;
}

/** No task under way: a task the words ask for, else the FAQ. A question goes to the FAQ first, with the task offered. */
async function freeText(ctx: Ctx, text: string): Promise<GuidedTurn> {
  const intent = detectIntent(text, ctx.actor);
  // Hours and address come from the clinic's settings, whatever the FAQ says.
  if (intent && (intent === '#clinic' || !isQuestion(text) || !ctx.faq)) return runCommand(ctx, intent, text, null);
  if (!ctx.faq) return menuTurn(ctx, ctx.t.menuPrompt);
  const found = await searchFaq(ctx, text);
  if (found.ok && !found.data.length && intent) return runCommand(ctx, intent, text, null);
  if (!found.ok) return failed(ctx, found);
  return faqAnswer(ctx, found.data, intent ? [commandButton(ctx, intent)] : []);
}
