// saxon-js ships no types; this declares the few calls the CFDI code makes.
declare module 'saxon-js' {
  export interface SaxonNode {
    nodeType: number;
    localName: string | null;
    namespaceURI: string | null;
    nodeName: string;
    childNodes: ArrayLike<SaxonNode>;
    attributes?: ArrayLike<{ name: string; localName: string; namespaceURI: string | null; value: string }>;
    textContent?: string | null;
  }
  export interface SaxonDocument extends SaxonNode {
    documentElement: SaxonNode;
  }
  interface TransformOptions {
    stylesheetInternal: unknown;
    sourceText: string;
    destination: 'serialized';
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: 'sync'): { principalResult: string };
    getPlatform(): { parseXmlFromString(xml: string): SaxonDocument };
  };
  export default SaxonJS;
}
