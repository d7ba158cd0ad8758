// Bundles src/cli.ts into dist/ with one chunk per lazily imported command, so each
// command loads only its own code. Pure-JS dependencies are bundled too: one file read per
// chunk instead of a walk through node_modules, and tree shaking keeps only what is used
// (the date-fns barrel alone costs ~170 ms to load unbundled on a 2-core machine).
// better-sqlite3's JavaScript is bundled as well; only its compiled addon (.node) is loaded from
// node_modules at run time, straight from its path (see nativeAddon below).
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Native addons (and anything that must be resolved at run time) are loaded from node_modules. */
export const EXTERNAL = ['better-sqlite3/build/*', 'pg-native'];
const outdir = process.argv[2] ?? 'dist';

/**
 * better-sqlite3 finds its addon with the `bindings` package, which walks a stack trace and tries a dozen
 * paths on every start; the addon is always at build/Release/, so this stands in for `bindings`.
 */
const nativeAddon = {
  name: 'native-addon',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'native-addon' }));
    build.onLoad({ filter: /.*/, namespace: 'native-addon' }, () => ({
      contents: `module.exports = (name) => require('better-sqlite3/build/Release/' + name);`,
      loader: 'js',
    }));
  },
};

/**
 * pg asks whether it runs in a Cloudflare Worker by making a `new Response(...)`, which loads Node's whole fetch
 * implementation (undici, ~10 ms) on every command that reaches a server; this CLI only ever runs in Node.
 */
const nodeOnlyPg = {
  name: 'node-only-pg',
  setup(build) {
    build.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace('if (isCloudflareRuntime()) {', 'if (false) {');
      if (patched === source) throw new Error('pg/lib/stream.js changed: the Cloudflare check this build removes was not found');
      return { contents: patched, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: ['./src/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  external: EXTERNAL,
  plugins: [nativeAddon, nodeOnlyPg],
  // CommonJS dependencies (commander, cli-table3, ics) call require() for Node's built-ins;
  // an ES module has no require, so each chunk gets one made for it.
  banner: { js: `import { createRequire as __oneononeRequire } from 'node:module'; const require = __oneononeRequire(import.meta.url);` },
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  // Less to parse on every start (the PostgreSQL engine's chunk, with pg, is the largest a command loads); the source map keeps stack traces readable.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  metafile: true,
  logLevel: 'warning',
});

// Old chunks are swept only once they are a minute stale: dist/ is never empty, so a test or
// command running while someone rebuilds still finds every chunk its cli.js points to.
const current = new Set(Object.keys(result.metafile.outputs).map((file) => relative(outdir, file)));
for (const file of readdirSync(outdir)) {
  const path = join(outdir, file);
  if (!current.has(file) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
}
