import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.js';

/**
 * How Node and better-sqlite3 say its compiled engine could not be loaded: the file is missing (`bindings` when
 * unbundled, a require by path when bundled), built for another Node, or no library for this machine at all. The
 * loader names the addon's file in each, and the text survives when another error wraps it.
 */
const SIGNS = [
  /better_sqlite3\.node/,
  /Could not locate the bindings file/,
  /NODE_MODULE_VERSION \d+/,
  /invalid ELF header/,
];

/** True for the error of a missing or mismatched better-sqlite3 addon, as thrown or as wrapped in another message. */
export function isNativeAddonError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED' || SIGNS.some((sign) => sign.test(error.message));
}

/** The one line to say instead of the loader's many, or undefined when the error is about something else. */
export function nativeAddonProblem(error: unknown): UserError | undefined {
  if (!isNativeAddonError(error)) return undefined;
  const fix = addonFix(installOf(packageRoot()));
  return new UserError(`the SQLite engine is not built for this Node (${process.version}); run ${fix}`);
}

/** Where this copy of oneonone came from, read from where its files are; each is rebuilt its own way. */
export type Install =
  | { kind: 'clone'; dir: string }
  | { kind: 'global'; prefix: string }
  | { kind: 'npx'; dir: string }
  | { kind: 'dependency'; project: string };

export function installOf(root: string): Install {
  const modules = dirname(root);
  if (basename(modules) !== 'node_modules') return { kind: 'clone', dir: root };
  const above = dirname(modules);
  if (basename(dirname(above)) === '_npx') return { kind: 'npx', dir: above };
  // npm's global folder: <prefix>/lib/node_modules on Unix, with the command linked from <prefix>/bin.
  if (basename(above) === 'lib' && existsSync(join(dirname(above), 'bin', 'oneonone'))) return { kind: 'global', prefix: dirname(above) };
  return { kind: 'dependency', project: above };
}

/**
 * The command that builds the addon where this copy looks for it. A global install or npx needs the script allowed
 * by name (npm 11 runs no dependency's install script it was not told to); a project's own policy covers the rest.
 */
export function addonFix(install: Install, cwd = process.cwd(), execPath = process.execPath): string {
  const rebuild = 'npm rebuild better-sqlite3';
  const inDir = (dir: string) => (dir === cwd ? rebuild : `cd ${quoted(dir)} && ${rebuild}`);
  switch (install.kind) {
    case 'clone':
      return inDir(install.dir);
    case 'dependency':
      return inDir(install.project);
    case 'npx':
      return `${rebuild} --prefix ${quoted(install.dir)}`;
    case 'global': {
      // The prefix npm uses by default sits above node itself; any other must be named.
      const prefix = install.prefix === dirname(dirname(execPath)) ? '' : ` --prefix ${quoted(install.prefix)}`;
      return `npm rebuild -g${prefix} --allow-scripts=better-sqlite3 better-sqlite3`;
    }
  }
}

/** oneonone's own folder: the nearest above this code with oneonone's package.json (dist/ when built, src/ in tests). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && isOneonone(file)) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(dirname(fileURLToPath(import.meta.url)));
    dir = up;
  }
}

function isOneonone(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'oneonone';
  } catch {
    return false;
  }
}

/** A path as a shell takes it: quoted only when it must be. */
function quoted(path: string): string {
  return /^[\w./~+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
