import type { AccountsServices } from './services';

/** What other modules use of accounts: who people are (the directory) and their profiles. */
export type AccountsPort = Pick<AccountsServices, 'directory' | 'users'>;
