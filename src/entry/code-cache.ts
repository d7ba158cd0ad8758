// Compiles the bundle's CommonJS files with V8's code cache (vm.Script cachedData), which Node 20 has no switch for.
// The caches are made at build, by running a few commands (scripts/build.mjs), and kept beside each file as
// <file>.v8; a file's name carries a hash of its content, so a cache never meets another version of its file. A cache
// V8 refuses (another Node, other flags) costs nothing but its read: the file is compiled as usual.
// A chunk's require of another chunk ('./chunk-X.cjs', beside it) goes straight to the file: a few hundred such
// requires were resolved one by one (stat, realpath) on every start. Anything else is required as Node would.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Compile = (module: NodeJS.Module, filename: string) => void;
interface ModuleInternals {
  _extensions: Record<string, Compile>;
  _cache: Record<string, NodeJS.Module | undefined>;
  _nodeModulePaths(dir: string): string[];
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }): string;
  wrap(source: string): string;
  new (id: string, parent?: NodeJS.Module): NodeJS.Module;
}

/**
 * V8's flags of every run, set before any chunk is compiled: a code cache is taken only by a V8 with the flags it was
 * made with. A regular expression is interpreted for its first hundred runs: V8 compiles one to machine code on its
 * second run, and chrono's long patterns of words took 50–60 ms each to compile, for two or three runs in a command.
 */
export const V8_FLAGS = '--regexp-tier-up-ticks=100';

/** Our chunks: a name and an 8-character content hash (esbuild's). */
const CHUNK = /^[\w.-]+-[A-Z0-9]{8}\.cjs$/;

export function useCodeCache(dist: string, train: boolean): void {
  const internals = Module as unknown as ModuleInternals;
  const plain = internals._extensions['.js']!;
  const compiled: [Script, string][] = [];

  function compile(module: NodeJS.Module, filename: string, source: string): void {
    const cacheFile = `${filename}.v8`;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // Not made for this file: compiled as usual.
    }
    const script = new Script(internals.wrap(source), { filename, cachedData });
    if (train) compiled.push([script, cacheFile]);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, requireFor(module), module, filename, dist);
  }

  function requireChunk(parent: NodeJS.Module, request: string): unknown {
    const filename = join(dist, request.slice(2));
    const known = internals._cache[filename];
    if (known) return known.exports;
    let source: string;
    try {
      source = readFileSync(filename, 'utf8');
    } catch {
      return parent.require(request); // Node's own error for a missing file
    }
    const module = new internals(filename, parent);
    module.filename = filename;
    module.paths = internals._nodeModulePaths(dist);
    internals._cache[filename] = module;
    try {
      compile(module, filename, source);
    } catch (error) {
      delete internals._cache[filename];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  function requireFor(module: NodeJS.Module): NodeJS.Require {
    const require = ((request: string) =>
      request.startsWith('./') && CHUNK.test(request.slice(2)) ? requireChunk(module, request) : module.require(request)) as NodeJS.Require;
    require.resolve = ((request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
    require.cache = internals._cache as NodeJS.Require['cache'];
    require.main = process.mainModule;
    return require;
  }

  internals._extensions['.cjs'] = (module, filename) => {
    if (dirname(filename) !== dist || !CHUNK.test(basename(filename))) return plain(module, filename);
    compile(module, filename, readFileSync(filename, 'utf8'));
  };

  // At build: what ran is compiled by now, so the cache holds it too, not only the top level. Written in one step (a
  // command started meanwhile reads the old cache or the new one).
  if (train) {
    process.on('exit', () => {
      for (const [script, file] of compiled) {
        writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
    });
  }
}
