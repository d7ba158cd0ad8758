import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, ROOT, sandbox, type Sandbox } from './helpers.js';
import { runAsync } from './refusals.js';

/**
 * Issue 13: JSON is for programs, so it says the same in every language: keys, codes (rungs, outcomes, tags) and
 * values byte for byte, whether the run speaks Spanish (LANG=es_MX.UTF-8) or English (LANG=C.UTF-8). The commands are
 * found by walking src/cli.ts's tree as the build wrote it (dist/help.json), so a new command with --json is covered
 * as soon as it exists: a listing is run as it is, and a command that writes must be named below with why it is not.
 */

interface HelpBook {
  commands: Record<string, { slots: { term?: string }[] }>;
}

/** What a listing needs to list something on the populated record; a listing not here is run with --json alone. */
const ARGS: Record<string, string[]> = {
  show: ['show', 'Ana Ruiz', '--json'],
  search: ['search', 'rent', '--json'],
  map: ['map', 'Ana Ruiz', '--json'],
  review: ['review', '--json'],
};

/** Commands whose --json says what they wrote: each run writes anew (new ids, the time of the write). */
const WRITES = new Set(['log', 'relate', 'unrelate', 'touch', 'units add', 'units edit', 'import', 'edit', 'merge', 'delete', 'undo', 'push', 'team import-local', 'handoff', 'coach']);
/** Commands of a team server only; on the server run they are listings like the rest. */
const TEAM = new Set(['team list', 'team audit', 'team week', 'team words list']);

const book = JSON.parse(readFileSync(join(ROOT, 'dist', 'help.json'), 'utf8')) as HelpBook;
const withJson = Object.keys(book.commands).filter((name) => book.commands[name]!.slots.some((slot) => /(^|[\s,])--json\b/.test(slot.term ?? '')));
const listings = withJson.filter((name) => !WRITES.has(name) && (ENGINE === 'postgres' || !TEAM.has(name)));

let box: Sandbox;

/**
 * The output as it can be compared between two runs: a moment within the last minutes is "now" (stats runs until now),
 * config list's language, which is what the two runs were told differently, is left out, and so is doctor's check of
 * the files' modes, whose list of files depends on what runs beside it.
 */
function comparable(name: string, stdout: string): string {
  const timeless = stdout.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/g, (written, at: string) => (Math.abs(Date.parse(at) - Date.now()) < 300_000 ? '"now"' : written));
  if (name === 'doctor') {
    const report = JSON.parse(timeless) as { checks: { check: string }[] };
    return JSON.stringify({ ...report, checks: report.checks.filter((entry) => entry.check !== 'file-mode') }, null, 2);
  }
  if (name !== 'config list') return timeless;
  return JSON.stringify((JSON.parse(timeless) as { key: string }[]).filter((entry) => entry.key !== 'language'), null, 2);
}

beforeAll(() => {
  box = sandbox();
  const ok = (args: string[]) => expect(box.run(args).stderr, args.join(' ')).not.toMatch(/^oneonone: /m);
  // On the server, a team (the run's login its director), so the team's own listings have something to list.
  if (ENGINE === 'postgres') ok(['team', 'init', 'Dana Director']);
  ok(['units', 'add', 'Building 12', '--kind', 'building', '--size', '40']);
  ok(['log', 'Ana Ruiz', '--date', '20 days ago', '--value', 'her kids', '--issue', 'rent went up', '--ask', 'speak at the tenant meeting', '--ask-due', 'in 7 days',
    '--outcome', 'yes', '--rung', 'leader', '--potential', '5', '--referral', 'José Núñez', '--followup', 'in 2 days', '--followup-note', 'call her']);
  ok(['log', 'Bo Chen', '--date', '30 days ago', '--issue', 'no heat', '--ask', 'bring two neighbours', '--outcome', 'maybe', '--rung', 'participant', '--potential', '3']);
  ok(['edit', 'Ana Ruiz', '--unit', 'Building 12']);
  ok(['edit', 'Bo Chen', '--unit', 'Building 12']);
  ok(['log', 'Carla Díaz', '--date', '3 days ago', '--referred-by', 'Ana Ruiz', '--ask', 'host a house meeting', '--outcome', 'no', '--rung', 'supporter']);
  ok(['relate', 'Ana Ruiz', 'Bo Chen', '--as', 'neighbor']);
  ok(['touch', 'Bo Chen', '--by', 'call', '--date', '2 days ago', '--note', 'called about the heating']);
  ok(['done', 'A1']);
  ok(['edit', 'Ana Ruiz', '--assess', '1', '--reason', 'signed the petition', '--language', 'es']);
  ok(['edit', 'Bo Chen', '--assess', '3']);
  ok(['scale', 'rename', '4', 'leaning no']);
});

afterAll(() => box.cleanup());

describe('--json says the same in Spanish and in English', () => {
  it('finds the listings in the command tree, and every command with --json is a listing or named as a write', () => {
    expect(listings).toEqual(expect.arrayContaining(['people', 'show', 'followups', 'leaders', 'ladder', 'stats', 'templates', 'search', 'map', 'structure']));
    for (const name of WRITES) expect(withJson, `${name} is named as a write but has no --json`).toContain(name);
  });

  it.concurrent.each(listings.filter((name) => name !== 'doctor'))('%s --json', async (name) => {
    const args = ARGS[name] ?? [...name.split(' '), '--json'];
    const [spanish, english] = await Promise.all([runAsync(box, args, { LANG: 'es_MX.UTF-8' }), runAsync(box, args, { LANG: 'C.UTF-8' })]);
    expect(english.code, english.stderr).toBe(0);
    expect(spanish.code, spanish.stderr).toBe(0);
    expect(() => JSON.parse(english.stdout) as unknown).not.toThrow();
    expect(english.stdout.length).toBeGreaterThan(2);
    expect(comparable(name, spanish.stdout)).toBe(comparable(name, english.stdout));
  });
});

describe('doctor --json, which looks at the files themselves, run when nothing else is', () => {
  it('says the same in Spanish and in English', async () => {
    expect(listings).toContain('doctor');
    const spanish = await runAsync(box, ['doctor', '--json'], { LANG: 'es_MX.UTF-8' });
    const english = await runAsync(box, ['doctor', '--json'], { LANG: 'C.UTF-8' });
    expect(english.code, english.stderr).toBe(0);
    expect(comparable('doctor', spanish.stdout)).toBe(comparable('doctor', english.stdout));
  });
});
