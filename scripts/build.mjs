// Bundles src/cli.ts into dist/ with one chunk per lazily imported command, so each
// command loads only its own code. Pure-JS dependencies are bundled too: one file read per
// chunk instead of a walk through node_modules, and tree shaking keeps only what is used
// (the date-fns barrel alone costs ~170 ms to load unbundled on a 2-core machine).
// better-sqlite3's JavaScript is bundled as well; only its compiled addon (.node) is loaded from
// node_modules at run time, straight from its path (see nativeAddon below).
// The chunks are CommonJS (made as ES modules, which esbuild splits, then each turned into CommonJS), loaded by
// dist/main.cjs (src/entry/main.ts) through V8's code cache, made here by running a few commands (trainCodeCache).
// dist/help.json holds every command's help as commander formats it, so --help loads neither commander nor the code;
// dist/help-es.json the same in Spanish.
// The man page (dist/oneonone.1) is written by scripts/build-man.mjs.
// The built-in guides (templates/*.yaml) are checked here with the same checks as an organizer's own template and
// written to dist/ as JSON, so no command parses YAML, or loads the yaml package, to find them (see builtInGuides).
//
//   node scripts/build.mjs [outdir] [built-in templates folder]   (defaults: dist, templates)
import { spawnSync } from 'node:child_process';
import { build, transform } from 'esbuild';
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

/**
 * Each command's help, by commander's own formatHelp with the two width-dependent calls (formatItem, boxWrap)
 * recorded as slots, and the addHelpText texts written as commander's outputHelp emits them.
 */
function commandHelp(command) {
  const helper = command.createHelp();
  helper.prepareContext({ error: false, helpWidth: 80, outputHasColors: false });
  const slots = [];
  const slot = (value) => `\u0000${slots.push(value) - 1}\u0000`;
  helper.formatItem = (term, termWidth, description) => slot({ term, termWidth, description });
  helper.boxWrap = (wrap) => slot({ wrap });
  const body = helper.formatHelp(command, helper);
  const chain = [];
  for (let at = command; at; at = at.parent) chain.push(at);
  const written = (events) => {
    let text = '';
    const context = { error: false, command, write: (chunk) => (text += chunk) };
    for (const [emitter, event] of events) emitter.emit(event, context);
    return text;
  };
  return {
    before: written([...[...chain].reverse().map((at) => [at, 'beforeAllHelp']), [command, 'beforeHelp']]),
    body,
    slots,
    after: written([[command, 'afterHelp'], ...chain.map((at) => [at, 'afterAllHelp'])]),
  };
}

async function helpBook(program) {
  const commands = {};
  const walk = (command, path) => {
    if (command._getHelpOption()) commands[path.join(' ')] = commandHelp(command);
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return { version, commands };
}

/** The commands src/entry/main.ts runs without commander on a plain command line (src/entry/dispatch.ts). */
const PLAIN_COMMANDS = ['followups', 'show', 'people', 'leaders'];

/** What a plain command line of these commands may hold, read from the commander tree; a command whose action is not the usual one is left to commander. */
function dispatchTable(program, chunkOf) {
  const plain = (option) => !option.parseArg && !option.argChoices && !option.variadic && !option.optional && !option.envVar && !option.implied && !option.conflictsWith?.length;
  const rule = (option) => ({
    flags: [option.short, option.long].filter(Boolean),
    key: option.attributeName(),
    kind: option.required ? 'value' : option.negate ? 'negate' : 'flag',
  });
  const commands = {};
  for (const name of PLAIN_COMMANDS) {
    const command = program.commands.find((known) => known.name() === name);
    const usual = /^async \(((?:\w+, )*)options, command\) => \{\s*const \{ (\w+) \} = await import\("\.\/commands\/([\w-]+)\.js"\);\s*await \2\(((?:\w+, )*)options, globals\(command\)\);\s*\}$/.exec(command?.__oneononeAction ?? '');
    const why =
      !command ? 'no such command'
      : !usual || usual[1] !== usual[4] ? 'its action is not the usual import and run'
      : command.commands.length > 0 ? 'it has subcommands'
      : command.registeredArguments.some((arg) => arg.variadic || arg.parseArg || arg.argChoices || arg.defaultValue !== undefined) ? 'an argument with its own rules'
      : command.options.some((option) => option.mandatory || option.defaultValue !== undefined || option.negate) ? 'an option with a default or mandatory'
      : undefined;
    if (why) {
      process.stderr.write(`build: ${name} is left to commander (${why})\n`);
      continue;
    }
    commands[name] = {
      chunk: chunkOf(`src/commands/${usual[3]}.ts`),
      run: usual[2],
      requiredArguments: command.registeredArguments.filter((arg) => arg.required).length,
      arguments: command.registeredArguments.length,
      options: command.options.filter(plain).map(rule),
    };
  }
  const version = program._versionOptionName;
  return {
    program: program.options.filter((option) => plain(option) && option.attributeName() !== version).map(rule),
    programDefaults: { ...program.opts() },
    commands,
    nativeAddon: chunkOf('src/support/native-addon.ts'),
    errors: chunkOf('src/ui/errors.ts'),
    speak: chunkOf('src/messages/speak.ts'),
  };
}

/** commander requires node:child_process at load (~4 ms) for executable subcommands, which this CLI has none of. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = `const childProcess = require('node:child_process');`;
      if (!source.includes(eager)) throw new Error('commander/lib/command.js changed: its require of node:child_process was not found');
      const lazy = `let loadedChildProcess; const childProcess = { spawn: (...args) => (loadedChildProcess ??= require('node:child_process')).spawn(...args) };`;
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * chalk probes the terminal (supports-color: os, tty, the environment) as it loads, for its default instance; the
 * app makes its own instances with a level it chose (src/ui/color.ts), so the probe's answer is never used.
 */
const noColorProbe = {
  name: 'no-color-probe',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-probe' }));
    build.onLoad({ filter: /.*/, namespace: 'no-color-probe' }, () => ({
      contents: `export default { stdout: false, stderr: false };`,
      loader: 'js',
    }));
  },
};

