import { type Actor, type ModuleContext, parseInput } from '@petfriendly/core';
import { buildDiot, type DiotSource } from './diot';
import { requireBookkeeper } from './ledger.service';
import { catalogoSchema as monthSchema } from './sat/sat.schemas';

/** The month's DIOT from what `source` says was paid to suppliers. */
export function createDiotService(_ctx: ModuleContext, source: DiotSource) {
  async function report(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { year, month } = parseInput(monthSchema, input);
    const { lines, txt } = buildDiot(await source.paymentsIn(year, month));
    return { year, month, lines, txt, fileName: `DIOT-${year}${String(month).padStart(2, '0')}.txt` };
  }
  return { report };
}

export type DiotService = ReturnType<typeof createDiotService>;
