// Bundles src/cli.ts into dist/ with one chunk per lazily imported command, so each
// command loads only its own code. Pure-JS dependencies are bundled too: one file read per
// chunk instead of a walk through node_modules, and tree shaking keeps only what is used
// (the date-fns barrel alone costs ~170 ms to load unbundled on a 2-core machine).
// better-sqlite3's JavaScript is bundled as well; only its compiled addon (.node) is loaded from
// node_modules at run time, straight from its path (see nativeAddon below).
// The man page (dist/oneonone.1) is written last, by scripts/build-man.mjs.
// The built-in guides (templates/*.yaml) are checked here with the same checks as an organizer's own template and
// written to dist/ as JSON, so no command parses YAML, or loads the yaml package, to find them (see builtInGuides).
//
//   node scripts/build.mjs [outdir] [built-in templates folder]   (defaults: dist, templates)
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = fileURLToPath(new URL('..', import.meta.url));

/** Native addons (and anything that must be resolved at run time) are loaded from node_modules. */
export const EXTERNAL = ['better-sqlite3/build/*', 'pg-native'];
const outdir = process.argv[2] ?? 'dist';
const builtInDir = resolve(process.argv[3] ?? join(root, 'templates'));

/** The files written beside the chunks, named to the bundle by `define` (src/support/template-files.ts, yaml.ts). */
const BUILT_IN_TEMPLATES = 'built-in-templates.json';
const YAML_BUNDLE = 'yaml.cjs';

// CommonJS dependencies (commander, cli-table3, ics) call require() for Node's built-ins;
// an ES module has no require, so each chunk gets one made for it.
const banner = { js: `import { createRequire as __oneononeRequire } from 'node:module'; const require = __oneononeRequire(import.meta.url);` };

/**
 * Reads, checks and parses the built-in guides with the app's own code (compileBuiltInTemplates in
 * src/support/template-files.ts: parseTemplate's checks), bundled for the occasion. A broken guide stops the build
 * with its file, line and reason.
 */
async function builtInGuides(dir) {
  const checker = await build({
    stdin: {
      contents: [
        `export { compileBuiltInTemplates } from './src/support/template-files.ts';`,
        `export { problemLine } from './src/meeting/template.ts';`,
        `export { errorText } from './src/messages/errors.ts';`,
        `export { DomainError } from './src/support/errors.ts';`,
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'check-built-in-templates.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    banner,
    // The checker runs from a temporary folder, so yaml is named by its path in this node_modules.
    define: { YAML_BUNDLE: JSON.stringify(createRequire(import.meta.url).resolve('yaml')) },
    logLevel: 'warning',
  });
  const scratch = mkdtempSync(join(tmpdir(), 'oneonone-build-'));
  let check;
  try {
    const file = join(scratch, 'check-built-in-templates.mjs');
    writeFileSync(file, checker.outputFiles[0].contents);
    check = await import(pathToFileURL(file).href);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  try {
    return check.compileBuiltInTemplates(dir);
  } catch (error) {
    if (!(error instanceof check.DomainError)) throw error;
    const { file, path, problem } = error.params;
    let line;
    if (file && problem) {
      try {
        line = check.problemLine(readFileSync(file, 'utf8'), path, problem);
      } catch {
        // Unreadable as YAML too: the reason says so.
      }
    }
    const where = file ?? error.params.first ?? error.params.dir ?? dir;
    const shown = relative(process.cwd(), where).startsWith('..') ? where : relative(process.cwd(), where);
    const reason = check.errorText(error).message.replace(/^template [^:]+: /, '');
    process.stderr.write(`build: a built-in guide is broken: ${shown}${line ? `:${line}` : ''}: ${reason}\n`);
    process.exit(1);
  }
}

/** Replaces a file in one step (a command running during a rebuild reads the old one or the new one), and only if it changed. */
function writeIfChanged(path, contents) {
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(contents))) return;
  const scratch = `${path}.${process.pid}.tmp`;
  writeFileSync(scratch, contents);
  renameSync(scratch, path);
}

// Before the chunks that read them, so a command started mid-build never finds a chunk without its files.
const guides = await builtInGuides(builtInDir);
mkdirSync(outdir, { recursive: true });
writeIfChanged(join(outdir, BUILT_IN_TEMPLATES), `${JSON.stringify(guides, null, 2)}\n`);

/**
 * yaml is needed only for an organizer's own templates, and then at once (finding a template is synchronous), so it is
 * bundled on its own as one CommonJS file that src/support/yaml.ts requires on first use.
 */
const yamlBundle = await build({
  stdin: { contents: `module.exports = require('yaml');`, resolveDir: root, sourcefile: 'yaml-bundle.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: join(outdir, YAML_BUNDLE),
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  write: false,
  logLevel: 'warning',
});
for (const file of yamlBundle.outputFiles) writeIfChanged(file.path, file.contents);

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
  banner,
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  // Less to parse on every start (the PostgreSQL engine's chunk, with pg, is the largest a command loads); the source map keeps stack traces readable.
  minifyWhitespace: true,
  minifySyntax: true,
  define: {
    PACKAGE_VERSION: JSON.stringify(version),
    BUILT_IN_TEMPLATES: JSON.stringify(`./${BUILT_IN_TEMPLATES}`),
    YAML_BUNDLE: JSON.stringify(`./${YAML_BUNDLE}`),
  },
  metafile: true,
  logLevel: 'warning',
});

// The man page, from the same commands as --help (scripts/build-man.mjs); npm links it for `man oneonone`.
const { writeManPage, MAN_PAGE } = await import('./build-man.mjs');
await writeManPage(outdir);

// Old chunks are swept only once they are a minute stale: dist/ is never empty, so a test or
// command running while someone rebuilds still finds every chunk its cli.js points to.
const current = new Set([
  ...Object.keys(result.metafile.outputs).map((file) => relative(outdir, file)),
  ...yamlBundle.outputFiles.map((file) => relative(outdir, file.path)),
  BUILT_IN_TEMPLATES,
  MAN_PAGE,
]);
for (const file of readdirSync(outdir)) {
  const path = join(outdir, file);
  if (!current.has(file) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
}