/**
 * The bundle is CommonJS: Node's ES-module loader cost 32–46 ms for what require() loads in about 13 (issue 16).
 * esbuild splits code into chunks only for ES modules, so the chunks are made as ES modules and each is then turned
 * into CommonJS; a command's `await import('./x.cjs')` becomes a require() in a promise (the same order and errors).
 * Every file but dist/main.cjs is named with a hash of its content, which the code cache relies on.
 */
const result = await build({
  entryPoints: ['./src/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.cjs' },
  entryNames: '[name]-[hash]',
  external: EXTERNAL,
  plugins: [nativeAddon, nodeOnlyPg, lazyChildProcess, noColorProbe],
  mainFields: ['module', 'main'],
  // Less to parse on every start (the PostgreSQL engine's chunk, with pg, is the largest a command loads).
  minifyWhitespace: true,
  minifySyntax: true,
  define: {
    PACKAGE_VERSION: JSON.stringify(version),
    BUILT_IN_TEMPLATES: JSON.stringify(`./${BUILT_IN_TEMPLATES}`),
    YAML_BUNDLE: JSON.stringify(`./${YAML_BUNDLE}`),
  },
  metafile: true,
  write: false,
  logLevel: 'warning',
});

async function asCommonJs(file) {
  const usesUrl = file.text.includes('import.meta');
  const { code } = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    // ES modules are strict; so are their CommonJS copies.
    banner: `"use strict";${usesUrl ? `var __oneononeUrl=require("node:url").pathToFileURL(__filename).href;` : ''}`,
    define: usesUrl ? { 'import.meta.url': '__oneononeUrl' } : {},
    logLevel: 'warning',
  });
  const required = code.replace(/\bimport\(("(?:\.\/[\w.-]+\.cjs|node:[\w/]+)")\)/g, 'Promise.resolve().then(()=>require($1))');
  if (/\bimport\(|\bimport\.meta\b/.test(required)) throw new Error(`build: ${relative(outdir, file.path)} still has an import() or import.meta, which CommonJS under the code cache cannot run`);
  return required;
}
const chunks = result.outputFiles.filter((file) => file.path.endsWith('.cjs'));
for (const file of chunks) writeIfChanged(file.path, await asCommonJs(file));
const cliBundle = relative(outdir, Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'src/cli.ts')[0]);

// Help as commander prints it, for every command, with what depends on the width left to fill (src/entry/help.ts).
const { loadProgram, writeManPage, MAN_PAGE } = await import('./build-man.mjs');
const { program } = await loadProgram();
// One book per language, each from the tree as a run in that language makes it (src/support/help-language.ts).
const HELP_BOOKS = { en: 'help.json', es: 'help-es.json' };
writeIfChanged(join(outdir, HELP_BOOKS.en), `${JSON.stringify(await helpBook(program))}\n`);
writeIfChanged(join(outdir, HELP_BOOKS.es), `${JSON.stringify(await helpBook((await loadProgram({ language: 'es' })).program))}\n`);
const chunkOf = (source) => {
  const found = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === source);
  if (!found) throw new Error(`build: no chunk is made of ${source}`);
  return relative(outdir, found[0]);
};
const dispatch = dispatchTable(program, chunkOf);

