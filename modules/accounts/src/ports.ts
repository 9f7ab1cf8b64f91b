import type { AccountsServices } from './services';

/** What other modules use of accounts: who people are (the directory) and their profiles. */
export type AccountsPort = Pick<AccountsServices, 'directory' | 'users'>;

/** What first-run setup uses: the first admin, signing them in, and inviting the team. */
export type AccountsSetupPort = Pick<AccountsServices, 'directory' | 'users' | 'identity' | 'inviteStaff'>;

/** What a data import uses: owners checked, found by contact, created in bulk and removed on undo. */
export type AccountsImportPort = Pick<AccountsServices, 'ownerImport'>;
