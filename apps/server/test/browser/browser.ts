import { existsSync, mkdirSync } from 'node:fs';
import { localMailer } from '@petfriendly/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers';
import { checkPage, trackDocuments } from './page-checks';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Browser tests need Debian's Chromium (`.ci/run` installs it); without it they are reported as skipped. */
export const hasChromium = existsSync(CHROMIUM);

export interface BrowserEnv {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function startBrowserEnv(options: { now?: string; env?: Record<string, string> } = {}): Promise<BrowserEnv> {
  const t = await createTestApp(options);
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run'],
  });
  return {
    t,
    browser,
    base: address,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export async function newPage(env: BrowserEnv, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const context = await env.browser.newContext({ viewport, locale: 'es-MX' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  trackDocuments(page);
  return page;
}

export async function signIn(page: Page, env: BrowserEnv, email: string, password: string) {
  await page.goto(`${env.base}/sign-in`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form[action^="/sign-in"] button[type=submit]')]);
}

/**
 * Signs an owner up as a person does: the form, the link in the confirmation mail (the local outbox
 * here), the confirm button, then sign-in; ends on the page sign-in leads to (adding a first pet).
 */
export async function signUp(page: Page, env: BrowserEnv, person: { name: string; email: string; password: string; phone?: string }) {
  await page.goto(`${env.base}/sign-up`);
  await page.fill('input[name=name]', person.name);
  await page.fill('input[name=email]', person.email);
  if (person.phone) await page.fill('input[name=phone]', person.phone);
  await page.fill('input[name=password]', person.password);
  await page.click('form[action="/sign-up"] button[type=submit]');
  await page.locator('p[role=status]').waitFor();
  const mail = (await localMailer(env.t.platform.ctx.db).sentTo(person.email))[0];
  const link = new URL(/https?:\/\/\S+verify-email\?token=\S+/.exec(mail?.text ?? '')![0]);
  await page.goto(`${env.base}${link.pathname}${link.search}`);
  await Promise.all([page.waitForURL('**/sign-in?next=*'), page.click('form[action="/verify-email"] button[type=submit]')]);
  await page.fill('input[name=email]', person.email);
  await page.fill('input[name=password]', person.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form[action^="/sign-in"] button[type=submit]')]);
}

/**
 * Saves a screenshot under screenshots/ for people to look at, after checking the page with axe-core and
 * every document served since the last snapshot with the W3C Nu HTML Checker (a problem fails the test).
 */
export async function snapshot(page: Page, name: string) {
  await checkPage(page);
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}
