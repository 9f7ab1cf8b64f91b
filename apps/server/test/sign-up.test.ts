import { createHash } from 'node:crypto';
import { users, verifications } from '@petfriendly/accounts/tables';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { type SmtpSink, startSmtpSink } from '@petfriendly/testing';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let smtp: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ env: smtp.env });
  await OwnerFactory(t.platform, { name: 'Lucía Ramírez', email: 'lucia@example.mx', password: 'perro-gato-123' });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const cookiePairs = (header: string | string[] | undefined) => [header ?? []].flat().map((c) => c.split(';')[0]!);

/** A form post as a browser sends it: the CSRF token from the page and its cookie. */
async function post(url: string, fields: Record<string, string>, formPage = url.split('?')[0]!) {
  const page = await t.app.inject({ method: 'GET', url: formPage });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(page.headers['set-cookie']).join('; ') },
    payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
  });
}

const signUp = (email: string, password = 'croquetas-2026') => post('/sign-up', { name: 'Ana Torres', email, password, phone: '5512345678' });
const signIn = (email: string, password: string) => post('/sign-in', { email, password });
const sessionCookie = (res: { headers: Record<string, unknown> }) =>
  cookiePairs(res.headers['set-cookie'] as string[]).find((c) => c.startsWith('pf.session_token='));
/** The confirmation link of the last mail to an address. */
const linkIn = (email: string) => /http:\/\/localhost:3000\/verify-email\?token=([\w-]+)/.exec(smtp.to(email).at(-1)?.text ?? '')?.[1];
const visibleText = (html: string, email: string) =>
  html
    .replace(/<input type="hidden" name="_csrf"[^>]*>/g, '')
    .replace(/<meta name="csrf-token"[^>]*>/g, '')
    .replaceAll(email, 'EMAIL');

describe('sign-up tells nobody whether an email has an account', () => {
  it('answers a new and a known address alike, with no session; each mailbox learns which', async () => {
    const fresh = await signUp('ana@example.mx');
    const known = await signUp('lucia@example.mx');
    expect([fresh.statusCode, known.statusCode]).toEqual([200, 200]);
    expect(visibleText(fresh.body, 'ana@example.mx')).toBe(visibleText(known.body, 'lucia@example.mx'));
    expect(sessionCookie(fresh)).toBeUndefined();
    expect(sessionCookie(known)).toBeUndefined();

    const [welcome] = smtp.to('ana@example.mx');
    expect(welcome?.subject).toMatch(/^Confirma tu cuenta/);
    expect(linkIn('ana@example.mx')).toBeTruthy();
    const [already] = smtp.to('lucia@example.mx');
    expect(already?.subject).toMatch(/^Ya tienes una cuenta/);
    expect(already?.text).toContain('http://localhost:3000/sign-in');
    expect(already?.text).toContain('http://localhost:3000/forgot-password');
    expect(already?.text).not.toContain('verify-email');
    // The known account is untouched: its own password still opens it.
    expect(sessionCookie(await signIn('lucia@example.mx', 'perro-gato-123'))).toBeTruthy();
  });

  it('keeps only a hash of the link, and the account stays shut until it is clicked', async () => {
    const token = linkIn('ana@example.mx')!;
    const rows = await t.platform.ctx.db.select().from(verifications).where(like(verifications.identifier, 'verify-email:%'));
    expect(rows.map((r) => r.identifier)).toContain(`verify-email:${createHash('sha256').update(token).digest('hex')}`);
    expect(JSON.stringify(rows)).not.toContain(token);

    // Nobody hears of the owner before the address is proven.
    const created = await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'accounts.owner_created'));
    expect(created.some((e) => JSON.stringify(e.payload).includes('ana@example.mx'))).toBe(false);

    const before = smtp.to('ana@example.mx').length;
    const wrong = await signIn('ana@example.mx', 'otra-cosa-123');
    expect(wrong.statusCode).toBe(401);
    expect(smtp.to('ana@example.mx')).toHaveLength(before);
    const early = await signIn('ana@example.mx', 'croquetas-2026');
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Primero confirma tu correo');
    expect(sessionCookie(early)).toBeUndefined();
    // The right password brings a fresh link.
    expect(smtp.to('ana@example.mx')).toHaveLength(before + 1);
  });

  it('the link opens the account once; a second use is refused', async () => {
    const token = linkIn('ana@example.mx')!;
    const page = await t.app.inject({ method: 'GET', url: `/verify-email?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${token}"`);
    const confirmed = await post('/verify-email', { token }, `/verify-email?token=${token}`);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/sign-in?next=%2Fmy%2Fpets%2Fnew');
    const again = await post('/verify-email', { token }, `/verify-email?token=${token}`);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('no es válido, ya se usó o venció');

    const [user] = await t.platform.ctx.db.select().from(users).where(eq(users.email, 'ana@example.mx'));
    expect(user?.emailVerified).toBe(true);
    const created = await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'accounts.owner_created'));
    expect(created.filter((e) => JSON.stringify(e.payload).includes('ana@example.mx'))).toHaveLength(1);
    const signedIn = await signIn('ana@example.mx', 'croquetas-2026');
    expect(signedIn.statusCode).toBe(303);
    expect(sessionCookie(signedIn)).toBeTruthy();
  });

  it('two clicks racing on one link confirm once', async () => {
    await signUp('beto@example.mx');
    const token = linkIn('beto@example.mx')!;
    const identity = t.platform.services.accounts.identity;
    const results = await Promise.allSettled([identity.verifyEmail({ token }), identity.verifyEmail({ token }), identity.verifyEmail({ token })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const created = await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'accounts.owner_created'));
    expect(created.filter((e) => JSON.stringify(e.payload).includes('beto@example.mx'))).toHaveLength(1);
  });

  it('a link expires after a day', async () => {
    await signUp('caro@example.mx');
    const token = linkIn('caro@example.mx')!;
    t.platform.clock.advance(24 * 3_600_000 + 60_000);
    await expect(t.platform.services.accounts.identity.verifyEmail({ token })).rejects.toMatchObject({
      code: 'accounts.verify_token_invalid',
      statusCode: 422,
    });
    const [user] = await t.platform.ctx.db
      .select({ verified: users.emailVerified })
      .from(users)
      .where(and(eq(users.email, 'caro@example.mx')));
    expect(user?.verified).toBe(false);
  });

  it('a password reset proves the mailbox too, so an address someone else signed up is recovered', async () => {
    // Someone signs up with Dana's address; Dana never sees their password, and resets hers.
    await signUp('dana@example.mx', 'del-intruso-99');
    await signUp('dana@example.mx', 'la-de-dana-123');
    expect(smtp.to('dana@example.mx').at(-1)?.subject).toMatch(/^Ya tienes una cuenta/);
    await t.platform.services.accounts.identity.requestPasswordReset({ email: 'dana@example.mx' });
    const reset = /reset-password\?token=([\w-]+)/.exec(smtp.to('dana@example.mx').at(-1)?.text ?? '')![1]!;
    await t.platform.services.accounts.identity.resetPassword({ token: reset, password: 'la-de-dana-123' });
    expect((await signIn('dana@example.mx', 'del-intruso-99')).statusCode).toBe(401);
    expect(sessionCookie(await signIn('dana@example.mx', 'la-de-dana-123'))).toBeTruthy();
  });
});
