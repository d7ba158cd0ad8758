// Compiles the bundle's CommonJS files with V8's code cache (vm.Script cachedData), which Node 20 has no switch for.
// The caches are made at build, by running a few commands (scripts/build.mjs), and kept beside each file as
// <file>.v8; a file's name carries a hash of its content, so a cache never meets another version of its file. A cache
// V8 refuses (another Node, other flags) costs nothing but its read: the file is compiled as usual.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Compile = (module: NodeJS.Module, filename: string) => void;
type ModuleInternals = typeof Module & { _extensions: Record<string, Compile>; wrap(source: string): string };

/** Our chunks: a name and an 8-character content hash (esbuild's), in the bundle's folder. */
const CHUNK = /-[A-Z0-9]{8}\.cjs$/;

export function useCodeCache(dist: string, train: boolean): void {
  const internals = Module as ModuleInternals;
  const plain = internals._extensions['.js']!;
  const compiled: [Script, string][] = [];
  internals._extensions['.cjs'] = (module, filename) => {
    if (dirname(filename) !== dist || !CHUNK.test(filename)) return plain(module, filename);
    const cacheFile = join(dist, `${basename(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // Not made for this file: compiled as usual.
    }
    const script = new Script(internals.wrap(readFileSync(filename, 'utf8')), { filename, cachedData });
    if (train) compiled.push([script, cacheFile]);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(filename), module, filename, dist);
  };
  // At build: what ran is compiled by now, so the cache holds it too, not only the top level.
  // In one step (a command started meanwhile reads the old cache or the new one).
  if (train) {
    process.on('exit', () => {
      for (const [script, file] of compiled) {
        writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
    });
  }
}
