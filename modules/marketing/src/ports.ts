import type { CrmPort } from '@petfriendly/crm';
import type { MarketingMessagingPort } from '@petfriendly/omnichannel';

/** What marketing uses of others: segments, consent and owners' facts (CRM), and sending (omnichannel). */
export interface MarketingNeeds {
  crm: CrmPort;
  omnichannel: MarketingMessagingPort;
  /** None of its services: marketing fills the chart's socket for the follow-ups of declined services. */
  'vet-clinic': Record<never, never>;
}
