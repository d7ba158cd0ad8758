import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonFix, installOf, isNativeAddonError } from '../../src/support/native-addon.js';
import { installWithBrokenAddon } from './broken-addon.js';
import { sandbox, type Sandbox } from './helpers.js';

/** The line for a copy of the tool that is not installed by npm (a clone): rebuild it there. */
const oneLine = (fix: string) => `oneonone: the SQLite engine is not built for this Node (${process.version}); run ${fix}\n`;

let box: Sandbox;
let backup: string;
const installs: Record<string, string> = {};

beforeAll(() => {
  box = sandbox();
  expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
  backup = join(box.dir, 'backup.db');
  expect(box.run(['backup', backup]).code).toBe(0);
  for (const addon of ['missing', 'garbage'] as const) installs[addon] = installWithBrokenAddon(addon);
});
afterAll(() => {
  box.cleanup();
  for (const dir of Object.values(installs)) rmSync(dir, { recursive: true, force: true });
});

describe('a missing or mismatched SQLite addon', () => {
  for (const addon of ['missing', 'garbage'] as const) {
    for (const args of [['log', 'Ben Ode'], ['people'], ['restore', '<backup>', '--yes']]) {
      it(`(${addon}) is told in one line by \`${args.join(' ')}\`, with this Node's version and the fix`, () => {
        const env = { ...box.env, ONEONONE_DB: args[0] === 'people' ? join(box.dir, 'none-yet.db') : box.db };
        const argv = args.map((arg) => (arg === '<backup>' ? backup : arg));
        const result = spawnSync(process.execPath, [join(installs[addon]!, 'bin/oneonone.js'), ...argv], { cwd: installs[addon], env, encoding: 'utf8', timeout: 30_000 });
        expect(result.stderr).toBe(oneLine('npm rebuild better-sqlite3'));
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
      });
    }
  }
});

describe('the fix, from another folder', () => {
  it('says which folder to rebuild in', () => {
    const env = { ...box.env, ONEONONE_DB: box.db };
    const result = spawnSync(process.execPath, [join(installs.missing!, 'bin/oneonone.js'), 'people'], { cwd: box.dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe(oneLine(`cd ${installs.missing} && npm rebuild better-sqlite3`));
    expect(result.status).toBe(1);
  });
});

describe('addonFix: the rebuild for each way oneonone is installed', () => {
  const fix = (root: string, cwd = '/home/ana', execPath = '/usr/bin/node') => addonFix(installOf(root), cwd, execPath);

  it('a clone or a project that depends on oneonone: npm rebuild in that folder', () => {
    expect(fix('/home/ana/oneonone', '/home/ana/oneonone')).toBe('npm rebuild better-sqlite3');
    expect(fix('/home/ana/oneonone')).toBe('cd /home/ana/oneonone && npm rebuild better-sqlite3');
    expect(fix('/home/ana/my tools/oneonone')).toBe("cd '/home/ana/my tools/oneonone' && npm rebuild better-sqlite3");
    expect(fix('/home/ana/site/node_modules/oneonone')).toBe('cd /home/ana/site && npm rebuild better-sqlite3');
  });

  it('npx: npm rebuild in the folder npx installed it in', () => {
    expect(fix('/home/ana/.npm/_npx/0123abcd/node_modules/oneonone')).toBe('npm rebuild better-sqlite3 --prefix /home/ana/.npm/_npx/0123abcd');
  });
});

describe('isNativeAddonError', () => {
  const loaderError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

  it('recognises what Node and better-sqlite3 throw when the addon cannot be loaded', () => {
    for (const error of [
      loaderError('Could not locate the bindings file. Tried:\n → /x/node_modules/better-sqlite3/build/better_sqlite3.node\n → …'),
      loaderError("Cannot find module 'better-sqlite3/build/Release/better_sqlite3.node'\nRequire stack:\n- /x/dist/chunk.js", 'MODULE_NOT_FOUND'),
      loaderError(
        "The module '/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 127.",
        'ERR_DLOPEN_FAILED',
      ),
      loaderError('/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node: invalid ELF header', 'ERR_DLOPEN_FAILED'),
      loaderError('/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node: file too short', 'ERR_DLOPEN_FAILED'),
      loaderError("cannot use the database /x/oneonone.db: Cannot find module 'better-sqlite3/build/Release/better_sqlite3.node'"),
      loaderError("/lib/libc.so.6: version `GLIBC_2.38' not found (required by /x/build/Release/better_sqlite3.node)", 'ERR_DLOPEN_FAILED'),
    ]) {
      expect(isNativeAddonError(error), error.message).toBe(true);
    }
  });

  it('leaves other errors alone', () => {
    for (const error of [
      loaderError('unable to open database file', 'SQLITE_CANTOPEN'),
      loaderError("Cannot find module './chunk-X.js'", 'MODULE_NOT_FOUND'),
      loaderError("ENOENT: no such file or directory, open '/x/templates/agenda.yaml'", 'ENOENT'),
      'Could not locate the bindings file',
    ]) {
      expect(isNativeAddonError(error), String(error)).toBe(false);
    }
  });
});
