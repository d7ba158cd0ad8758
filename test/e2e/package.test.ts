import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn as ptySpawn } from '@lydell/node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The package as a user gets it: `npm pack` here, then the tarball installed globally into a private prefix (with
 * better-sqlite3's install script allowed, so its addon is built as on any machine: downloaded, or here compiled by
 * node-gyp against Node's headers), and run from a folder with nothing of this repository around, with a private
 * HOME and XDG folders. npm itself keeps the machine's own config and cache (nodedir, the packages already fetched).
 * Compiling the addon is most of this file's time (one to three minutes on two cores).
 */
const INSTALL_TIMEOUT = 8 * 60_000;

let work: string;
let tarball: string;
let packed: { name: string; version: string; files: { path: string }[] };

/** npm as the machine runs it, without the variables an enclosing `npm test` sets for its own scripts. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

function npm(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A private world for the installed command: its own HOME and XDG folders, a working folder with nothing in it. */
function user(name: string) {
  const home = join(work, `home-${name}`);
  const folder = join(home, 'somewhere-else');
  mkdirSync(folder, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    NO_COLOR: '1',
  };
  return { home, folder, env };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ''): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
}

const prefixes = { allowed: '', unbuilt: '' };
const installs: Record<keyof typeof prefixes, { code: number | null; stdout: string; stderr: string }> = {} as never;

beforeAll(async () => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'oneonone-package-')));
  const pack = await npm(['pack', '--json', '--pack-destination', work], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as (typeof packed)[])[0]!;
  tarball = join(work, `${packed.name}-${packed.version}.tgz`);
  for (const kind of Object.keys(prefixes) as (keyof typeof prefixes)[]) prefixes[kind] = join(work, `prefix-${kind}`);
  const [allowed, unbuilt] = await Promise.all([
    npm(['install', '-g', '--prefix', prefixes.allowed, '--prefer-offline', '--allow-scripts=better-sqlite3', tarball], work),
    // What a machine that runs no install script gets (ignore-scripts, or npm's allowScripts policy): no addon.
    npm(['install', '-g', '--prefix', prefixes.unbuilt, '--prefer-offline', '--ignore-scripts', tarball], work),
  ]);
  Object.assign(installs, { allowed, unbuilt });
}, INSTALL_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('packs the built JavaScript, the man page, the guides and the licence, and no source, tests or source maps', () => {
    const files = packed.files.map((file) => file.path);
    for (const wanted of ['bin/oneonone.js', 'dist/cli.js', 'dist/oneonone.1', 'dist/built-in-templates.json', 'dist/yaml.cjs', 'templates/agenda.yaml', 'LICENSE', 'README.md', 'package.json']) {
      expect(files).toContain(wanted);
    }
    expect(files.filter((file) => /^(src|test|scripts|bench|docs)\/|\.map$|\.ts$/.test(file))).toEqual([]);
  });

  it('asks at install only for what runs: better-sqlite3, and no build step of its own', () => {
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
      private?: boolean;
      bin: Record<string, string>;
      man: string[];
      engines: Record<string, string>;
      license: string;
    };
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
    // The scripts npm runs (or asks leave to run) when the package is installed: none of oneonone's own.
    expect(Object.keys(manifest.scripts).filter((name) => /^(preinstall|install|postinstall|prepare)$/.test(name))).toEqual([]);
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({ bin: { oneonone: 'bin/oneonone.js' }, man: ['./dist/oneonone.1'], license: 'MIT' });
    expect(manifest.engines.node).toMatch(/^>=20/);
  });
});

