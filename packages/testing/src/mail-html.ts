import { DomUtils, parseDocument } from 'htmlparser2';

/** An HTML mail part read by htmlparser2: its language, title, visible text, paragraphs and links. */
export function readMailHtml(html: string) {
  const document = parseDocument(html);
  const [root] = DomUtils.getElementsByTagName('html', document);
  const [title] = DomUtils.getElementsByTagName('title', document);
  const [body] = DomUtils.getElementsByTagName('body', document);
  return {
    lang: root?.attribs.lang ?? null,
    title: title ? DomUtils.textContent(title) : null,
    text: body ? DomUtils.textContent(body).replace(/\s+/g, ' ').trim() : '',
    paragraphs: DomUtils.getElementsByTagName('p', document).map((p) => DomUtils.textContent(p).trim()),
    links: DomUtils.getElementsByTagName('a', document).map((a) => ({ href: a.attribs.href ?? '', text: DomUtils.textContent(a) })),
  };
}
