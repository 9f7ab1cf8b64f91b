// Lucide ships one module per icon without a type of its own: each is a list of SVG shapes.
declare module 'lucide/dist/esm/icons/*.mjs' {
  const icon: [tag: string, attributes: Record<string, string | number>][];
  export default icon;
}
