import type { HttpApp } from '@petfriendly/core';
import type { ReportsServices } from '../services';
import { dashboardPages } from './dashboard.pages';

export async function reportsPages(app: HttpApp, s: ReportsServices) {
  await dashboardPages(app, s);
}
