import { accountsModule } from '@petfriendly/accounts';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupModule } from '../src/index';
import { FirstAdminFactory } from '../src/testing';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule, storeModule, billingModule, setupModule],
    { now: '2026-03-10T16:00:00Z' },
  );
});
afterAll(async () => platform?.close());

describe('FirstAdminFactory', () => {
  it('makes the first admin through setup, once: the clinic no longer needs one and a second is refused', async () => {
    const setup = platform.services.setup.setup;
    expect((await setup.status()).needsAdmin).toBe(true);
    const admin = await FirstAdminFactory(platform, { name: 'Dr. Luis Pardo' });
    expect(admin.actor).toMatchObject({ kind: 'staff', role: 'admin', userId: admin.user.id });
    expect((await setup.status()).needsAdmin).toBe(false);
    await expect(FirstAdminFactory(platform)).rejects.toMatchObject({ code: 'setup.admin_exists' });
  });
});
