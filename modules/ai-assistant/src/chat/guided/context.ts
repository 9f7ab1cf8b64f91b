import { type Actor, type Clock, clinicToday, type Language, type LocalDate, normalizeLanguage, type ToolRegistry } from '@petfriendly/core';
import type { ChatButton, ChatLink, GuidedState, HandoffRequest, ToolCallRecord, ToolResultRecord } from '../chat.types';
import { guidedTexts, type Texts } from './guided.texts';

export interface GuidedDeps {
  tools: Pick<ToolRegistry, 'executeTool'>;
  /** A tool's error as people read it, in their language (the English message by default). */
  describeError?: (language: Language, error: { code: string; message: string; details?: Record<string, unknown> }) => string;
  clock: Clock;
  /** The clinic's IANA zone, e.g. America/Mexico_City. */
  timeZone: string;
  /** The FAQ is on (`KNOWLEDGE_BASE_ENABLED`); when off, neither the menu nor free text offers it. */
  faq?: () => boolean;
}

export interface GuidedTurn {
  text: string;
  buttons: ChatButton[];
  links: ChatLink[];
  toolCalls: ToolCallRecord[];
  toolResults: ToolResultRecord[];
  state: GuidedState | null;
  handoff?: HandoffRequest;
}

/** A tool's answer as guided mode reads it; `message` is the tool's own readable error. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

export interface TurnParts {
  buttons?: ChatButton[];
  links?: ChatLink[];
  state?: GuidedState | null;
  handoff?: HandoffRequest;
}

/** What one reply works with: the caller, their texts, clinic dates, and the tool calls made so far. */
export interface Ctx {
  actor: Actor;
  /** A person can answer this caller where they are, without asking for a contact. */
  reachable: boolean;
  lang: Language;
  t: Texts;
  today: LocalDate;
  timeZone: string;
  faq: boolean;
  /** Runs an AI tool as the caller and records the call. `T` is the shape the tool's handler returns. */
  call<T>(name: string, args: Record<string, unknown>): Promise<Outcome<T>>;
  turn(text: string, parts?: TurnParts): GuidedTurn;
}

export function createContext(deps: GuidedDeps, actor: Actor, reachable = actor.kind !== 'anonymous'): Ctx {
  const lang = normalizeLanguage(actor.language);
  const toolCalls: ToolCallRecord[] = [];
  const toolResults: ToolResultRecord[] = [];
  return {
    actor,
    reachable,
    lang,
    t: guidedTexts[lang],
    today: clinicToday(deps.clock, deps.timeZone),
    timeZone: deps.timeZone,
    faq: deps.faq?.() ?? true,
    async call<T>(name: string, args: Record<string, unknown>): Promise<Outcome<T>> {
      const id = `guided_${toolCalls.length + 1}`;
      toolCalls.push({ id, name, arguments: args });
      const result = await deps.tools.executeTool(name, args, actor);
      if (result.ok) {
        toolResults.push({ id, name, ok: true, data: result.data });
        return { ok: true, data: result.data as T };
      }
      toolResults.push({ id, name, ok: false, error: { code: result.error.code, message: result.error.message } });
      return { ok: false, message: deps.describeError?.(lang, result.error) ?? result.error.message };
    },
    turn: (text, parts = {}) => ({
      text,
      buttons: parts.buttons ?? [],
      links: parts.links ?? [],
      toolCalls: [...toolCalls],
      toolResults: [...toolResults],
      state: parts.state ?? null,
      ...(parts.handoff ? { handoff: parts.handoff } : {}),
    }),
  };
}

export const MENU = '#menu';
export const menuButton = (ctx: Ctx): ChatButton => ({ label: ctx.t.backToMenu, value: MENU });

/** A tool said no: its message, and the way back. */
export function failed(ctx: Ctx, outcome: { message: string }, buttons: ChatButton[] = [], state: GuidedState | null = null): GuidedTurn {
  return ctx.turn(outcome.message, { buttons: [...buttons, menuButton(ctx)], state });
}

/** The data a flow kept between messages, or nothing when the state belongs to another flow. */
export function dataOf<T>(state: GuidedState | null, flow: string): Partial<T> {
  return state?.flow === flow ? (state.data as Partial<T>) : {};
}

/** One flow of guided mode. Its buttons send `#<flow>:<key>:<arg>`; `state.step` says what it waits for. */
export interface Flow {
  /** Owner flows send guests to sign in first. */
  audience: 'everyone' | 'owner' | 'staff';
  start(ctx: Ctx): Promise<GuidedTurn>;
  pick(ctx: Ctx, key: string, arg: string, state: GuidedState | null, text: string): Promise<GuidedTurn>;
  /** The question and buttons of the current step again (to match typed text against its buttons). */
  render?(ctx: Ctx, state: GuidedState): Promise<GuidedTurn>;
  /** Free text a step waits for (a search term, a contact); null when this step wants a button. */
  text?(ctx: Ctx, text: string, state: GuidedState): Promise<GuidedTurn | null>;
}
