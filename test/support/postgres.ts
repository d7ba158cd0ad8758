/**
 * A throw-away PostgreSQL cluster for the test run: initdb into a temp folder, started on a private Unix socket only
 * (no TCP), fsync off. postgres refuses to run as root, so as root it runs as the `postgres` user. Started once by the
 * vitest global setup; tests reach it through ONEONONE_TEST_PG (the socket folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  socketDir: string;
  url(database: string): string;
  /** The server stopped (as a crash or a lost network looks to a client) and started again, its data kept. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The newest PostgreSQL server installed from Debian's packages, or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function asServerUser(bin: string, args: string[], root: boolean): void {
  const [command, rest] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface ClusterOptions {
  /** A password for the postgres superuser, and every login must give it (scram-sha-256 instead of trust). */
  password?: string;
}

export function startCluster({ password }: ClusterOptions = {}): Cluster {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-pg-'));
  chmodSync(dir, 0o755);
  const owner = root ? serverUser() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const auth = password === undefined ? ['--auth=trust'] : ['--auth=scram-sha-256', `--pwfile=${passwordFile(dir, password, owner)}`];
  try {
    asServerUser(join(bin, 'initdb'), ['-D', data, ...auth, '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], root);
  } finally {
    rmSync(join(dir, 'pwfile'), { force: true });
  }
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'], root);
  start();
  return {
    socketDir: dir,
    url: (database) => urlFor(dir, database),
    // A fast (clean) stop: the cluster runs with synchronous_commit off, so an immediate one could lose the last commits.
    pause: () => asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], root),
    resume: start,
    stop: () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], root);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function serverUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** initdb reads the superuser's password from a file the server user can read; it is removed once initdb is done. */
function passwordFile(dir: string, password: string, owner: { uid: number; gid: number } | undefined): string {
  const file = join(dir, 'pwfile');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(file, owner.uid, owner.gid);
  return file;
}

export function urlFor(socketDir: string, database: string): string {
  return `postgresql://postgres@/${database}?host=${encodeURIComponent(socketDir)}`;
}

/** Runs SQL on the cluster with psql (synchronously, for tests whose sandboxes are made without await). */
export function psql(socketDir: string, sql: string, database = 'postgres'): string {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const result = spawnSync(join(bin, 'psql'), ['-h', socketDir, '-U', 'postgres', '-d', database, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

let made = 0;

/** A new, empty database on the cluster, and its URL. */
export function freshDatabase(socketDir: string, prefix = 'e2e'): string {
  const name = `${prefix}_${process.pid}_${++made}`;
  psql(socketDir, `CREATE DATABASE ${name}`);
  return urlFor(socketDir, name);
}
