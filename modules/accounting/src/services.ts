import type { ModuleContext } from '@petfriendly/core';
import { createLedgerService } from './ledger.service';
import { createPayablesService } from './payables.service';
import { createPostingService } from './posting.service';
import { createReceivablesService, type OwnerDirectory } from './receivables.service';
import { createReconciliationService } from './reconciliation.service';
import { createStatementService } from './statements.service';

export function createAccountingServices(ctx: ModuleContext, owners: OwnerDirectory) {
  const ledger = createLedgerService(ctx);
  const posting = createPostingService(ctx, ledger);
  const statements = createStatementService(ctx);
  const payables = createPayablesService(ctx, ledger);
  const receivables = createReceivablesService(ctx, ledger, owners);
  const bank = createReconciliationService(ctx, ledger);
  return { ledger, posting, statements, payables, receivables, bank };
}

export type AccountingServices = ReturnType<typeof createAccountingServices>;
