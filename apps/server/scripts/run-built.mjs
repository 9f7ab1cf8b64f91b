// `npm start` and `npm run cli`: the CLI as JavaScript that esbuild bundled from the TypeScript sources,
// built on first start and again whenever a source is newer than the bundle (tsx compiles at start only
// in development: `npm run dev`). Arguments go to the CLI as they are.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Beside the server's package, so the bundle resolves the server's own dependencies first, as its sources do.
const bundle = fileURLToPath(new URL('../.build/cli.mjs', import.meta.url));
const SOURCES = ['packages', 'modules', 'apps'];

/** The newest change among the sources (and the package manifests that say how they resolve). */
function newestSource() {
  let newest = 0;
  for (const top of SOURCES) {
    for (const entry of readdirSync(`${root}${top}`, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(tsx?|json)$/.test(entry.name)) continue;
      const path = `${entry.parentPath}/${entry.name}`;
      if (path.includes('/node_modules/') || path.includes('/.build/') || path.includes('/test/')) continue;
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * One ESM file holding every workspace source; third-party packages stay imports. Each source file's
 * `import.meta.url` is its own path, so assets it finds relative to itself (migrations, SAT schemas,
 * demo CSD, static files) are found where they are.
 */
async function build() {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  await esbuild({
    entryPoints: [`${root}apps/server/src/cli.ts`],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: 'linked',
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'warning',
    plugins: [
      {
        name: 'workspace-only',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@petfriendly/') ? undefined : { path: args.path, external: true }));
          b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            return {
              contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: args.path.endsWith('x') ? 'tsx' : 'ts',
            };
          });
        },
      },
    ],
  });
  console.log(`Built the server in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (builtAt() < newestSource()) await build();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
