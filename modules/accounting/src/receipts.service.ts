import {
  type Actor,
  ConflictError,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  NotFoundError,
  parseInput,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type { stockReceived } from '@petfriendly/store';
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { accounts } from './accounting.tables';
import { fromCents, toCents } from './cents';
import { LEDGER } from './chart';
import { type LedgerService, requireBookkeeper } from './ledger.service';
import { receiptMatched } from './payables.events';
import { billLines, bills, vendors } from './payables.tables';
import { receiptListQuerySchema, receiptMatchSchema } from './receipts.schemas';
import { purchaseReceipts, receiptMatches } from './receipts.tables';
import { receiptMatchedEntry } from './rules/receipts';

type Receipt = typeof purchaseReceipts.$inferSelect;

/** The ledger consumer keeps the receipts a bill can be matched to, from `stock_received` (once per movement, replayable). */
export async function saveReceipt(tx: Tx, p: EventPayload<typeof stockReceived>, receivedOn: string): Promise<void> {
  await tx
    .insert(purchaseReceipts)
    .values({
      movementId: p.movementId,
      productId: p.productId,
      batchNumber: p.batchNumber,
      quantity: p.quantity,
      unitCostCents: toCents(p.unitCost),
      costCents: toCents(p.costAmount),
      supplier: p.supplier,
      supplierRfc: p.supplierRfc,
      receivedOn,
    })
    .onConflictDoNothing();
}

function receiptView(r: Receipt) {
  return {
    id: r.id,
    movementId: r.movementId,
    productId: r.productId,
    batchNumber: r.batchNumber,
    quantity: r.quantity,
    unitCost: fromCents(r.unitCostCents),
    cost: fromCents(r.costCents),
    supplier: r.supplier,
    supplierRfc: r.supplierRfc,
    receivedOn: r.receivedOn,
  };
}

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/**
 * Purchase-receipt matching: a supplier bill's lines booked to goods received (2102) matched to the store's
 * receipts, the three-way check (quantity received, quantity billed, price received against price billed)
 * flagged, and the difference booked (from `receipt_matched`) so the goods-received account clears.
 */
export function createReceiptService(ctx: ModuleContext, ledger: LedgerService) {
  const { db, clock, events } = ctx;

  /** Receipts, newest first: the ones still unbilled (optionally one supplier's, by RFC or none given), or all. */
  async function listReceipts(actor: Actor, query: unknown = {}) {
    requireBookkeeper(actor);
    const q = parseInput(receiptListQuerySchema, query);
    const rows = await db
      .select({ receipt: purchaseReceipts, matchId: receiptMatches.id, billId: receiptMatches.billId })
      .from(purchaseReceipts)
      .leftJoin(receiptMatches, eq(receiptMatches.receiptId, purchaseReceipts.id))
      .where(
        and(
          q.status === 'unmatched' ? isNull(receiptMatches.id) : undefined,
          q.supplierRfc ? or(eq(purchaseReceipts.supplierRfc, q.supplierRfc), isNull(purchaseReceipts.supplierRfc)) : undefined,
        ),
      )
      .orderBy(desc(purchaseReceipts.receivedOn), desc(purchaseReceipts.id))
      .limit(500);
    return rows.map((r) => ({ ...receiptView(r.receipt), billId: r.billId }));
  }

  /** A bill's matches, with what was received and billed and the differences found. */
  async function billMatches(actor: Actor, billId: number) {
    requireBookkeeper(actor);
    const rows = await db
      .select({ match: receiptMatches, receipt: purchaseReceipts, line: billLines })
      .from(receiptMatches)
      .innerJoin(purchaseReceipts, eq(purchaseReceipts.id, receiptMatches.receiptId))
      .innerJoin(billLines, eq(billLines.id, receiptMatches.billLineId))
      .where(eq(receiptMatches.billId, billId))
      .orderBy(asc(receiptMatches.id));
    return rows.map(({ match: m, receipt, line }) => ({
      id: m.id,
      billId: m.billId,
      billLineId: m.billLineId,
      receipt: receiptView(receipt),
      billedQuantity: m.billedQuantity,
      billedUnitPrice: fromCents(m.billedUnitPriceCents),
      billedAmount: fromCents(line.amountCents),
      difference: fromCents(m.differenceCents),
      quantityMismatch: m.quantityMismatch,
      priceMismatch: m.priceMismatch,
      amountMismatch: m.amountMismatch,
      matchedAt: m.matchedAt,
    }));
  }

  /**
   * `match_receipt`: a line of the bill (on goods received) to one receipt. The bill and the receipt rows are
   * locked in that order, so two matches at once see each other: a receipt is billed once, a line matched once.
   */
  async function matchReceipt(actor: Actor, billId: number, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(receiptMatchSchema, input);
    const match = await db.transaction(async (tx) => {
      const [bill] = await tx.select().from(bills).where(eq(bills.id, billId)).for('update');
      if (!bill) throw new NotFoundError('accounting.bill_not_found', `Bill ${billId} not found.`);
      if (bill.status === 'cancelled') throw new ConflictError('accounting.bill_cancelled', 'The bill is cancelled.');
      const [line] = await tx
        .select({ line: billLines, code: accounts.code })
        .from(billLines)
        .innerJoin(accounts, eq(accounts.id, billLines.accountId))
        .where(and(eq(billLines.id, data.billLineId), eq(billLines.billId, billId)));
      if (!line) throw ValidationError.forField('accounting.bill_line_not_found', 'billLineId', `Bill ${billId} has no line ${data.billLineId}.`);
      if (line.code !== LEDGER.goodsReceived)
        throw ValidationError.forField(
          'accounting.match_line_account',
          'billLineId',
          `Only a line booked to goods received (${LEDGER.goodsReceived}) is matched to a receipt.`,
          {
            code: LEDGER.goodsReceived,
          },
        );
      const [receipt] = await tx.select().from(purchaseReceipts).where(eq(purchaseReceipts.id, data.receiptId)).for('update');
      if (!receipt) throw ValidationError.forField('accounting.receipt_not_found', 'receiptId', `Receipt ${data.receiptId} not found.`);
      const [vendor] = await tx.select().from(vendors).where(eq(vendors.id, bill.vendorId));
      if (receipt.supplierRfc && receipt.supplierRfc !== vendor!.rfc)
        throw ValidationError.forField(
          'accounting.receipt_other_supplier',
          'receiptId',
          `Receipt ${receipt.id} came from ${receipt.supplierRfc}, not ${vendor!.rfc}.`,
          {
            rfc: receipt.supplierRfc,
          },
        );
      const [taken] = await tx
        .select()
        .from(receiptMatches)
        .where(or(eq(receiptMatches.receiptId, receipt.id), eq(receiptMatches.billLineId, line.line.id)));
      if (taken?.receiptId === receipt.id)
        throw new ConflictError('accounting.receipt_already_matched', `Receipt ${receipt.id} is already matched to bill ${taken.billId}.`, {
          billId: taken.billId,
        });
      if (taken) throw new ConflictError('accounting.bill_line_already_matched', `That line of the bill is already matched to receipt ${taken.receiptId}.`);
      const unitPriceCents = toCents(data.unitPrice);
      const differenceCents = line.line.amountCents - receipt.costCents;
      const [row] = await tx
        .insert(receiptMatches)
        .values({
          billId,
          billLineId: line.line.id,
          receiptId: receipt.id,
          billedQuantity: data.quantity,
          billedUnitPriceCents: unitPriceCents,
          differenceCents,
          quantityMismatch: data.quantity !== receipt.quantity,
          priceMismatch: unitPriceCents !== receipt.unitCostCents,
          amountMismatch: data.quantity * unitPriceCents !== line.line.amountCents,
          matchedBy: actorId(actor),
          matchedAt: clock.now(),
        })
        .returning();
      await events.emit(tx, receiptMatched, {
        matchId: row!.id,
        billId,
        billNumber: bill.billNumber,
        billDate: bill.billDate,
        vendorId: bill.vendorId,
        vendorName: vendor!.name,
        receiptId: receipt.id,
        movementId: receipt.movementId,
        receivedQuantity: receipt.quantity,
        billedQuantity: data.quantity,
        receivedUnitCost: fromCents(receipt.unitCostCents),
        billedUnitPrice: fromCents(unitPriceCents),
        receiptCost: fromCents(receipt.costCents),
        billedAmount: fromCents(line.line.amountCents),
        difference: fromCents(differenceCents),
        quantityMismatch: row!.quantityMismatch,
        priceMismatch: row!.priceMismatch,
        amountMismatch: row!.amountMismatch,
      });
      return row!;
    });
    return (await billMatches(actor, billId)).find((m) => m.id === match.id)!;
  }

  /** The ledger consumer: the difference between the bill's line and the receipt's cost, so goods received clears. */
  async function onReceiptMatched(p: EventPayload<typeof receiptMatched>, event: EventContext) {
    const draft = receiptMatchedEntry(p);
    if (draft) await ledger.postFromEvent(draft, event.eventId);
  }

  return { listReceipts, billMatches, matchReceipt, onReceiptMatched };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
