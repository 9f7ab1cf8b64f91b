import type { AccountsPort } from '@petfriendly/accounts';
import type { PetFactsPort } from '@petfriendly/vet-clinic';
import type { CrmServices } from './services';

/** What the CRM uses of others: people's names (accounts) and pets' facts (vet-clinic). */
export interface CrmNeeds {
  accounts: AccountsPort;
  'vet-clinic': PetFactsPort;
}

/**
 * What marketing and reports use of the CRM: a segment's audience (owner ids with channel, language and
 * marketing consent), counts of rules, a profile summary and the customer search.
 */
export type CrmPort = {
  segments: Pick<CrmServices['segments'], 'segmentAudience' | 'consentingOwners' | 'countRules' | 'listSegments'>;
  customers: Pick<CrmServices['customers'], 'getProfile' | 'searchCustomers' | 'recordMarketingConsent' | 'marketingFacts' | 'petsBornOn'>;
};
