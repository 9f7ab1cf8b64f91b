import { type EventPayload, money } from '@petfriendly/core';
import type { stockMoved, stockReceived } from '@petfriendly/store';
import { LEDGER } from '../chart';
import type { EntryDraft } from '../ledger.service';
import { credit, debit, lines } from './lines';

/** Where the other side of a stock movement goes, by why the stock moved. */
const COUNTERPART = {
  sale: LEDGER.costOfSales,
  returned: LEDGER.costOfSales,
  order_cancelled: LEDGER.costOfSales,
  adjustment: LEDGER.shrinkage,
  count: LEDGER.shrinkage,
  damaged: LEDGER.shrinkage,
  expired: LEDGER.shrinkage,
  received: LEDGER.goodsReceived,
} as const;

const DESCRIPTION = {
  sale: 'Costo de venta',
  returned: 'Devolución al inventario',
  order_cancelled: 'Pedido cancelado: regresa al inventario',
  adjustment: 'Ajuste de inventario',
  count: 'Conteo físico',
  damaged: 'Merma por daño',
  expired: 'Merma por caducidad',
  received: 'Entrada de mercancía',
} as const;

/** Stock received: inventory at the batch's cost, owed to the supplier until its bill is booked. */
export function stockReceivedEntry(p: EventPayload<typeof stockReceived>, date: string): EntryDraft | null {
  if (money(p.costAmount).isZero()) return null;
  const what = `Entrada lote ${p.batchNumber} · ${p.supplier}`.trim();
  return {
    date,
    entryType: 'stock',
    description: what,
    reference: `movement:${p.movementId}`,
    lines: lines([debit(LEDGER.inventory, p.costAmount, what), credit(LEDGER.goodsReceived, p.costAmount, what)]),
  };
}

/**
 * Stock moved, at the batch's unit cost: a sale (or a use in a visit, invoiced as a line) is cost of
 * sales, a return or cancelled order undoes it; an adjustment, count, damage or expiry is shrinkage.
 */
export function stockMovedEntry(p: EventPayload<typeof stockMoved>, date: string): EntryDraft | null {
  const cost = money(p.costAmount);
  if (cost.isZero()) return null;
  const what = `${DESCRIPTION[p.reason]} · ${p.reference}`;
  // Units in (+) debit the inventory; units out (−) credit it, `lines` turns the sign into the side.
  return {
    date,
    entryType: p.reason === 'sale' || p.reason === 'returned' || p.reason === 'order_cancelled' ? 'stock' : 'adjustment',
    description: what,
    reference: `movement:${p.movementId}`,
    lines: lines([debit(LEDGER.inventory, cost, what), credit(COUNTERPART[p.reason], cost, what)]),
  };
}
