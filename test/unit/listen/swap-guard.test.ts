import { describe, expect, test } from 'vitest';
import { fitGmm, sampleGmm, seededRandom, type Gmm } from '../../../src/listen/gmm.js';
import { createSpeakerJudge, JUDGE_DEFAULTS, organizerSideIsFirst, type VoiceModel } from '../../../src/listen/speakers.js';

const DIMS = 4;
const voiceAt = (centre: number): Gmm => ({
  weights: [0.5, 0.5],
  means: [Array(DIMS).fill(centre), Array(DIMS).fill(centre + 1.5)],
  variances: [Array(DIMS).fill(0.6), Array(DIMS).fill(0.6)],
});
const ORGANIZER = voiceAt(0);
const THEM = voiceAt(3);

function enrolled(): VoiceModel {
  return { version: 1, gmm: fitGmm(sampleGmm(ORGANIZER, 3000, seededRandom(1)), { components: 4, seed: 2 }), speechSeconds: 30 };
}

describe('the swap guard: the organizer is always the side nearest the enrolment', () => {
  test('of two models, names the one that explains the enrolment, whichever order they come in', () => {
    const sample = sampleGmm(ORGANIZER, 500, seededRandom(4));
    expect(organizerSideIsFirst(sample, ORGANIZER, THEM)).toBe(true);
    expect(organizerSideIsFirst(sample, THEM, ORGANIZER)).toBe(false);
  });

  test('a meeting where the other person talks nine tenths of the time is not read as the organizer talking', () => {
    const judge = createSpeakerJudge(enrolled(), { ...JUDGE_DEFAULTS, memoryFrames: 2000, refitEvery: 200, otherComponents: 2, otherAtLeast: 200 });
    const random = seededRandom(9);
    let organizerFrames = 0;
    let calledOrganizer = 0;
    for (let block = 0; block < 600; block++) {
      const isOrganizer = block % 10 === 0;
      const frames = sampleGmm(isOrganizer ? ORGANIZER : THEM, 50, random);
      let ratio = 0;
      for (let i = 0; i < 50; i++) ratio += judge.frame(frames.data.slice(i * DIMS, (i + 1) * DIMS), block);
      judge.endBlock();
      if (block < 100) continue;
      organizerFrames += isOrganizer ? 1 : 0;
      calledOrganizer += ratio > 0 ? 1 : 0;
    }
    expect(judge.refits).toBeGreaterThan(50);
    expect(calledOrganizer / 500).toBeCloseTo(organizerFrames / 500, 1);
  });

  test('refuses a refit that would leave the organizer\'s side farther from the enrolment than the other side', () => {
    // Forced to a swap: the organizer's model adapts all the way to whatever lands on its side, and every block of
    // the other person lands there. Without the guard the organizer's model would become the other person's voice.
    const judge = createSpeakerJudge(enrolled(), { ...JUDGE_DEFAULTS, memoryFrames: 1000, refitEvery: 100, otherComponents: 2, otherAtLeast: 100_000, organizerRelevance: 0.001, organizerMargin: -Infinity });
    const random = seededRandom(12);
    let lastRatio = 0;
    for (let block = 0; block < 60; block++) {
      const frames = sampleGmm(THEM, 50, random);
      lastRatio = 0;
      for (let i = 0; i < 50; i++) lastRatio += judge.frame(frames.data.slice(i * DIMS, (i + 1) * DIMS), block);
      judge.endBlock();
    }
    // The other person's frames still read as the other person's...
    expect(lastRatio).toBeLessThan(0);
    // ...because every refit was refused.
    expect(judge.refits).toBeGreaterThan(20);
    expect(judge.guardRefusals).toBe(judge.refits);
  });
});
