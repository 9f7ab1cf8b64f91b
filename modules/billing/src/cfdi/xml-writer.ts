import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CFDI_NS, PAGO20_NS, TFD_NS, XSI_NS } from './namespaces';

/** A declarative element tree that xmlbuilder2 serialises; attributes set to `undefined` are left out. */
export interface XmlElement {
  name: string;
  attrs: [string, string | undefined][];
  children: XmlElement[];
}

export function el(name: string, attrs: Record<string, string | undefined> = {}, children: (XmlElement | false | null | undefined)[] = []): XmlElement {
  return { name, attrs: Object.entries(attrs), children: children.filter((c): c is XmlElement => !!c) };
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const NAMESPACES: Record<string, string> = { cfdi: CFDI_NS, pago20: PAGO20_NS, tfd: TFD_NS, xsi: XSI_NS, xmlns: XMLNS };

function nsOf(qualifiedName: string): string | null {
  const prefix = qualifiedName.includes(':') ? qualifiedName.split(':')[0]! : null;
  return prefix ? (NAMESPACES[prefix] ?? null) : null;
}

function append(parent: XMLBuilder, node: XmlElement): void {
  const element = parent.ele(nsOf(node.name), node.name);
  for (const [name, value] of node.attrs) {
    if (value === undefined) continue;
    const ns = nsOf(name);
    if (ns) element.att(ns, name, value);
    else element.att(name, value);
  }
  for (const child of node.children) append(element, child);
}

/** UTF-8 document with declaration; the indentation is whitespace the cadena original ignores. */
export function serializeXml(root: XmlElement): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  append(doc, root);
  return `${doc.end({ prettyPrint: true })}\n`;
}
