import type { HttpApp } from '@petfriendly/core';
import type { AccountingServices } from '../services';
import { bankPages } from './bank.pages';
import { bookPages } from './books.pages';
import { closingPages } from './closing.pages';
import { payablesPages } from './payables.pages';
import { receiptPages } from './receipts.pages';
import { receivablesPages } from './receivables.pages';
import { satPages } from './sat.pages';
import { statementPages } from './statements.pages';

export async function accountingPages(app: HttpApp, s: AccountingServices) {
  await bookPages(app, s);
  await statementPages(app, s);
  await payablesPages(app, s);
  await receiptPages(app, s);
  await receivablesPages(app, s);
  await bankPages(app, s);
  await closingPages(app, s);
  await satPages(app, s);
}
