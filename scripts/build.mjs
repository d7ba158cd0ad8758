// Bundles src/cli.ts into dist/ with one chunk per lazily imported command, so each
// command loads only its own code. Pure-JS dependencies are bundled too: one file read per
// chunk instead of a walk through node_modules, and tree shaking keeps only what is used
// (the date-fns barrel alone costs ~170 ms to load unbundled on a 2-core machine).
// better-sqlite3 stays external because it is a native addon.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Native addons (and anything that must be resolved at run time) are loaded from node_modules. */
export const EXTERNAL = ['better-sqlite3'];

const result = await build({
  entryPoints: ['./src/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: EXTERNAL,
  // CommonJS dependencies (commander, cli-table3, ics) call require() for Node's built-ins;
  // an ES module has no require, so each chunk gets one made for it.
  banner: { js: `import { createRequire as __oneononeRequire } from 'node:module'; const require = __oneononeRequire(import.meta.url);` },
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  metafile: true,
  logLevel: 'warning',
});

// Old chunks are swept only once they are a minute stale: dist/ is never empty, so a test or
// command running while someone rebuilds still finds every chunk its cli.js points to.
const current = new Set(Object.keys(result.metafile.outputs).map((file) => relative('dist', file)));
for (const file of readdirSync('dist')) {
  const path = join('dist', file);
  if (!current.has(file) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
}
