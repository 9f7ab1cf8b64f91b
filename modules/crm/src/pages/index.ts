import type { HttpApp } from '@petfriendly/core';
import type { CrmServices } from '../services';
import { customerPages } from './customer.pages';
import { customerListPages } from './customers.pages';
import { segmentPages } from './segments.pages';

export async function crmPages(app: HttpApp, s: CrmServices) {
  await customerListPages(app, s);
  await customerPages(app, s);
  await segmentPages(app, s);
}
