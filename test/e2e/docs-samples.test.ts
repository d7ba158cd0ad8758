import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';
import { awayFromMidnight } from './relative-dates.js';

const SCRIPT = join(ROOT, 'scripts', 'samples.mjs');

/** The real script, as `npm run samples -- --check` runs it: the demo record made by the built binary, every sample run. */
function check(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--check', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the README and docs/ to spoil, so the repository's own pages are never touched. */
function copyOfDocs(): string {
  const copy = mkdtempSync(join(tmpdir(), 'oneonone-docs-'));
  cpSync(join(ROOT, 'README.md'), join(copy, 'README.md'));
  cpSync(join(ROOT, 'docs'), join(copy, 'docs'), { recursive: true });
  copies.push(copy);
  return copy;
}

/** The README's followups sample in a copy: where it is and what it holds. */
function followupsBlock(copy: string): { path: string; text: string; block: string } {
  const path = join(copy, 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('<!-- sample: followups -->');
  expect(start).toBeGreaterThanOrEqual(0);
  return { path, text, block: text.slice(start, text.indexOf('\n```\n', start + 40)) };
}

const copies: string[] = [];

describe('the samples of output in the docs', () => {
  // The demo record is dated from today: a run across midnight would see two different todays.
  beforeAll(() => awayFromMidnight(120_000), 200_000);
  afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

  test('every sample in README.md, CONTRIBUTING.md and docs/ matches what its command prints today', () => {
    const { code, stdout, stderr } = check();
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^\d+ samples match what the commands print/);
    expect(Number(/^(\d+)/.exec(stdout)![1])).toBeGreaterThanOrEqual(20);
    expect(code).toBe(0);
  }, 180_000);

  test('a sample that no longer matches fails, naming the file, the sample and the first line that differs', () => {
    const copy = copyOfDocs();
    const { path, text, block } = followupsBlock(copy);
    const late = /LATE (\d+) days/.exec(block)!;
    const wrong = `LATE ${Number(late[1]) + 1} days`;
    writeFileSync(path, text.replace(block, block.replace(late[0], wrong)));

    const { code, stderr } = check('--root', copy, '--only', 'followups');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^README\.md:\d+: the sample "followups" no longer matches what the command prints, from its line \d+:/m);
    expect(stderr).toMatch(new RegExp(`docs: .*${wrong}`));
    expect(stderr).toMatch(new RegExp(`now: .*${late[0]} `));
  }, 180_000);

  test('dates and times may move with the day, and the width of the columns with them, but nothing else', () => {
    const copy = copyOfDocs();
    const { path, text, block } = followupsBlock(copy);
    const otherDay = block.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\b/g, 'Wednesday 30 September').replace(/\b\d{2}:\d{2}\b/g, '7:15');
    expect(otherDay).not.toBe(block);
    writeFileSync(path, text.replace(block, otherDay));
    const { code, stderr } = check('--root', copy, '--only', 'followups');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 180_000);
});
