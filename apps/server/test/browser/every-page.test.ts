import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed';
import { type BrowserEnv, hasChromium, newPage, signIn } from './browser';
import { checkPage } from './page-checks';

/** Paths that download a file or act, not pages to read. */
const NOT_PAGES = /\.(pdf|xml|ics|csv|xlsx|json|zip|png|jpe?g|svg|webp)$|^\/(api|auth|static|assets|sign-out)\b/;

/** One page per route shape: /admin/pets/12 and /admin/pets/40 are the same page with other data. */
const shape = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/:uuid');

/**
 * Walks every page a person can reach by following links from where they land, on the demo clinic, and
 * puts each through axe-core and the W3C Nu HTML Checker: the pages no other browser test visits too.
 */
describe.skipIf(!hasChromium)('every reachable page passes the validators', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startDemo();
  }, 300_000);
  afterAll(async () => env?.close());

  async function startDemo() {
    const { startBrowserEnv } = await import('./browser');
    const started = await startBrowserEnv();
    await seedDemo(started.t.platform, { owners: 12, progress: false });
    return started;
  }

  async function crawl(email: string | null, start: string, limit: number) {
    const page = await newPage(env, { width: 390, height: 844 });
    if (email) await signIn(page, env, email, 'petfriendly');
    const seen = new Set<string>();
    const queue = [start];
    const problems: string[] = [];
    while (queue.length > 0 && seen.size < limit) {
      const path = queue.shift() as string;
      if (seen.has(shape(path))) continue;
      seen.add(shape(path));
      const response = await page.goto(`${env.base}${path}`);
      if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      if (response.status() >= 500) problems.push(`${path} answered ${response.status()}`);
      await checkPage(page).catch((error: Error) => problems.push(error.message));
      const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') as string));
      for (const href of links) {
        const next = href.split('#')[0] as string;
        if (!NOT_PAGES.test(next.split('?')[0] as string) && !seen.has(shape(next))) queue.push(next);
      }
    }
    await page.context().close();
    return { seen, problems };
  }

  for (const [who, email, start] of [
    ['a guest', null, '/'],
    ['an owner', 'maria@example.mx', '/my'],
    ['the admin', 'admin@petfriendly.mx', '/admin'],
  ] as const) {
    it(`${who}: every page reached from ${start}`, { timeout: 600_000 }, async () => {
      const { seen, problems } = await crawl(email, start, 120);
      expect(seen.size).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    });
  }
});
