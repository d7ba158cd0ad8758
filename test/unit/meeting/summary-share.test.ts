import { describe, expect, test } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import { openPhase, phaseStep, type PhaseMessage, type PhaseState } from '../../../src/meeting/phase.js';
import { phaseProgressRecord } from '../../../src/meeting/resume.js';
import { summarizeMeeting } from '../../../src/meeting/summary.js';
import { startTalkClock } from '../../../src/meeting/talk.js';
import { phaseWords } from '../../../src/messages/meeting.js';
import { formatShare } from '../../../src/support/format.js';

/**
 * One phase, run through the phase machine: they talk from 0, the organizer from `youFrom` to `youTo`, and n is
 * pressed at `endAt` (ms). Returns the line the phase ends with and the summary of what `start` saves of it.
 */
function endedPhase(youFrom: number, youTo: number, endAt: number) {
  const setup = { clock: startPhaseClock(300, 0), talk: startTalkClock(0), maxTalkShare: 0.2, meetingTalkBefore: { organizerMs: 0, otherMs: 0 } };
  let state: PhaseState = openPhase(setup, 0).state;
  state = phaseStep(state, { kind: 'key', char: 't' }, youFrom).state;
  state = phaseStep(state, { kind: 'key', char: 't' }, youTo).state;
  const end = phaseStep(state, { kind: 'key', char: 'n' }, endAt);
  const done = end.effects.flatMap((effect) => (effect.kind === 'say' && effect.message.code === 'phase-done' ? [effect.message] : []))[0]!;
  const saved = phaseProgressRecord(end.state.clock, end.state.talk, endAt);
  const summary = summarizeMeeting([{ position: 1, title: 'Explore', plannedSeconds: 300, maxTalkShare: 0.2, ...saved }]);
  return { done: done as Extract<PhaseMessage, { code: 'phase-done' }>, summary };
}

describe("the summary's talk share for a phase", () => {
  // The organizer talks 1.9 s of 4 s (48%); saved in whole seconds that is 1 s of 3 s (33%) until both agree.
  test.each([
    [1100, 3000, 4000],
    [400, 2900, 7950],
    [999, 21_998, 61_999],
  ])('is the share the phase ended with (you talk from %i to %i ms, n at %i ms)', (youFrom, youTo, endAt) => {
    const { done, summary } = endedPhase(youFrom, youTo, endAt);
    expect(formatShare(summary.phases[0]!.share)).toBe(formatShare(done.phaseShare));
    expect(phaseWords(done)).toContain(`you talked ${formatShare(summary.phases[0]!.share)} of it`);
    expect(formatShare(summary.share)).toBe(formatShare(done.phaseShare));
  });

  test('and its over-the-limit mark agrees with the reminder the phase gave', () => {
    // 21 s of 61 s is 34%, over the 20% limit either way it is counted.
    const { summary } = endedPhase(999, 21_998, 61_999);
    expect(summary.phases[0]!.overShare).toBe(true);
  });
});
