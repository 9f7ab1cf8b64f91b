import type { ModuleContext } from '@petfriendly/core';
import { createCashCloseService } from './cash-close.service';

export function createCashCloseServices(ctx: ModuleContext) {
  return { cashClose: createCashCloseService(ctx) };
}

export type CashCloseServices = ReturnType<typeof createCashCloseServices>;