describe('installed globally from the tarball, better-sqlite3 allowed to build', () => {
  const bin = () => join(prefixes.allowed, 'bin', 'oneonone');

  it('installs', () => {
    expect(installs.allowed.code, installs.allowed.stderr).toBe(0);
    expect(existsSync(bin())).toBe(true);
  });

  it('brings no development dependency along', () => {
    const modules = join(prefixes.allowed, 'lib/node_modules/oneonone/node_modules');
    const names = readdirSync(modules);
    expect(names).toContain('better-sqlite3');
    for (const dev of ['commander', 'esbuild', 'typescript', 'vitest', 'chalk', 'pg', 'yaml', '@inquirer']) expect(names).not.toContain(dev);
  });

  it('prints its version, records a meeting, lists follow-ups, shows and exports, from another folder', () => {
    const { folder, env, home } = user('allowed');
    const version = run(bin(), ['--version'], folder, env);
    expect(version.stdout).toBe(`${packed.version}\n`);
    expect(version.status).toBe(0);

    const log = run(bin(), ['log', 'Ana Ruiz', '--value', "her kids' safety", '--ask', 'come to the tenant meeting', '--ask-due', 'in 2 days', '--outcome', 'yes', '--followup', 'tomorrow', '--followup-note', 'call about the flyer'], folder, env);
    expect(log.stderr).toBe('');
    expect(log.stdout).toMatch(/^Saved meeting M1 with Ana Ruiz \(#1\)/);
    expect(log.status).toBe(0);
    expect(existsSync(join(home, '.local/share/oneonone/oneonone.db'))).toBe(true);

    const followups = run(bin(), ['followups', '--json'], folder, env);
    expect(followups.status, followups.stderr).toBe(0);
    const due = JSON.parse(followups.stdout) as { person: string | { name: string } }[];
    expect(JSON.stringify(due)).toContain('call about the flyer');

    const show = run(bin(), ['show', 'Ana Ruiz'], folder, env);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain("her kids' safety");

    const exported = run(bin(), ['export', 'people'], folder, env);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout.split('\n')[1]).toContain('Ana Ruiz');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('runs a meeting with start --plain in a terminal, from another folder, and keeps it as a draft on Ctrl-C', async () => {
    const { folder, env } = user('start');
    expect(run(bin(), ['log', 'Ben Ode'], folder, env).status).toBe(0);
    const terminal = ptySpawn(bin(), ['start', 'Ben Ode', '--plain', '-t', 'agenda', '-m', '30', '-g', 'recruitment', '--plan-ask', 'come thursday'], {
      name: 'xterm-256color', cols: 80, rows: 30, cwd: folder, env: env as Record<string, string>,
    });
    let screen = '';
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never saw ${JSON.stringify(text)}; screen:\n${screen}`)), 20_000);
        const check = () => (screen.includes(text) ? (clearTimeout(timer), resolve()) : setTimeout(check, 50));
        check();
      });
    terminal.onData((data) => (screen += data));
    const exited = new Promise<number>((resolve) => terminal.onExit(({ exitCode }) => resolve(exitCode)));
    await seen('Start the first phase now? [Y/n]');
    terminal.write('\r');
    await seen('Phase 1 of');
    terminal.write('\u0003');
    expect(await exited).toBe(130);
    expect(screen).toContain('saved as draft M2');
    expect(screen).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('has a man page, linked where man finds it, that renders without a roff warning', () => {
    const page = join(prefixes.allowed, 'share/man/man1/oneonone.1');
    expect(existsSync(page)).toBe(true);
    const { folder, env } = user('man');
    const shown = run('man', ['--warnings', '-l', page], folder, { ...env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' });
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'ENVIRONMENT', 'FILES', 'EXIT STATUS']) {
      expect(shown.stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    }
    for (const name of ['ONEONONE_DB', 'ONEONONE_TEMPLATES', 'NO_COLOR', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME']) expect(shown.stdout).toContain(name);
    expect(shown.stdout).toContain('oneonone log [options] <person>');
    // Every command --help lists has its section, with its usage line as `oneonone <command> --help` prints it.
    const help = run(bin(), ['--help'], folder, env).stdout;
    const commands = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    expect(commands.length).toBeGreaterThan(20);
    for (const command of commands) {
      const usage = /^Usage: (.+)$/m.exec(run(bin(), [command, '--help'], folder, env).stdout)![1]!;
      expect(shown.stdout, command).toContain(`\n   ${usage}\n`);
    }
    const byName = run('man', ['--warnings', 'oneonone'], folder, { ...env, MANPATH: join(prefixes.allowed, 'share/man'), MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' });
    expect(byName.stdout).toBe(shown.stdout);
  });
});

describe('installed without running install scripts', () => {
  it('installs, and every command that opens the database says in one line how to build the engine', () => {
    expect(installs.unbuilt.code, installs.unbuilt.stderr).toBe(0);
    const { folder, env } = user('unbuilt');
    const bin = join(prefixes.unbuilt, 'bin', 'oneonone');
    expect(run(bin, ['--version'], folder, env).stdout).toBe(`${packed.version}\n`);
    const fix = `oneonone: the SQLite engine is not built for this Node (${process.version}); run npm rebuild -g --prefix ${prefixes.unbuilt} --allow-scripts=better-sqlite3 better-sqlite3\n`;
    for (const args of [['log', 'Ana Ruiz'], ['followups']]) {
      const result = run(bin, args, folder, env);
      expect(result.stderr).toBe(fix);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    }
  });
});

describe('npx from the tarball', () => {
  it('runs followups, and a copy without its engine names the folder to rebuild', () => {
    const { folder, env } = user('npx');
    const name = `oneonone-${packed.version}.tgz`;
    cpSync(tarball, join(folder, name));
    // npx keeps what it installs in <cache>/_npx/<hash of the spec>: a cache of this test's own, whose packages are
    // the machine's (already fetched by the installs above).
    const machineCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8', env: npmEnv() }).stdout.trim();
    const cache = join(work, 'npm-cache');
    mkdirSync(cache);
    symlinkSync(join(machineCache, '_cacache'), join(cache, '_cacache'));
    const npxEnv = { ...npmEnv(), ...env, HOME: process.env.HOME, npm_config_cache: cache };
    const npx = (args: string[]) => spawnSync('npx', ['--yes', '--prefer-offline', ...args, `./${name}`, 'followups'], { cwd: folder, env: npxEnv, encoding: 'utf8', timeout: 120_000 });

    const first = npx(['--ignore-scripts']);
    const said = /^oneonone: the SQLite engine is not built for this Node \(v[\d.]+\); run npm rebuild better-sqlite3 --prefix (\S+)\n$/.exec(first.stderr);
    expect(said, first.stderr).not.toBeNull();
    expect(first.status).toBe(1);
    const npxDir = said![1]!;
    expect(npxDir).toMatch(/[\\/]_npx[\\/][0-9a-f]+$/);
    expect(npxDir.startsWith(join(cache, '_npx'))).toBe(true);

    // The rebuild it names compiles the same addon again (minutes); the one the global install built is that file.
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(join(npxDir, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    cpSync(join(prefixes.allowed, 'lib/node_modules/oneonone', addon), join(npxDir, addon));
    const again = npx(['--allow-scripts=better-sqlite3']);
    expect(again.stderr + again.stdout).toContain('Nothing due in the next 7 days');
    expect(again.status).toBe(0);
  }, 240_000);
});
