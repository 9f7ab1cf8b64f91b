import { type Platform, type ServicesOf, composeModules } from '@petfriendly/core';
import { accountsModule } from '@petfriendly/accounts';
import { storeModule } from '@petfriendly/store';
import { billingModule } from '@petfriendly/billing';
import { appointmentsModule } from '@petfriendly/appointments';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { multilingualModule } from '@petfriendly/multilingual';
import { aiAssistantModule } from '@petfriendly/ai-assistant';

/**
 * Every installed module; the kernel orders them by their needs and hands each the ports it declares.
 * A module whose needs no listed module provides does not compile here.
 */
export const modules = composeModules([accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, storeModule, billingModule, multilingualModule, aiAssistantModule]);

/** The running clinic: every module's services by name. */
export type AppPlatform = Platform<ServicesOf<typeof modules>>;
