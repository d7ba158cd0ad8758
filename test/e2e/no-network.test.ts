import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startCluster, type Cluster } from '../support/postgres.js';
import { BIN, ROOT, sandbox, type RunResult, type Sandbox } from './helpers.js';

const LOADER = join(ROOT, 'test/e2e/fixtures/no-network.mjs');
const MARK = 'NETWORK ATTEMPT BLOCKED';
let box: Sandbox;
let blocked: NodeJS.ProcessEnv;

/**
 * Loaded with --import: every socket the process opens (net, and so fetch and pg), every TLS connection and every
 * DNS question is written as a line of JSON to $ONEONONE_NET_LOG, and then allowed to go on.
 */
const RECORDER = `
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { appendFileSync } from 'node:fs';
const note = (kind, target) => appendFileSync(process.env.ONEONONE_NET_LOG, JSON.stringify({ kind, target }) + '\\n');
function target(args) {
  const [first, second] = Array.isArray(args[0]) ? args[0] : args;
  if (first && typeof first === 'object') return first.path ?? \`\${first.host ?? 'localhost'}:\${first.port}\`;
  if (typeof first === 'string' && !/^\\d+$/.test(first)) return first;
  return \`\${typeof second === 'string' ? second : 'localhost'}:\${first}\`;
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { note('socket', target(args)); return connect.apply(this, args); };
const tlsConnect = tls.connect;
tls.connect = function (...args) { note('tls', String(args[0]?.host ?? args[1] ?? '')); return tlsConnect.apply(this, args); };
for (const api of [dns, dns.promises]) {
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveSrv', 'resolveTxt']) {
    const original = api[name];
    api[name] = function (...args) { note('dns', String(args[0])); return original.apply(this, args); };
  }
}
`;

/** strace, when this machine has it and may use it: the connect() system calls, whatever made them. */
const STRACE = spawnSync('strace', ['-qq', '-e', 'trace=connect', '-o', '/dev/null', 'true']).status === 0;

interface Attempt {
  kind: string;
  target: string;
}

interface Traced extends RunResult {
  /** What the --import recorder saw. */
  opened: Attempt[];
  /** Every connect() system call's address, when strace is there. */
  connects: string[] | undefined;
}

/** A connect() line of strace as an address: a Unix socket's path, or host:port. */
function address(line: string): string {
  const path = /sun_path="([^"]*)"/.exec(line);
  if (path) return path[1]!;
  const v4 = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
  if (v4) return `${v4[2]}:${v4[1]}`;
  const v6 = /sin6_port=htons\((\d+)\).*inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
  if (v6) return `[${v6[2]}]:${v6[1]}`;
  return line;
}

function traced(dir: string, command: string[], env: NodeJS.ProcessEnv): Traced {
  const log = join(dir, 'net.log');
  const trace = join(dir, 'connect.trace');
  rmSync(log, { force: true });
  rmSync(trace, { force: true });
  const [file, ...args] = STRACE ? ['strace', '-f', '-qq', '-e', 'trace=connect', '-o', trace, ...command] : command;
  const result = spawnSync(file!, args, {
    encoding: 'utf8', input: '', timeout: 60_000,
    env: { ...env, ONEONONE_NET_LOG: log, NODE_OPTIONS: `--import ${join(dir, 'record-network.mjs')}` },
  });
  const opened = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Attempt) : [];
  const connects = STRACE ? readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('connect(')).map(address) : undefined;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr), opened, connects };
}

function oneonone(sandboxed: Sandbox, args: string[], env: NodeJS.ProcessEnv = {}): Traced {
  return traced(sandboxed.dir, [process.execPath, BIN, ...args], { ...sandboxed.env, ...env });
}

