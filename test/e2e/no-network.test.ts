import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

const LOADER = join(ROOT, 'test/e2e/fixtures/no-network.mjs');
const MARK = 'NETWORK ATTEMPT BLOCKED';
let box: Sandbox;
let blocked: NodeJS.ProcessEnv;

beforeAll(() => {
  box = sandbox();
  blocked = { NODE_OPTIONS: `--import ${LOADER}` };
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
});
