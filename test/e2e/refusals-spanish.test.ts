import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from './helpers.js';
import { cleanupBoxes, FOUNDATION_REFUSALS, freshBox, makeTemplate, REFUSALS, runAsync, type Refusal } from './refusals.js';

/**
 * Issue 13: every refusal of the bad-input suite (test/e2e/refusals.ts, and foundation's) run again in a Spanish locale
 * gives the same exit code and the same lines, one `oneonone: …` line and its hint, in Spanish: not the English the
 * suite expects, and none of the tool's own English words (what the organizer typed, quoted, and paths are left out).
 * As in the suite, each row gets a copy of one populated database and the rows run side by side.
 */

const SPANISH = { LANG: 'es_MX.UTF-8' };
/** Words of the English refusals that no Spanish one holds, each of them in most English refusals. */
const ENGLISH_WORDS = /\b(is|are|the|not|must|empty|date|name|hint|cannot|there|nobody|unknown|missing|invalid|expected|allowed|already|without|folder|file|needs|got|line|nothing|e\.g)\b|Did you mean/i;

/**
 * Rows whose refusal is still English, each with why: a refusal made in a file another change owns. Each is still run,
 * and must still be refused with its exit code in one line; that it is Spanish is what is left to do (and when it is,
 * the row fails until it is taken off this list).
 */
const STILL_ENGLISH: Record<string, string> = {};

/** The line without what the organizer gave it: quoted input ("…", '…') and paths. */
function ownWords(line: string): string {
  return line.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\S*\/\S*/g, '/');
}

const ROWS: Refusal[] = [
  ...REFUSALS,
  ...FOUNDATION_REFUSALS.map(({ name, ...row }): Refusal => ({ what: name, ...row })),
].filter((row) => ENGINE === 'sqlite' || row.sqliteOnly === undefined);

beforeAll(makeTemplate);
afterAll(cleanupBoxes);

describe('every refusal of the bad-input suite, in Spanish', () => {
  it.concurrent.each(ROWS)('$what: exit $code, in Spanish', async (row) => {
    const box = freshBox(row.db ?? 'ours');
    row.setup?.(box);
    const result = await runAsync(box, typeof row.args === 'function' ? row.args(box) : row.args, SPANISH);

    expect(result.code, result.stderr).toBe(row.code);
    const lines = result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('(¿Quisiste decir'));
    const refusals = lines.filter((line) => line.startsWith('oneonone: '));
    expect(refusals, result.stderr).toHaveLength(1);
    const reported = row.rowReport ? lines.slice(0, lines.indexOf(refusals[0]!)) : [];
    expect(lines, result.stderr).toEqual([...reported, refusals[0], ...lines.slice(reported.length + 1, reported.length + 2)]);
    if (lines.length > reported.length + 1) expect(lines[reported.length + 1], result.stderr).toMatch(/^sugerencia: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('algo salió mal');

    if (row.what in STILL_ENGLISH) {
      // Once it is Spanish, it comes off the list.
      expect(result.stderr, `${row.what} is Spanish now: take it off STILL_ENGLISH`).toMatch(row.message);
      return;
    }
    expect(result.stderr, 'the English refusal').not.toMatch(row.message);
    for (const line of [...reported, refusals[0]!]) expect(ownWords(line), result.stderr).not.toMatch(ENGLISH_WORDS);
  });
});
