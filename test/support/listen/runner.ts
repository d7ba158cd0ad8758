import { readFileSync } from 'node:fs';
import { BLOCK_SECONDS } from '../../../src/listen/frames.js';
import { SMOOTHER_DEFAULTS } from '../../../src/listen/hmm.js';
import { createListener, enrolVoice, talkShare, type BlockDecision } from '../../../src/listen/pipeline.js';
import { listenerSamples, parseWav } from '../../../src/listen/wav.js';
import { buildFixture, type BuiltFixture, type FixtureSpec } from './fixtures.js';

/** One fixture through the pipeline, as fast as it goes: the share it measured against the truth, and what it cost. */
export interface FixtureResult {
  readonly name: string;
  readonly kind: FixtureSpec['kind'];
  readonly room: FixtureSpec['room'];
  readonly trueShare: number;
  readonly measuredShare: number;
  /** Measured minus true, in percentage points. */
  readonly error: number;
  readonly audioSeconds: number;
  readonly cpuSeconds: number;
  /** Share of the speech blocks the pipeline called a loud room. */
  readonly loudShare: number;
  /** Seconds from each change of speaker to the moment the pipeline decided it (its look-ahead included). */
  readonly changeDelays: readonly number[];
  readonly guardRefusals: number;
}

const CHUNK = 1600;

export async function runFixture(fixture: BuiltFixture): Promise<FixtureResult> {
  const enrolment = await enrolVoice(listenerSamples(parseWav(readFileSync(fixture.enrolmentWav))));
  if (!enrolment.model) throw new Error(`${fixture.spec.name}: the enrolment heard only ${enrolment.speechSeconds} s of speech`);
  const samples = listenerSamples(parseWav(readFileSync(fixture.wav)));
  const before = process.cpuUsage();
  const listener = await createListener(enrolment.model);
  const decisions: BlockDecision[] = [];
  for (let at = 0; at < samples.length; at += CHUNK) decisions.push(...listener.hear(samples.subarray(at, at + CHUNK)));
  decisions.push(...listener.finish());
  const used = process.cpuUsage(before);
  const measured = talkShare(decisions).share;
  const speech = decisions.filter((d) => d.speaker !== 'silence');
  return {
    name: fixture.spec.name,
    kind: fixture.spec.kind,
    room: fixture.spec.room,
    trueShare: fixture.truth.share,
    measuredShare: measured,
    error: (measured - fixture.truth.share) * 100,
    audioSeconds: samples.length / 16_000,
    cpuSeconds: (used.user + used.system) / 1e6,
    loudShare: speech.filter((d) => d.room.loud).length / Math.max(1, speech.length),
    changeDelays: changeDelays(fixture, decisions),
    guardRefusals: listener.stats.guardRefusals,
  };
}

/**
 * For each change of speaker followed by at least three seconds of the new speaker: the time from the change to when
 * the first block of the new speaker was decided (the block's end plus the smoother's look-ahead).
 */
function changeDelays(fixture: BuiltFixture, decisions: readonly BlockDecision[]): number[] {
  const delays: number[] = [];
  const changes = fixture.truth.changes;
  changes.forEach((change, i) => {
    const until = changes[i + 1]?.at ?? Infinity;
    if (until - change.at < 3) return;
    const found = decisions.find((d) => d.startSeconds + BLOCK_SECONDS > change.at && d.startSeconds < until && d.speaker === change.to);
    if (found) delays.push(found.startSeconds + BLOCK_SECONDS * (1 + SMOOTHER_DEFAULTS.lag) - change.at);
  });
  return delays;
}

export async function runFixtures(specs: readonly FixtureSpec[]): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  for (const spec of specs) results.push(await runFixture(await buildFixture(spec)));
  return results;
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
}

export interface Figures {
  readonly count: number;
  readonly meanError: number;
  readonly within5: number;
  readonly cpuShare: number;
  readonly medianDelay: number;
  readonly p90Delay: number;
}

export function figures(results: readonly FixtureResult[]): Figures {
  const delays = results.flatMap((r) => r.changeDelays);
  return {
    count: results.length,
    meanError: results.reduce((s, r) => s + Math.abs(r.error), 0) / Math.max(1, results.length),
    within5: results.filter((r) => Math.abs(r.error) <= 5).length,
    cpuShare: results.reduce((s, r) => s + r.cpuSeconds, 0) / results.reduce((s, r) => s + r.audioSeconds, 0),
    medianDelay: percentile(delays, 0.5),
    p90Delay: percentile(delays, 0.9),
  };
}

/** The table the docs show: one row per fixture, then the figures. */
export function table(results: readonly FixtureResult[]): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = results.map((r) =>
    `| ${r.name} | ${r.room} | ${pct(r.trueShare)} | ${pct(r.measuredShare)} | ${r.error >= 0 ? '+' : ''}${r.error.toFixed(1)} | ${pct(r.loudShare)} | ${pct(r.cpuSeconds / r.audioSeconds)} |`);
  const f = figures(results);
  return [
    '| fixture | room | true share | measured | error (points) | called loud | CPU |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${f.count} conversations: mean error ${f.meanError.toFixed(1)} points, ${f.within5} of ${f.count} within 5 points; ` +
      `CPU ${pct(f.cpuShare)} of one core; a change of speaker decided after ${f.medianDelay.toFixed(1)} s (p90 ${f.p90Delay.toFixed(1)} s).`,
  ].join('\n');
}
