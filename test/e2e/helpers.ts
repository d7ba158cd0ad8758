import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'oneonone.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A private world for one test: its own database, config and data folders, and no colour or terminal. */
export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number }): RunResult;
  json<T = unknown>(args: string[]): T;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-test-'));
  const db = join(dir, 'data', 'oneonone.db');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    LANG: 'C.UTF-8',
    TZ: process.env.TZ ?? 'UTC',
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    ONEONONE_DB: db,
    NO_COLOR: '1',
  };
  const box: Sandbox = {
    dir,
    db,
    env,
    run: (args, options = {}) => runBin(args, { env: { ...env, ...options.env }, input: options.input ?? '', timeout: options.timeout ?? 30_000 }),
    json: <T>(args: string[]) => {
      const result = box.run(args);
      if (result.code !== 0) throw new Error(`oneonone ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return box;
}

export function runBin(args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
