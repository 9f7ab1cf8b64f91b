import { AuthenticationRequiredError, PermissionDeniedError } from './errors';

export const STAFF_ROLES = ['receptionist', 'veterinarian', 'accountant', 'manager', 'admin'] as const;
export const ROLES = ['owner', ...STAFF_ROLES] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Who is calling a service. Built from the session or token, never from request input or a model. */
export type Actor =
  | { kind: 'anonymous'; language: string }
  | { kind: 'owner'; userId: string; language: string; name?: string }
  | { kind: 'staff'; userId: string; role: StaffRole; language: string; name?: string }
  | { kind: 'system'; language: string };

export type AuthenticatedActor = Extract<Actor, { kind: 'owner' | 'staff' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The spec's permission levels for AI tools and routes. */
export const PERMISSION_LEVELS = ['public', 'owner', 'staff', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export const anonymous = (language = 'es'): Actor => ({ kind: 'anonymous', language });
export const systemActor: Actor = { kind: 'system', language: 'es' };

export function actorFromUser(user: { id: string; role: string; preferredLanguage?: string | null; name?: string | null }): AuthenticatedActor {
  const language = user.preferredLanguage || 'es';
  const name = user.name ?? undefined;
  if ((STAFF_ROLES as readonly string[]).includes(user.role)) {
    return { kind: 'staff', userId: user.id, role: user.role as StaffRole, language, name };
  }
  return { kind: 'owner', userId: user.id, language, name };
}

export function isStaff(actor: Actor): actor is StaffActor {
  return actor.kind === 'staff';
}

export function hasPermission(actor: Actor, level: PermissionLevel): boolean {
  switch (level) {
    case 'public':
      return true;
    case 'owner':
      return actor.kind === 'owner' || actor.kind === 'staff' || actor.kind === 'system';
    case 'staff':
      return actor.kind === 'staff' || actor.kind === 'system';
    case 'admin':
      return (actor.kind === 'staff' && actor.role === 'admin') || actor.kind === 'system';
  }
}

export function requireAuthenticated(actor: Actor): AuthenticatedActor {
  if (actor.kind === 'owner' || actor.kind === 'staff') return actor;
  throw new AuthenticationRequiredError();
}

/** Staff only; optionally only some roles (a receptionist may not sign a clinical record). */
export function requireStaff(actor: Actor, roles?: readonly StaffRole[]): StaffActor {
  if (actor.kind === 'anonymous') throw new AuthenticationRequiredError();
  if (actor.kind !== 'staff') throw new PermissionDeniedError('auth.staff_only', 'Only clinic staff can do this.');
  if (roles && !roles.includes(actor.role)) {
    throw new PermissionDeniedError('auth.role_required', `This needs one of these roles: ${roles.join(', ')}.`);
  }
  return actor;
}
