import { randomBytes } from 'node:crypto';
import { type Actor, type Platform, type ServiceRegistry, type StaffRole, systemActor } from '@petfriendly/core';

/** A platform with the accounts module, whatever else it has. */
type WithAccounts = Platform<Pick<ServiceRegistry, 'accounts'>>;

let sequence = 0;

/** Factories for tests: people with a role, their actor, and an API token. */
export async function createPerson(
  platform: WithAccounts,
  role: 'owner' | StaffRole = 'owner',
  overrides: { name?: string; email?: string; password?: string; language?: string; licenseNumber?: string } = {},
) {
  const accounts = platform.services.accounts;
  sequence += 1;
  const suffix = `${sequence}-${randomBytes(3).toString('hex')}`;
  const user = await accounts.users.createUser(systemActor, {
    name: overrides.name ?? `${role === 'owner' ? 'Dueño' : 'Staff'} ${suffix}`,
    email: overrides.email ?? `${role}-${suffix}@example.mx`,
    password: overrides.password ?? 'correcto-caballo-123',
    role,
    preferredLanguage: overrides.language ?? 'es',
    licenseNumber: overrides.licenseNumber,
  });
  const { token } = await accounts.tokens.createToken(systemActor, { name: 'test', userId: user.id });
  const actor = (await accounts.tokens.actorFromToken(token)) as Extract<Actor, { kind: 'owner' | 'staff' }>;
  return { user, actor, token, auth: { authorization: `Bearer ${token}` } };
}

export const OwnerFactory = (platform: WithAccounts, overrides?: Parameters<typeof createPerson>[2]) => createPerson(platform, 'owner', overrides);
export const StaffFactory = (platform: WithAccounts, role: StaffRole = 'veterinarian', overrides?: Parameters<typeof createPerson>[2]) =>
  createPerson(platform, role, overrides);
