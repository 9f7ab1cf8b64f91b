export type TextPart = { text: string } | { label: string; href: string };

/**
 * An answer's text with its links as links: `[label](/path)` (how the model is asked to write them),
 * `"label" (/path)` or `label (/path)` after a quoted name, and a bare site path (`/book`) or https URL.
 * Only site paths and https URLs become links.
 */
export function splitLinks(text: string): TextPart[] {
  const pattern =
    /\[([^\]\n]{1,200})\]\(((?:\/(?!\/)|https:\/\/)[^\s)]*)\)|["“«]([^"”»\n]{1,200})["”»]\s*\((\/(?!\/)[^\s)]*)\)|\((\/(?!\/)[\w\-./?=&#%]*)\)|(^|[\s(])((?:\/(?!\/)|https:\/\/)[\w\-./?=&#%:]*[\w/])/g;
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const lead = m[6] ?? '';
    const start = (m.index ?? 0) + lead.length;
    if (start > last) parts.push({ text: text.slice(last, start) });
    if (m[1] !== undefined) parts.push({ label: m[1], href: m[2] as string });
    else if (m[3] !== undefined) parts.push({ label: m[3], href: m[4] as string });
    else if (m[5] !== undefined) parts.push({ label: m[5], href: m[5] });
    else parts.push({ label: m[7] as string, href: m[7] as string });
    last = (m.index ?? 0) + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
