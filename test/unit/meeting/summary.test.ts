import { describe, expect, test } from 'vitest';
import { summarizeMeeting, type PhaseRun } from '../../../src/meeting/summary.js';
import { verdictWords } from '../../../src/messages/meeting.js';

const phase = (overrides: Partial<PhaseRun>): PhaseRun => ({
  position: 1, title: 'Explore', plannedSeconds: 600, extraSeconds: 0, actualSeconds: 600,
  organizerTalkSeconds: 120, otherTalkSeconds: 480, maxTalkShare: 0.2, ...overrides,
});

describe('the meeting summary', () => {
  test('compares planned with actual time and each phase share with its own limit', () => {
    const outcome = summarizeMeeting([
      phase({ actualSeconds: 660, organizerTalkSeconds: 200, otherTalkSeconds: 460 }),
      phase({ position: 2, title: 'Exchange', plannedSeconds: 300, actualSeconds: 240, organizerTalkSeconds: 120, otherTalkSeconds: 120, maxTalkShare: 0.6 }),
      phase({ position: 3, title: 'Commit', actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null }),
    ]);
    expect(outcome.phases.map((p) => p.overSeconds)).toEqual([60, -60, null]);
    expect(outcome.phases.map((p) => p.overShare)).toEqual([true, false, false]);
    expect(outcome.phases[2]!.share).toBeNull();
    expect(outcome.plannedSeconds).toBe(1500);
    expect(outcome.actualSeconds).toBe(900);
    expect(outcome.share).toBeCloseTo(320 / 900);
  });

  test('judges the meeting against the goal weighted by planned time, and keeps the plain 20% beside it', () => {
    const outcome = summarizeMeeting([
      phase({ plannedSeconds: 600, organizerTalkSeconds: 120, otherTalkSeconds: 480 }),
      phase({ position: 2, plannedSeconds: 600, maxTalkShare: 0.6, organizerTalkSeconds: 300, otherTalkSeconds: 300 }),
    ]);
    // 35% talking: over the plain 20%, but within the 40% this guide allows once its exchange phase counts.
    expect(outcome.ruleGoal).toBe(0.2);
    expect(outcome.goal).toBeCloseTo(0.4);
    expect(outcome.verdict).toMatchObject({ code: 'listened', share: 0.35 });
    expect(verdictWords(outcome.verdict)).toBe('You listened well: 35% talking.');
  });
});

