import { actorFromUser, type Platform } from '@petfriendly/core';

let sequence = 0;

/** The clinic's first admin, made the only way an empty clinic gets one: first-run setup with the server's code. */
export async function FirstAdminFactory(platform: Platform, overrides: { name?: string; email?: string; password?: string } = {}) {
  const { setup } = platform.services.setup;
  sequence += 1;
  const user = await setup.createFirstAdmin({
    code: setup.setupCode(),
    name: 'Dra. Ana Ruiz',
    email: `admin-${sequence}@example.mx`,
    password: 'huellitas-2026',
    ...overrides,
  });
  return { user, actor: actorFromUser(user) };
}