/** Every socket opened, and every connect() made, went to `only`; and there was at least one. */
function expectOnlyTo(run: Traced, only: string): void {
  expect(run.opened.length, run.stderr).toBeGreaterThan(0);
  expect(run.opened.filter(({ kind, target }) => kind !== 'socket' || target !== only)).toEqual([]);
  if (run.connects === undefined) return;
  expect(run.connects.length, run.stderr).toBeGreaterThan(0);
  expect(run.connects.filter((target) => target !== only)).toEqual([]);
}

beforeAll(() => {
  box = sandbox();
  blocked = { NODE_OPTIONS: `--import ${LOADER}` };
  writeFileSync(join(box.dir, 'record-network.mjs'), RECORDER);
});
afterAll(() => box.cleanup());

describe('no network, ever', () => {
  it('the loader really fails a connection, so the checks below can fail', () => {
    for (const attempt of [`fetch('http://example.org')`, `require('node:net').connect(80, '127.0.0.1')`, `require('node:https').get('https://example.org')`, `require('node:dns').lookup('example.org', () => {})`]) {
      const result = spawnSync(process.execPath, ['--import', LOADER, '--eval', attempt], { encoding: 'utf8', timeout: 10_000 });
      expect(result.stderr, attempt).toContain(MARK);
    }
  });

  // Every main command, in the order an organizer meets them. Commands still being built may exit 1 with
  // "not built yet"; what must never happen is a network attempt.
  const commands: [string, string[], number | undefined][] = [
    ['log', ['log', 'Ana Ruiz', '--value', 'family', '--ask', 'come thursday', '--ask-due', 'next thursday 7pm', '--outcome', 'yes', '--followup', 'next monday'], 0],
    ['people', ['people', '--json'], 0],
    ['show', ['show', 'Ana Ruiz', '--json'], 0],
    ['templates', ['templates'], 0],
    ['export', ['export', 'meetings'], undefined],
    ['followups', ['followups', '--all', '--json'], undefined],
    ['leaders', ['leaders', '--json'], undefined],
    ['stats', ['stats', '--json'], undefined],
    ['ladder', ['ladder', '--json'], undefined],
    ['backup', ['backup', 'BACKUP'], 0],
  ];
  for (const [name, args, expected] of commands) {
    it(`${name} works without ever opening a connection`, () => {
      const result = box.run(args.map((arg) => (arg === 'BACKUP' ? join(box.dir, 'copy.db') : arg)), { env: blocked });
      expect(result.stderr).not.toContain(MARK);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (expected !== undefined) expect(result.code, result.stderr).toBe(expected);
      else expect([0, 1], result.stderr).toContain(result.code);
    });
  }

  it.skipIf(!STRACE)('on SQLite no command makes a single connect() system call, whatever would make it', () => {
    for (const args of [['log', 'Bea Lin', '--value', 'faith', '--followup', 'next monday'], ['people', '--json'], ['search', 'faith', '--json'], ['followups', '--all', '--json']]) {
      const run = oneonone(box, args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.opened).toEqual([]);
      expect(run.connects, args.join(' ')).toEqual([]);
    }
  });
});

const socketDir = process.env.ONEONONE_TEST_PG;

