import { DomUtils, parseDocument } from 'htmlparser2';
import type { CampaignContent, Language } from './marketing.tables';

const webUrl = (href: string) => /^https?:\/\//i.test(href.trim());

/** The campaign's own HTML with every web link sent through `track` (the footer's unsubscribe link is outside it). */
export function trackLinks(html: string, track: (url: string) => string): string {
  const document = parseDocument(html);
  for (const a of DomUtils.getElementsByTagName('a', document)) {
    const href = a.attribs.href;
    if (href && webUrl(href)) a.attribs.href = track(href.trim());
  }
  return DomUtils.getOuterHTML(document);
}

/** The web links written into a campaign's HTML, in any language, as written (placeholders left out): where it may send people. */
export function declaredLinks(content: Partial<Record<Language, CampaignContent>>): Set<string> {
  const links = new Set<string>();
  for (const c of Object.values(content)) {
    if (!c?.html) continue;
    for (const a of DomUtils.getElementsByTagName('a', parseDocument(c.html))) {
      const href = a.attribs.href?.trim();
      if (href && webUrl(href) && !href.includes('{{')) links.add(href);
    }
  }
  return links;
}

/** A click may go to the clinic's own site or to a link the campaign declared: never anywhere a token was not made for. */
export function mayRedirect(url: string, clinicBase: string, declared: Set<string>): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  return target.origin === new URL(clinicBase).origin || declared.has(url);
}
