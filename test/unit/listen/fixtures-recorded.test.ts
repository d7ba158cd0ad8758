import { describe, expect, test } from 'vitest';
import { filletsInstalled } from '../../support/listen/voices.js';
import { fixtureSpecs } from '../../support/listen/fixtures.js';
import { figures, runFixtures, table } from '../../support/listen/runner.js';

/**
 * Conversations of recorded actors' voices (Debian's fillets-ng-data-cs and -nl, which .ci/run installs) with a known
 * truth, held to the issue's targets (see docs/listening.md for the figures).
 */
const installed = filletsInstalled('cs') && filletsInstalled('nl');

describe.skipIf(!installed && !process.env.ONEONONE_REQUIRE_VOICES)('listening to recorded voices', () => {
  test('measures the talk share of recorded conversations: quiet and office rooms close, café flagged as loud', { timeout: 600_000 }, async () => {
    const results = await runFixtures(fixtureSpecs().filter((s) => s.kind === 'recorded'));
    console.log(`\nrecorded voices\n${table(results)}`);
    const f = figures(results);
    expect(f.count).toBeGreaterThanOrEqual(14);
    // No swap: a swapped meeting reads about 60 points off.
    for (const r of results) expect(Math.abs(r.error), r.name).toBeLessThan(15);
    const calm = results.filter((r) => r.room !== 'cafe');
    // The target: every quiet and office conversation within 5 points, and within 2 on average.
    for (const r of calm) expect(Math.abs(r.error), r.name).toBeLessThanOrEqual(5);
    expect(figures(calm).meanError).toBeLessThan(2);
    // In a café the share may be off, but then the screen must be able to say the room is too loud.
    for (const r of results.filter((x) => x.room === 'cafe' && Math.abs(x.error) > 5)) expect(r.loudShare, r.name).toBeGreaterThan(0.9);
    for (const r of calm) expect(r.loudShare, r.name).toBeLessThan(0.1);
    expect(f.cpuShare).toBeLessThan(0.05);
  });
});
