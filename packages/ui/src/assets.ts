import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** CSS, the page script and the icon, served under /static. */
export const STATIC_DIR = fileURLToPath(new URL('../static', import.meta.url));

const SOURCES = {
  'app.css': join(STATIC_DIR, 'app.css'),
  'app.js': join(STATIC_DIR, 'app.js'),
  'favicon.svg': join(STATIC_DIR, 'favicon.svg'),
  'htmx.min.js': createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'),
} as const;
export type AssetName = keyof typeof SOURCES;

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

export interface StaticAsset {
  /** `app.3f9c0a1b2c.css`: a new name whenever the content changes, so browsers may keep it forever. */
  hashedName: string;
  contentType: string;
  body: Buffer;
}

/** Read and hashed once at start-up. */
const assets = new Map<AssetName, StaticAsset>(
  Object.entries(SOURCES).map(([name, path]) => {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const ext = extname(name);
    return [name as AssetName, { hashedName: `${name.slice(0, -ext.length)}.${hash}${ext}`, contentType: TYPES[ext]!, body }];
  }),
);
const byHashedName = new Map([...assets.values()].map((a) => [a.hashedName, a]));

/** The URL pages link to: the content-hashed name. */
export function assetUrl(name: AssetName): string {
  return `/static/${assets.get(name)!.hashedName}`;
}

/** The asset a hashed file name stands for, if any. */
export function staticAsset(hashedName: string): StaticAsset | undefined {
  return byHashedName.get(hashedName);
}
