import { accountingModule } from '@petfriendly/accounting';
import { accountsModule } from '@petfriendly/accounts';
import { aiAssistantModule } from '@petfriendly/ai-assistant';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { cashCloseModule } from '@petfriendly/cash-close';
import { competitiveIntelModule } from '@petfriendly/competitive-intel';
import { consentModule } from '@petfriendly/consent';
import { composeModules, type Platform, type ServicesOf } from '@petfriendly/core';
import { crmModule } from '@petfriendly/crm';
import { dataImportModule } from '@petfriendly/data-import';
import { loyaltyModule } from '@petfriendly/loyalty';
import { marketingModule } from '@petfriendly/marketing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { privacyModule } from '@petfriendly/privacy';
import { reportsModule } from '@petfriendly/reports';
import { setupModule } from '@petfriendly/setup';
import { storeModule } from '@petfriendly/store';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { auditModule } from './audit/audit.module';
import { backupModule } from './backup/backup.module';

/**
 * Every installed module; the kernel orders them by their needs and hands each the ports it declares.
 * A module whose needs no listed module provides does not compile here.
 */
export const modules = composeModules([
  accountsModule,
  vetClinicModule,
  omnichannelModule,
  appointmentsModule,
  storeModule,
  billingModule,
  cashCloseModule,
  consentModule,
  accountingModule,
  crmModule,
  loyaltyModule,
  marketingModule,
  competitiveIntelModule,
  reportsModule,
  multilingualModule,
  aiAssistantModule,
  setupModule,
  dataImportModule,
  privacyModule,
  backupModule,
  auditModule,
]);

/** The running clinic: every module's services by name. */
export type AppPlatform = Platform<ServicesOf<typeof modules>>;
