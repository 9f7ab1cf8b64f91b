import { foldForSearch } from '@petfriendly/core';

/**
 * A reply that asks for no more marketing: the whole message is one of the words carriers and
 * WhatsApp users send for it (STOP, BAJA, ALTO, CANCELAR SUSCRIPCIÓN, UNSUBSCRIBE…), any case or accents.
 * A longer sentence that merely contains "baja" ("mi perra está baja de peso") is not one.
 */
const STOP = /^(stop|stopall|baja|alto|darme de baja|dar de baja|de baja|unsubscribe|cancelar suscripcion|no mas|no más|end|quit)$/;

export function isStopReply(text: string): boolean {
  const t = foldForSearch(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return STOP.test(t);
}
