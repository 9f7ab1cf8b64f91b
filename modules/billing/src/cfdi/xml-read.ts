import { ValidationError } from '@petfriendly/core';
import type { SaxonNode } from 'saxon-js';
import { saxonJs } from './saxon';

/** A parsed element: namespace-aware name, attributes and element children (no text: CFDI has none). */
export interface XmlNode {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

function toNode(node: SaxonNode): XmlNode {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(node.attributes ?? [])) {
    if (a.namespaceURI === 'http://www.w3.org/2000/xmlns/') continue;
    attrs[a.namespaceURI ? a.name : a.localName] = a.value;
  }
  const children = Array.from(node.childNodes)
    .filter((c) => c.nodeType === 1)
    .map(toNode);
  return { ns: node.namespaceURI ?? '', name: node.localName ?? node.nodeName, attrs, children };
}

/** Parses XML into a plain tree (saxon-js's parser); malformed XML is a ValidationError. */
export function parseXml(xml: string): XmlNode {
  try {
    return toNode(saxonJs().getPlatform().parseXmlFromString(xml).documentElement);
  } catch (error) {
    throw new ValidationError('billing.cfdi_malformed_xml', `The XML is not well formed: ${(error as Error).message}`);
  }
}

export function child(node: XmlNode | undefined, ns: string, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.ns === ns && c.name === name);
}

export function children(node: XmlNode | undefined, ns: string, name: string): XmlNode[] {
  return node?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

/** Follows a path of element names in one namespace. */
export function path(node: XmlNode | undefined, ns: string, ...names: string[]): XmlNode | undefined {
  return names.reduce<XmlNode | undefined>((n, name) => child(n, ns, name), node);
}
