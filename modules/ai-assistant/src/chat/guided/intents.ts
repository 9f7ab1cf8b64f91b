import type { Actor } from '@petfriendly/core';
import { fold } from './format';
import type { Command } from './menu';

/**
 * Keywords per task in es, en, de, fr, it, matched on folded text (lower case, no accents) at the
 * start of a word, so "vacun" finds "vacunas" and "vacunación". Order matters: "cambiar cita"
 * is a reschedule before "cita" is a booking.
 */
const INTENTS: [Command, RegExp][] = [
  [
    '#human',
    /\b(humano|persona\b|asesor|agente|alguien|recepcion|human|person\b|someone|agent\b|staff|mensch|mitarbeiter|jemand|personne|conseiller|quelqu|umano|operatore|qualcuno)/,
  ],
  [
    '#clinic',
    /\b(horario|a que hora|abren|abierto|cierran|direccion|domicilio|ubicacion|ubicados|donde (estan|quedan|se encuentran)|como llego|opening|hours\b|open\b|address|location|where are you|offnungszeit|geoffnet|adresse|wo (sind|finde)|horaire|ouvert|ou etes|ou se trouve|orari|aperto|indirizzo|dove siete|dove si trova)/,
  ],
  [
    '#resched',
    /\b(reagendar|reprogramar|(cambiar|mover) (mi |la )?cita|reschedul|move (my )?appointment|change (my )?appointment|verschieb|umbuch|deplacer|reporter|decaler|spostare|riprogramm)/,
  ],
  ['#book', /\b(agendar|cita|reservar|turno|book|appointment|termin|rendez|rdv|appuntament|prenota)/],
  ['#vacc', /\b(vacun|vaccin|impf)/],
  ['#orders', /\b(pedido|mi orden|order|bestellung|commande|ordine)/],
  [
    '#products',
    /\b(producto|comprar|croqueta|alimento|tienda|juguete|product|buy|shop|food|produkt|kaufen|futter|produit|acheter|boutique|prodott|comprare|crocchett|negozio)/,
  ],
];

const STAFF_INTENTS: [Command, RegExp][] = [
  ['#staff:today', /\b(agenda|citas de hoy|hoy|schedule|today|heute|tagesplan|aujourd|planning|oggi)/],
  ['#staff:stock', /\b(stock|inventario|existencia|inventory|lager|bestand|scorte|magazzino)/],
  ['#staff:pets', /\b(paciente|buscar mascota|patient|find (a )?pet|tier suchen|paziente)/],
];

// Owners' own records need an account; a guest asking about vaccines gets the FAQ instead.
const GUEST_INTENTS = new Set<Command>(['#human', '#clinic', '#resched', '#book', '#orders', '#products']);

const GREETINGS = new Set([
  'menu',
  'inicio',
  'hola',
  'buenas',
  'buenos dias',
  'buenas tardes',
  'buenas noches',
  'hi',
  'hello',
  'hey',
  'start',
  'hallo',
  'guten tag',
  'bonjour',
  'salut',
  'ciao',
  'buongiorno',
]);

/** A greeting or "menu" on its own. */
export function isMenuRequest(text: string): boolean {
  return GREETINGS.has(
    fold(text)
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .trim(),
  );
}

export const isQuestion = (text: string) => /[?¿]/.test(text);

/** The task the words ask for, among those this caller can start. */
export function detectIntent(text: string, actor: Actor): Command | null {
  const folded = fold(text);
  const candidates =
    actor.kind === 'staff'
      ? [...STAFF_INTENTS, ...INTENTS.filter(([c]) => c === '#products' || c === '#clinic')]
      : actor.kind === 'owner'
        ? INTENTS
        : INTENTS.filter(([c]) => GUEST_INTENTS.has(c));
  return candidates.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}
