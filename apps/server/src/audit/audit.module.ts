import type { AccountsPort } from '@petfriendly/accounts';
import { defineModule, type ModuleContext, port } from '@petfriendly/core';
import { auditPages } from './audit.pages';
import { auditRoutes } from './audit.routes';
import { auditTexts } from './i18n/index';

/**
 * Reading the audit log. Writing it is the kernel's (`ctx.audit.record`, called by each module in the
 * transaction of its change), so the clinical, price and invoice modules know nothing of this reader.
 */
export const auditModule = defineModule({
  name: 'audit',
  needs: { accounts: port<AccountsPort>() },
  // The log is the kernel's table (core.audit_log).
  tables: {},
  i18n: auditTexts,
  nav: [
    {
      area: 'admin',
      href: '/admin/audit',
      labelKey: 'audit:nav',
      icon: 'notebook-pen',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 90,
    },
  ],
  createServices: (ctx, deps) => createAuditServices(ctx, deps.accounts),
  routes: async (app, s) => {
    await auditRoutes(app, s);
    await auditPages(app, s);
  },
});

function createAuditServices(ctx: ModuleContext, accounts: AccountsPort) {
  return { log: ctx.audit, directory: accounts.directory, users: accounts.users };
}
export type AuditServices = ReturnType<typeof createAuditServices>;

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    audit: AuditServices;
  }
}