// The entry, last: a command started mid-build finds either the old bundle or the new one whole.
const entry = await build({
  entryPoints: ['./src/entry/main.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: join(outdir, 'main.cjs'),
  minifyWhitespace: true,
  minifySyntax: true,
  define: { CLI_BUNDLE: JSON.stringify(`./${cliBundle}`), HELP_BOOKS: JSON.stringify(HELP_BOOKS), DISPATCH: JSON.stringify(dispatch) },
  // The bundle is beside it at run time, not bundled into it.
  external: [`./${cliBundle}`],
  write: false,
  logLevel: 'warning',
});
writeIfChanged(join(outdir, 'main.cjs'), entry.outputFiles[0].contents);
// For whoever imports dist/cli.js, as before the bundle was CommonJS: each import (of a fresh URL, as
// test/e2e/pg-organizers.mjs makes) runs the program again, with a program of its own; the chunks stay loaded.
writeIfChanged(
  join(outdir, 'cli.js'),
  [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    `for (const file of ['./main.cjs', ${JSON.stringify(`./${cliBundle}`)}]) delete require.cache[require.resolve(file)];`,
    `require('./main.cjs');`,
    '',
  ].join('\n'),
);

// The man page, from the same commands as --help (scripts/build-man.mjs); npm links it for `man oneonone`.
await writeManPage(outdir);

/**
 * V8's code cache for the chunks, made by running the commands an organizer runs most (see src/entry/code-cache.ts):
 * each run adds what it compiled to the caches of the files it loaded. Without them every command still works.
 */
function trainCodeCache() {
  const home = mkdtempSync(join(tmpdir(), 'oneonone-code-cache-'));
  const db = join(home, 'train.db');
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, ONEONONE_CODE_CACHE_TRAIN: '1', NO_COLOR: '1' };
  const runs = [
    ['--help'],
    ['log', 'Ana Ruiz', '--value', 'family', '--ask', 'come to the tenant meeting', '--ask-due', 'tomorrow 7pm', '--outcome', 'yes', '--followup', 'tomorrow', '--followup-note', 'call'],
    ['log', 'Ben Ode', '--note', 'met at the bus stop'],
    ['followups', '--json'],
    ['followups'],
    ['show', 'ana', '--json'],
    ['show', 'ana'],
    ['people', '--json'],
    ['people'],
  ];
  // No server at build: these load and compile the PostgreSQL client as far as its connection, which is refused.
  const unreachable = `postgres:///oneonone?host=${join(home, 'no-server')}`;
  const serverRuns = [['show', 'ana', '--json'], ['followups', '--json'], ['leaders']];
  try {
    for (const args of serverRuns) {
      spawnSync(process.execPath, [join(outdir, 'main.cjs'), '--db', unreachable, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    }
    // The Spanish catalogues' chunks, which only a run in Spanish loads.
    spawnSync(process.execPath, [join(outdir, 'main.cjs'), '--db', db, 'followups', '--json'], { env: { ...env, ONEONONE_LANG: 'es' }, encoding: 'utf8', timeout: 60_000 });
    // And the Spanish help put on commander's tree, which a Spanish run through src/cli.ts loads first.
    spawnSync(process.execPath, [join(outdir, 'main.cjs'), '--db', db, 'people', '--stale', '60'], { env: { ...env, ONEONONE_LANG: 'es' }, encoding: 'utf8', timeout: 60_000 });
    for (const args of runs) {
      const run = spawnSync(process.execPath, [join(outdir, 'main.cjs'), ...(args[0] === '--help' ? args : ['--db', db, ...args])], {
        env: args[0] === '--help' ? { ...env, ONEONONE_HELP_FROM: 'commander' } : env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (run.status !== 0) {
        process.stderr.write(`build: no code cache (oneonone ${args.join(' ')} failed: ${(run.stderr || run.error?.message || '').trim().split('\n')[0]})\n`);
        return;
      }
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
trainCodeCache();

// Old files are swept only once they are a minute stale: dist/ is never empty, so a test or
// command running while someone rebuilds still finds every chunk its main.cjs points to.
const current = new Set([
  ...chunks.flatMap((file) => [relative(outdir, file.path), `${relative(outdir, file.path)}.v8`]),
  ...yamlBundle.outputFiles.map((file) => relative(outdir, file.path)),
  'main.cjs',
  'cli.js',
  ...Object.values(HELP_BOOKS),
  BUILT_IN_TEMPLATES,
  MAN_PAGE,
]);
for (const file of readdirSync(outdir)) {
  const path = join(outdir, file);
  if (!current.has(file) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
}