describe.skipIf(!socketDir)('with a PostgreSQL server, only that server', () => {
  const socket = `${socketDir}/.s.PGSQL.5432`;
  let url: string;

  beforeAll(() => {
    url = freshDatabase(socketDir!, 'netcheck');
  });

  it('the recorder and strace see a TCP connection, a DNS question, TLS and a Unix socket, so the checks below can fail', () => {
    const attempts = [
      [`require('node:net').connect(1, '127.0.0.1').on('error', () => {})`, { kind: 'socket', target: '127.0.0.1:1' }, '127.0.0.1:1'],
      [`require('node:dns').lookup('example.invalid', () => {})`, { kind: 'dns', target: 'example.invalid' }, undefined],
      [`require('node:tls').connect(1, '127.0.0.1').on('error', () => {})`, { kind: 'tls', target: '127.0.0.1' }, '127.0.0.1:1'],
      [`fetch('http://127.0.0.1:59999').catch(() => {})`, { kind: 'socket', target: '127.0.0.1:59999' }, '127.0.0.1:59999'],
      [`require('node:net').connect('${socket}').on('connect', function () { this.end() })`, { kind: 'socket', target: socket }, socket],
    ] as const;
    for (const [code, seen, syscall] of attempts) {
      const run = traced(box.dir, [process.execPath, '--eval', code], box.env);
      expect(run.opened, code).toContainEqual(seen);
      if (run.connects && syscall) expect(run.connects, code).toContain(syscall);
    }
    expect(() => expectOnlyTo({ code: 0, stdout: '', stderr: '', opened: [{ kind: 'socket', target: socket }, { kind: 'dns', target: 'x' }], connects: [socket] }, socket)).toThrow();
    expect(() => expectOnlyTo({ code: 0, stdout: '', stderr: '', opened: [{ kind: 'socket', target: socket }], connects: [socket, '127.0.0.1:53'] }, socket)).toThrow();
    expect(() => expectOnlyTo({ code: 0, stdout: '', stderr: '', opened: [], connects: [] }, socket)).toThrow();
  });

  const commands: [string, string[]][] = [
    ['log', ['log', 'Ana Ruiz', '--value', 'family', '--ask', 'come thursday', '--ask-due', 'next thursday 7pm', '--outcome', 'yes', '--followup', 'next monday']],
    ['followups', ['followups', '--all', '--json']],
    ['show', ['show', 'Ana Ruiz', '--json']],
    ['people', ['people', '--json']],
    ['search', ['search', 'thursday', '--json']],
    ['leaders', ['leaders', '--json']],
    ['stats', ['stats', '--json']],
    ['export', ['export', 'meetings']],
  ];
  for (const [name, args] of commands) {
    it(`${name} --db postgresql://… connects to the server's socket and to nothing else`, () => {
      const run = oneonone(box, [...args, '--db', url]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expectOnlyTo(run, socket);
    });
  }

  it('a TCP server that is not there: the one attempt is to its address, no DNS, and one line, exit 1', () => {
    const tcp = 'postgresql://user@127.0.0.1:1/db';
    const run = oneonone(box, ['people', '--json', '--db', tcp]);
    expectOnlyTo(run, '127.0.0.1:1');
    expect(run.opened).toHaveLength(1);
    expect(run.stderr).toMatch(/^oneonone: cannot reach the PostgreSQL server at postgresql:\/\/user@127\.0\.0\.1:1\/db\nhint: [^\n]+\n$/);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  });

  describe('push, with a meeting kept while the server was away', () => {
    let cluster: Cluster;
    let own: Sandbox;
    let ownSocket: string;
    let ownUrl: string;

    beforeAll(() => {
      cluster = startCluster();
      ownSocket = `${cluster.socketDir}/.s.PGSQL.5432`;
      ownUrl = cluster.url('postgres');
      own = sandbox();
      writeFileSync(join(own.dir, 'record-network.mjs'), RECORDER);
    }, 60_000);
    afterAll(() => {
      own?.cleanup();
      cluster?.stop();
    });

    it('log with the server down tries only its socket and keeps the meeting; push sends it over that socket only', () => {
      cluster.pause();
      const kept = oneonone(own, ['log', 'Cy Park', '--value', 'housing', '--db', ownUrl]);
      cluster.resume();
      expect(kept.code, kept.stderr).toBe(0);
      expect(kept.stderr).toContain('is kept on this computer');
      expectOnlyTo(kept, ownSocket);

      const push = oneonone(own, ['push', '--db', ownUrl]);
      expect(push.code, push.stderr).toBe(0);
      expect(push.stderr).toMatch(/^Sent 1 meeting kept on this computer to the server: Cy Park/);
      expectOnlyTo(push, ownSocket);
      expect(own.json<{ name: string }[]>(['people', '--json', '--db', ownUrl]).map(({ name }) => name)).toEqual(['Cy Park']);
    });
  });
});
