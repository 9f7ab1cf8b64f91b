import { accountsModule } from '@petfriendly/accounts';
import { storeModule } from '@petfriendly/store';
import { billingModule } from '@petfriendly/billing';
import { appointmentsModule } from '@petfriendly/appointments';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { multilingualModule } from '@petfriendly/multilingual';
import { aiAssistantModule } from '@petfriendly/ai-assistant';

/** Every installed module; the kernel orders them by their dependencies. */
export const modules = [accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, storeModule, billingModule, multilingualModule, aiAssistantModule];
