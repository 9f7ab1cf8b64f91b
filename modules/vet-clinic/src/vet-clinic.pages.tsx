import type { AccountsPort } from '@petfriendly/accounts';
import type { HttpApp, ModuleContext } from '@petfriendly/core';
import { adminPages } from './pages/admin.pages';
import { chartPages } from './pages/chart.pages';
import { ownerPages } from './pages/owner.pages';
import { protocolPages } from './pages/protocols.pages';
import { travelPages } from './pages/travel.pages';
import type { VetClinicServices } from './services';

export async function vetClinicPages(app: HttpApp, s: VetClinicServices, ctx: ModuleContext, accounts: AccountsPort) {
  await ownerPages(app, s, ctx);
  await adminPages(app, s, ctx, accounts);
  await chartPages(app, s, ctx);
  await travelPages(app, s);
  await protocolPages(app, s);
}
