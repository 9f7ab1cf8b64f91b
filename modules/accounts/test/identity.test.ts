import { localMailer, systemActor } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerProfiles, users } from '../src/accounts.tables';
import { accountsModule } from '../src/index';
import type { AccountsServices } from '../src/services';

let platform: TestPlatform;
let s: AccountsServices;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule]);
  s = platform.services.accounts;
});
afterAll(async () => platform?.close());

const cookieHeader = (cookies: string[]) => new Headers({ cookie: cookies.map((c) => c.split(';')[0]).join('; ') });

describe('sign-up and sign-in', () => {
  it('signs an owner up with a profile; the role cannot be chosen, and the account opens from the mailed link', async () => {
    await s.identity.signUp({
      name: 'Lucía Ramírez',
      email: 'Lucia@Example.MX',
      password: 'perro-gato-123',
      phone: '55 1234 5678',
      preferredLanguage: 'en',
      role: 'admin',
    });
    const [mail] = await localMailer(platform.ctx.db).sentTo('lucia@example.mx');
    const token = /verify-email\?token=([\w-]+)/.exec(mail!.text)![1]!;
    const { email } = await s.identity.verifyEmail({ token });
    expect(email).toBe('lucia@example.mx');
    const { userId, cookies } = await s.identity.signIn({ email: 'lucia@example.mx', password: 'perro-gato-123' }, new Headers());
    const session = await s.identity.actorFromSession(cookieHeader(cookies));
    expect(session?.actor).toMatchObject({ kind: 'owner', userId, language: 'en' });
    const [profile] = await platform.ctx.db.select().from(ownerProfiles).where(eq(ownerProfiles.userId, userId));
    expect(profile).toMatchObject({ phone: '5512345678', preferredChannel: 'whatsapp' });
  });

  it('a second sign-up with the same email changes nothing and says so only to the mailbox', async () => {
    await expect(s.identity.signUp({ name: 'Otra', email: 'lucia@example.mx', password: 'otra-clave-123' })).resolves.toBeUndefined();
    const [mail] = await localMailer(platform.ctx.db).sentTo('lucia@example.mx');
    expect(mail!.subject).toMatch(/already have an account/);
    const [user] = await platform.ctx.db.select({ name: users.name }).from(users).where(eq(users.email, 'lucia@example.mx'));
    expect(user!.name).toBe('Lucía Ramírez');
  });

  it.each([
    [{ name: 'A', email: 'x@example.mx', password: 'perro-gato-123' }, 'name'],
    [{ name: 'Ana', email: 'no-es-correo', password: 'perro-gato-123' }, 'email'],
    [{ name: 'Ana', email: 'ana@example.mx', password: 'corta' }, 'password'],
    [{ name: 'Ana', email: 'ana@example.mx', password: 'perro-gato-123', phone: '12' }, 'phone'],
  ])('rejects bad sign-up input (%o → %s) and creates nobody', async (input, field) => {
    const [before] = await platform.ctx.db.select({ n: count() }).from(users);
    await expect(s.identity.signUp(input)).rejects.toMatchObject({ statusCode: 422, fields: [expect.objectContaining({ field })] });
    const [after] = await platform.ctx.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  it('signs in with the right password only, and signs out', async () => {
    await expect(s.identity.signIn({ email: 'lucia@example.mx', password: 'equivocada' }, new Headers())).rejects.toMatchObject({
      code: 'accounts.invalid_credentials',
      statusCode: 401,
    });
    const { cookies } = await s.identity.signIn({ email: 'LUCIA@example.mx', password: 'perro-gato-123' }, new Headers());
    expect(await s.identity.actorFromSession(cookieHeader(cookies))).not.toBeNull();
    await s.identity.signOut(cookieHeader(cookies));
    expect(await s.identity.actorFromSession(cookieHeader(cookies))).toBeNull();
  });

  it('staff created by an admin sign in as staff with their role', async () => {
    await s.users.createUser(systemActor, {
      name: 'Dr. Pérez',
      email: 'perez@clinica.mx',
      password: 'estetoscopio1',
      role: 'veterinarian',
      licenseNumber: '12345678',
    });
    const { cookies } = await s.identity.signIn({ email: 'perez@clinica.mx', password: 'estetoscopio1' }, new Headers());
    expect((await s.identity.actorFromSession(cookieHeader(cookies)))?.actor).toMatchObject({ kind: 'staff', role: 'veterinarian' });
  });

  it('only an admin creates staff; a receptionist may register owners', async () => {
    const reception = await s.users.createUser(systemActor, { name: 'Recepción', email: 'recepcion@clinica.mx', role: 'receptionist' });
    const actor = { kind: 'staff', userId: reception.id, role: 'receptionist', language: 'es' } as const;
    await expect(s.users.createUser(actor, { name: 'Intruso', email: 'intruso@clinica.mx', role: 'admin' })).rejects.toMatchObject({
      code: 'accounts.admin_only',
    });
    const owner = await s.users.createUser(actor, { name: 'Cliente Nuevo', email: 'nuevo@example.mx', phone: '5587654321' });
    expect(owner.role).toBe('owner');
  });
});

describe('password reset', () => {
  it('mails a link through the local outbox; the token sets a new password once', async () => {
    await s.identity.requestPasswordReset({ email: 'lucia@example.mx' });
    const [mail] = await localMailer(platform.ctx.db).sentTo('lucia@example.mx');
    expect(mail!.subject).toMatch(/password|contraseña/i);
    const token = /reset-password\?token=([^\s]+)/.exec(mail!.text)?.[1];
    expect(token).toBeTruthy();
    await s.identity.resetPassword({ token: decodeURIComponent(token!), password: 'nueva-clave-456' });
    await expect(s.identity.signIn({ email: 'lucia@example.mx', password: 'perro-gato-123' }, new Headers())).rejects.toMatchObject({
      code: 'accounts.invalid_credentials',
    });
    await s.identity.signIn({ email: 'lucia@example.mx', password: 'nueva-clave-456' }, new Headers());
    await expect(s.identity.resetPassword({ token: decodeURIComponent(token!), password: 'otra-clave-789' })).rejects.toMatchObject({
      code: 'accounts.reset_token_invalid',
    });
  });

  it('says nothing about unknown emails and sends nothing', async () => {
    await s.identity.requestPasswordReset({ email: 'nadie@example.mx' });
    expect(await localMailer(platform.ctx.db).sentTo('nadie@example.mx')).toEqual([]);
  });
});

describe('API tokens', () => {
  it('stands for its user until it expires', async () => {
    const user = await s.users.createUser(systemActor, { name: 'Integración', email: 'bot@clinica.mx', role: 'manager' });
    const { token } = await s.tokens.createToken(systemActor, { name: 'ci', userId: user.id, expiresInDays: 1 });
    expect(await s.tokens.actorFromToken(token)).toMatchObject({ kind: 'staff', role: 'manager', userId: user.id });
    platform.clock.advance(2 * 86_400_000);
    expect(await s.tokens.actorFromToken(token)).toBeNull();
  });

  it('records its use at most once a minute, so API reads do not write on every request', async () => {
    const user = await s.users.createUser(systemActor, { name: 'Lectora', email: 'lectora@clinica.mx', role: 'receptionist' });
    const { token, id } = await s.tokens.createToken(systemActor, { name: 'panel', userId: user.id });
    const lastUsed = async () =>
      (await s.tokens.listTokens({ kind: 'staff', role: 'receptionist', userId: user.id, language: 'es' })).find((t) => t.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await s.tokens.actorFromToken(token);
    const first = await lastUsed();
    expect(first).toEqual(platform.clock.now());
    platform.clock.advance(59_000);
    await s.tokens.actorFromToken(token);
    expect(await lastUsed()).toEqual(first);
    platform.clock.advance(2_000);
    await s.tokens.actorFromToken(token);
    expect(await lastUsed()).toEqual(platform.clock.now());
  });

  it('an owner cannot make a token for someone else', async () => {
    const a = await s.users.createUser(systemActor, { name: 'Dueño A', email: 'a@example.mx' });
    const b = await s.users.createUser(systemActor, { name: 'Dueño B', email: 'b@example.mx' });
    const actor = { kind: 'owner', userId: a.id, language: 'es' } as const;
    await expect(s.tokens.createToken(actor, { name: 'x', userId: b.id })).rejects.toMatchObject({ code: 'accounts.token_for_other' });
  });
});

describe('sign-in backoff', () => {
  const wrong = (email: string) => s.identity.signIn({ email, password: 'no-es-esta-123' }, new Headers());

  it('locks an address after five failures, even for the right password, and lets it in once the wait is over', async () => {
    await s.users.createUser(systemActor, { name: 'Rosa Vidal', email: 'rosa@example.mx', password: 'rosa-clave-2026' });
    for (let i = 0; i < 4; i++) await expect(wrong('rosa@example.mx')).rejects.toMatchObject({ code: 'accounts.invalid_credentials' });
    // The fifth failure starts a one-minute lock; the sixth attempt is refused before the password is read.
    await expect(wrong('Rosa@Example.mx')).rejects.toMatchObject({ code: 'accounts.invalid_credentials' });
    await expect(s.identity.signIn({ email: 'rosa@example.mx', password: 'rosa-clave-2026' }, new Headers())).rejects.toMatchObject({
      code: 'accounts.sign_in_locked',
      statusCode: 429,
      details: { minutes: 1 },
    });
    platform.clock.advance(61_000);
    await expect(wrong('rosa@example.mx')).rejects.toMatchObject({ code: 'accounts.invalid_credentials' });
    // The sixth failure doubles the wait.
    await expect(s.identity.signIn({ email: 'rosa@example.mx', password: 'rosa-clave-2026' }, new Headers())).rejects.toMatchObject({
      details: { minutes: 2 },
    });
    platform.clock.advance(121_000);
    const { cookies } = await s.identity.signIn({ email: 'rosa@example.mx', password: 'rosa-clave-2026' }, new Headers());
    expect(cookies.length).toBeGreaterThan(0);
    // A success starts the count again.
    await expect(wrong('rosa@example.mx')).rejects.toMatchObject({ code: 'accounts.invalid_credentials' });
  });

  it('locks an address without an account the same way, so the answer says nothing about who is registered', async () => {
    for (let i = 0; i < 5; i++) await expect(wrong('nadie-aqui@example.mx')).rejects.toMatchObject({ code: 'accounts.invalid_credentials' });
    await expect(wrong('nadie-aqui@example.mx')).rejects.toMatchObject({ code: 'accounts.sign_in_locked' });
  });

  it('counts every one of many racing failures', async () => {
    await Promise.allSettled(Array.from({ length: 8 }, () => wrong('carrera@example.mx')));
    // 8 failures → locked for 2^(8-5) = 8 minutes.
    await expect(wrong('carrera@example.mx')).rejects.toMatchObject({ code: 'accounts.sign_in_locked', details: { minutes: 8 } });
  });

  it('a password reset lifts the lock', async () => {
    await s.identity.signUp({ name: 'Tomás Gil', email: 'tomas@example.mx', password: 'tomas-clave-2026' });
    for (let i = 0; i < 5; i++) await wrong('tomas@example.mx').catch(() => {});
    await s.identity.requestPasswordReset({ email: 'tomas@example.mx' });
    const [mail] = await localMailer(platform.ctx.db).sentTo('tomas@example.mx');
    const token = decodeURIComponent(/reset-password\?token=([^\s]+)/.exec(mail!.text)?.[1] ?? '');
    await s.identity.resetPassword({ token, password: 'tomas-nueva-2026' });
    const { cookies } = await s.identity.signIn({ email: 'tomas@example.mx', password: 'tomas-nueva-2026' }, new Headers());
    expect(cookies.length).toBeGreaterThan(0);
  });
});
