import { ConflictError, type ModuleContext } from '@petfriendly/core';
import { createBudgetService } from './budget.service';
import { createCashFlowService } from './cash-flow.service';
import { createCloseService } from './close.service';
import { createCloseStatus } from './close-status';
import { createDiotService } from './diot.service';
import { createDiotSource } from './diot-source';
import { createLedgerService } from './ledger.service';
import { createPayablesService } from './payables.service';
import { createPostingService } from './posting.service';
import { createReceiptService } from './receipts.service';
import { createReceivablesService, type OwnerDirectory } from './receivables.service';
import { createReconciliationService } from './reconciliation.service';
import { createSatService } from './sat/sat.service';
import { createStatementExports } from './statement-exports.service';
import { createStatementService } from './statements.service';

/** The clinic's RFC, as billing issues CFDIs with it (its live settings). */
function issuerRfc(ctx: ModuleContext) {
  return async () => {
    try {
      return String(ctx.settings.get('BILLING').ISSUER_RFC);
    } catch {
      throw new ConflictError('accounting.issuer_rfc_missing', "The clinic's RFC is not set (billing's fiscal data).");
    }
  };
}

export function createAccountingServices(ctx: ModuleContext, owners: OwnerDirectory) {
  const ledger = createLedgerService(ctx);
  const posting = createPostingService(ctx, ledger);
  const statements = createStatementService(ctx);
  const payables = createPayablesService(ctx, ledger);
  const receivables = createReceivablesService(ctx, ledger, owners);
  const receipts = createReceiptService(ctx, ledger);
  const bank = createReconciliationService(ctx, ledger);
  const sat = createSatService(ctx, issuerRfc(ctx));
  const close = { ...createCloseService(ctx, ledger), ...createCloseStatus(ctx) };
  const budgets = createBudgetService(ctx);
  const cashFlow = createCashFlowService(ctx);
  const diot = createDiotService(ctx, createDiotSource(ctx));
  const exports = createStatementExports(ctx, statements, cashFlow);
  return { ledger, posting, statements, payables, receivables, receipts, bank, sat, close, budgets, cashFlow, diot, exports };
}

export type AccountingServices = ReturnType<typeof createAccountingServices>;
