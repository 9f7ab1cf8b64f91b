import { type Actor, type ModuleContext, parseInput, requireStaff } from '@petfriendly/core';
import { createCampaignService, MANAGERS } from './campaign.service';
import { createClickService } from './clicks.service';
import { createConsentService } from './consent.service';
import { draftCampaign } from './draft';
import { draftSchema } from './marketing.schemas';
import type { MarketingSettings } from './marketing.settings';
import { createOutbox } from './outbox';
import type { MarketingNeeds } from './ports';
import { createMarketingPrivacy } from './privacy';
import { createSendingService } from './sending.service';
import { createSequenceService } from './sequence.service';
import { createSequenceTextService } from './sequence-texts.service';

export function createMarketingServices(ctx: ModuleContext, deps: MarketingNeeds, settings: MarketingSettings) {
  const outbox = createOutbox(ctx, deps.omnichannel);
  const consent = createConsentService(ctx, deps.crm);
  const campaigns = createCampaignService(ctx, deps.crm, outbox, settings);
  const sending = createSendingService(ctx, deps.crm, outbox, campaigns);
  const clicks = createClickService(ctx);
  const sequenceTexts = createSequenceTextService(ctx, outbox);
  const sequences = createSequenceService(ctx, deps.crm, outbox, consent.isSuppressed);
  /** A campaign text to start from (the guided assistant's templates). */
  async function draft(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { goal, language, offer } = parseInput(draftSchema, input);
    return draftCampaign(goal, language, offer);
  }
  return { campaigns, sending, clicks, consent, sequences, sequenceTexts, draft, privacy: createMarketingPrivacy(ctx) };
}

export type MarketingServices = ReturnType<typeof createMarketingServices>;
