import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** A page's `followups` sample in a copy: where it is and what it holds. */
function followupsBlock(copy: string, page: string): { path: string; text: string; block: string } {
  const path = join(copy, page);
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('<!-- sample: followups -->');
  expect(start).toBeGreaterThanOrEqual(0);
  return { path, text, block: text.slice(start, text.indexOf('\n```\n', start + 40)) };
}

const copies: string[] = [];

/**
 * The blocks of a page that show a command and what it printed (a `$ ` line followed by one that is not), with the
 * line before each: a sample's marker, or a capture's note saying where it came from.
 */
function outputBlocks(text: string): { line: number; first: string; before: string }[] {
  const lines = text.split('\n');
  const found: { line: number; first: string; before: string }[] = [];
  for (let at = 0; at < lines.length; at++) {
    const fence = /^(`{3,})/.exec(lines[at]!)?.[1];
    if (!fence) continue;
    const end = lines.findIndex((line, index) => index > at && line.trimEnd() === fence);
    const body = lines.slice(at + 1, end);
    const printed = body.some((line, index) => line.startsWith('$ ') && (body[index + 1] ?? '').trim() !== '' && !body[index + 1]!.startsWith('$ '));
    if (printed) found.push({ line: at + 1, first: body[0]!, before: lines[at - 1] ?? '' });
    at = end;
  }
  return found;
}


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

  test('every block of command output in the docs is a sample, or a capture that says where it came from', () => {
    const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    const unmarked = pages.flatMap((page) =>
      outputBlocks(readFileSync(join(ROOT, page), 'utf8'))
        .filter((block) => !/^(<!-- (sample|capture):|-->$)/.test(block.before))
        .map((block) => `${page}:${block.line}: ${block.first}`),
    );
    expect(unmarked).toEqual([]);
  });

  describe('on a copy of the docs, with one sample spoiled and another one moved to another day', () => {
    let result: { code: number | null; stdout: string; stderr: string };
    let spoiled: { wrong: string; right: string };

    beforeAll(() => {
      const copy = copyOfDocs();
      const readme = followupsBlock(copy, 'README.md');
      const late = /LATE (\d+) days/.exec(readme.block)!;
      spoiled = { wrong: `LATE ${Number(late[1]) + 1} days`, right: late[0] };
      writeFileSync(readme.path, readme.text.replace(readme.block, readme.block.replace(late[0], spoiled.wrong)));

      const guide = followupsBlock(copy, 'docs/guide.md');
      const otherDay = guide.block.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\b/g, 'Wednesday 30 September').replace(/\b\d{2}:\d{2}\b/g, '7:15');
      expect(otherDay).not.toBe(guide.block);
      writeFileSync(guide.path, guide.text.replace(guide.block, otherDay));

      result = check('--root', copy, '--only', 'followups');
    }, 180_000);

    test('the spoiled sample fails, naming the file, the sample and the first line that differs', () => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^README\.md:\d+: the sample "followups" no longer matches what the command prints, from its line \d+:/m);
      expect(result.stderr).toMatch(new RegExp(`docs: .*${spoiled.wrong}`));
      expect(result.stderr).toMatch(new RegExp(`now: .*${spoiled.right} `));
      expect(result.stderr).toMatch(/^1 of \d+ samples differ/m);
    });

    test('dates and times may move with the day, and the width of the columns with them, but nothing else', () => {
      expect(result.stderr).not.toContain('docs/guide.md');
    });
  });
});
