import type { ModuleContext } from '@petfriendly/core';
import { createLedgerService } from './ledger.service';
import { createPostingService } from './posting.service';
import { createStatementService } from './statements.service';

export function createAccountingServices(ctx: ModuleContext) {
  const ledger = createLedgerService(ctx);
  const posting = createPostingService(ctx, ledger);
  const statements = createStatementService(ctx);
  return { ledger, posting, statements };
}

export type AccountingServices = ReturnType<typeof createAccountingServices>;
