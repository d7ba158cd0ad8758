import { describe, expect, test } from 'vitest';
import { fixtureSpecs } from '../../support/listen/fixtures.js';
import { figures, runFixtures, table } from '../../support/listen/runner.js';

/**
 * Conversations of synthetic voices (espeak-ng from npm) with a known truth, through the whole pipeline, faster than
 * real time. The first run builds them (about half a minute); later runs read them from node_modules/.cache.
 */
describe('listening to synthetic voices', () => {
  test('measures the organizer\'s talk share within 5 points of the truth, or says the room is too loud (a café)', { timeout: 600_000 }, async () => {
    const results = await runFixtures(fixtureSpecs().filter((s) => s.kind === 'synthetic'));
    console.log(`\nsynthetic voices\n${table(results)}`);
    const f = figures(results);
    expect(f.count).toBeGreaterThanOrEqual(9);
    const calm = results.filter((r) => r.room !== 'cafe');
    for (const r of calm) expect(Math.abs(r.error), r.name).toBeLessThanOrEqual(5);
    expect(figures(calm).meanError).toBeLessThan(1.5);
    for (const r of calm) expect(r.loudShare, r.name).toBeLessThan(0.1);
    // Other tables' talk is taken for the other person: the share is off, and the pipeline must say the room is loud.
    for (const r of results.filter((x) => x.room === 'cafe' && Math.abs(x.error) > 5)) expect(r.loudShare, r.name).toBeGreaterThan(0.9);
    // The budget while listening: 5% of one core.
    expect(f.cpuShare).toBeLessThan(0.05);
    expect(f.medianDelay).toBeLessThan(4.5);
  });
});
