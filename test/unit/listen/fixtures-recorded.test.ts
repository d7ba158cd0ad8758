import { describe, expect, test } from 'vitest';
import { filletsInstalled } from '../../support/listen/voices.js';
import { fixtureSpecs } from '../../support/listen/fixtures.js';
import { figures, runFixtures, table } from '../../support/listen/runner.js';

/**
 * Conversations of recorded actors' voices (Debian's fillets-ng-data-cs and -nl, which .ci/run installs) with a known
 * truth. The issue's targets are not all met yet; where they are not, the test holds the figure reached so far as a
 * floor (see docs/listening.md), so a change that makes listening worse turns it red.
 */
const installed = filletsInstalled('cs') && filletsInstalled('nl');

describe.skipIf(!installed && !process.env.ONEONONE_REQUIRE_VOICES)('listening to recorded voices', () => {
  test('measures the talk share of recorded conversations: quiet and office rooms close, café flagged as loud', { timeout: 240_000 }, async () => {
    const results = await runFixtures(fixtureSpecs().filter((s) => s.kind === 'recorded'));
    console.log(`\nrecorded voices\n${table(results)}`);
    const f = figures(results);
    expect(f.count).toBeGreaterThanOrEqual(14);
    // No swap: a swapped meeting reads about 60 points off.
    for (const r of results) expect(Math.abs(r.error), r.name).toBeLessThan(15);
    const calm = results.filter((r) => r.room !== 'cafe');
    // The issue asks for every quiet and office conversation within 5 points and 2 on average; the floor reached so far:
    expect(calm.filter((r) => Math.abs(r.error) <= 5).length).toBeGreaterThanOrEqual(CALM_WITHIN_5_AT_LEAST);
    expect(figures(calm).meanError).toBeLessThan(CALM_MEAN_ERROR_BELOW);
    // In a café the share may be off, but then the screen must be able to say the room is too loud.
    for (const r of results.filter((x) => x.room === 'cafe' && Math.abs(x.error) > 5)) expect(r.loudShare, r.name).toBeGreaterThan(0.9);
    for (const r of calm) expect(r.loudShare, r.name).toBeLessThan(0.1);
    expect(f.cpuShare).toBeLessThan(0.05);
  });
});

const CALM_WITHIN_5_AT_LEAST = 10;
const CALM_MEAN_ERROR_BELOW = 3.5;
