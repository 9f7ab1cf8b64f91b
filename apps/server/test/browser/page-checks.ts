import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

interface NuMessage {
  type: string;
  subType?: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

const documents = new WeakMap<Page, Promise<{ url: string; html: string } | null>[]>();

/** Keeps every HTML document the page navigates to, for the Nu HTML Checker to read at the next check. */
export function trackDocuments(page: Page): void {
  documents.set(page, []);
  page.on('response', (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
    documents.get(page)?.push(
      response.text().then(
        (html) => ({ url: response.url(), html }),
        () => null,
      ),
    );
  });
}

async function nuErrors(checker: string, url: string, html: string): Promise<string[]> {
  const response = await fetch(`${checker}?out=json`, { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
  const { messages } = (await response.json()) as { messages: NuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `Nu ${new URL(url).pathname} line ${m.lastLine ?? '?'}: ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ''}`);
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${new URL(page.url()).pathname} ${v.id}: ${v.help} [${n.target.join(' ')}] ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
  );
}

/**
 * What a person with a screen reader and the W3C would say about the page: axe-core on the rendered
 * page (WCAG 2.1 A and AA) and the Nu HTML Checker on every document served since the last check.
 * Throws with every problem found.
 */
export async function checkPage(page: Page): Promise<void> {
  const checker = inject('nuValidator');
  const served = (await Promise.all(documents.get(page)?.splice(0) ?? [])).filter((d) => d !== null);
  const problems = [...(await axeViolations(page))];
  if (checker) for (const { url, html } of served) problems.push(...(await nuErrors(checker, url, html)));
  if (problems.length > 0) throw new Error(`${problems.length} page problem(s):\n${problems.join('\n')}`);
}
