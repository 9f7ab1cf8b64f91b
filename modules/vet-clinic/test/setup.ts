import { accountsModule } from '@petfriendly/accounts';
import { createTestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '../src/index';

export async function vetClinicPlatform(now = '2026-03-10T16:00:00Z') {
  const platform = await createTestPlatform([accountsModule, vetClinicModule], { now });
  return { platform, s: platform.services['vet-clinic'] };
}
