import type { Flow } from '../context';
import { menuButton } from '../context';

const FLOW = 'human';

/** Email, or a phone (WhatsApp) with at least 10 digits; normalized, or null when it is neither. */
export function contactFrom(text: string): string | null {
  const value = text.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return value.toLowerCase();
  if (/^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, '').length >= 10) return `${value.startsWith('+') ? '+' : ''}${value.replace(/\D/g, '')}`;
  return null;
}

/** Talk to a person: the ChatService hands off; guests first leave a WhatsApp number or an email. */
export const handoffFlow: Flow = {
  audience: 'everyone',
  async start(ctx) {
    if (ctx.reachable) return ctx.turn(ctx.t.handingOff, { handoff: { reason: ctx.t.handoffReason } });
    return ctx.turn(ctx.t.askContact, { buttons: [menuButton(ctx)], state: { flow: FLOW, step: 'contact', data: {} } });
  },
  pick: (ctx) => handoffFlow.start(ctx),
  async text(ctx, text, state) {
    const contact = contactFrom(text);
    if (!contact) return ctx.turn(ctx.t.contactInvalid, { buttons: [menuButton(ctx)], state });
    return ctx.turn(ctx.t.handingOffGuest, { handoff: { reason: ctx.t.handoffReason, contact } });
  },
};
