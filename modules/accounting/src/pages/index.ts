import type { HttpApp } from '@petfriendly/core';
import type { AccountingServices } from '../services';
import { bookPages } from './books.pages';
import { statementPages } from './statements.pages';

export async function accountingPages(app: HttpApp, s: AccountingServices) {
  await bookPages(app, s);
  await statementPages(app, s);
}
