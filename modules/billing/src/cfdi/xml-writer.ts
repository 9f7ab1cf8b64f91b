/** A small XML element tree and its serialiser: enough for CFDI (attributes, nesting, no mixed content). */
export interface XmlElement {
  name: string;
  attrs: [string, string | undefined][];
  children: XmlElement[];
}

/** Attributes whose value is `undefined` are left out, so optional CFDI attributes can be listed inline. */
export function el(name: string, attrs: Record<string, string | undefined> = {}, children: (XmlElement | false | null | undefined)[] = []): XmlElement {
  return { name, attrs: Object.entries(attrs), children: children.filter((c): c is XmlElement => !!c) };
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = node.attrs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
    .join('');
  if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>`);
  for (const child of node.children) write(child, depth + 1, out);
  out.push(`${pad}</${node.name}>`);
}

/** UTF-8 document with declaration; indentation is whitespace between elements, which the cadena original ignores. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
