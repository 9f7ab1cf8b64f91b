import type { Platform } from '@petfriendly/core';

export const DEMO_LOGINS = [
  { label: 'Admin', email: 'admin@petfriendly.mx', password: 'petfriendly' },
];

export async function seedDemo(_platform: Platform, _options: { owners: number; progress: boolean }): Promise<void> {}
