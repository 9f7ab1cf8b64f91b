import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { HttpApp } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { uiMessages } from '@petfriendly/ui';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config';
import { buildApp } from '../src/http/app';
import { modules } from '../src/modules';

let platform: TestPlatform;
let app: HttpApp;

beforeAll(async () => {
  platform = await createTestPlatform(modules, { translations: { ui: uiMessages } });
  const config: AppConfig = {
    server: { ...platform.ctx.server, SECRET: platform.ctx.server.SECRET!, BASE_URL: platform.ctx.server.BASE_URL! },
    clinic: platform.ctx.clinic,
  };
  app = await buildApp(platform, config, { logger: false, production: true });
  await app.ready();
  // A clinic that has been set up: before its first admin, the sign-in page leads to /setup.
  await StaffFactory(platform, 'admin');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

/** The directives of a Content-Security-Policy header, by name. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );

/** Cookies from set-cookie headers, with their attributes lower-cased. */
const cookiesOf = (header: string | string[] | undefined) =>
  [header ?? []].flat().map((line) => {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    return { name: pair!.split('=')[0]!, attributes: attributes.map((a) => a.toLowerCase().split('=')[0]!) };
  });

async function signInForm() {
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = cookiesOf(page.headers['set-cookie']).length
    ? [page.headers['set-cookie']]
        .flat()
        .map((c) => c!.split(';')[0])
        .join('; ')
    : '';
  return { page, token, cookie };
}

describe('what the browser is told', () => {
  it('the CSP forbids inline event handlers, and no page has one', async () => {
    const { page } = await signInForm();
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    for (const url of ['/', '/sign-in', '/sign-up', '/store', '/help']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('a Permissions-Policy switches off the features no page uses', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const policy = new Map(
      String(res.headers['permissions-policy'])
        .split(',')
        .map((p) => p.trim().split('=') as [string, string]),
    );
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy.get(feature), feature).toBe('()');
  });

  it('in production the CSRF and flash cookies are Secure', async () => {
    const { page, token, cookie } = await signInForm();
    const csrf = cookiesOf(page.headers['set-cookie']).find((c) => c.name === '_csrf');
    expect(csrf?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly']));

    const owner = await OwnerFactory(platform, { email: 'segura@example.mx', password: 'perro-gato-123' });
    const signedIn = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&email=${encodeURIComponent(owner.user.email)}&password=perro-gato-123`,
    });
    expect(signedIn.statusCode).toBe(303);
    const flash = cookiesOf(signedIn.headers['set-cookie']).find((c) => c.name === 'pf_flash');
    expect(flash?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly']));
  });

  it('a wrong password on the sign-in page says so', async () => {
    const { token, cookie } = await signInForm();
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&email=segura%40example.mx&password=no-es-esta-123`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('El correo o la contraseña no son correctos.');
  });
});

describe('the CSRF token travels in the form only', () => {
  /** A multipart body as a browser sends it, encoded by the platform's own FormData. */
  async function multipart(fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('attachment', new Blob([new Uint8Array([1, 2, 3])], { type: 'application/octet-stream' }), 'nota.bin');
    const request = new Request('http://clinic.test/', { method: 'POST', body: form });
    return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
  }

  it('a token in the address is refused', async () => {
    const { token, cookie } = await signInForm();
    const res = await app.inject({
      method: 'POST',
      url: `/sign-in?_csrf=${encodeURIComponent(token)}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=nadie%40example.mx&password=no-es-esta-123',
    });
    expect(res.statusCode).toBe(403);
  });

  it('a multipart form carries it among its fields, and is refused without it', async () => {
    const owner = await OwnerFactory(platform, { password: 'multipart-clave-1' });
    const { token, cookie } = await signInForm();
    const without = await multipart({ email: owner.user.email, password: 'multipart-clave-1' });
    const refused = await app.inject({ method: 'POST', url: '/sign-in', headers: { cookie, 'content-type': without.contentType }, payload: without.payload });
    expect(refused.statusCode).toBe(403);
    const withToken = await multipart({ _csrf: token, email: owner.user.email, password: 'multipart-clave-1' });
    const accepted = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': withToken.contentType },
      payload: withToken.payload,
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/my/pets');
  });
});
