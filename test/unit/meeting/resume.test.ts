import { describe, expect, test } from 'vitest';
import { addMinute, phaseRemainingMs, startPhaseClock } from '../../../src/meeting/clock.js';
import { phaseProgressRecord, resumePoint, talkBeforePhase, type StoredPhase } from '../../../src/meeting/resume.js';
import { startTalkClock, toggleSpeaker } from '../../../src/meeting/talk.js';

const phases: StoredPhase[] = [
  { position: 3, plannedSeconds: 900, actualSeconds: 125, organizerTalkSeconds: 20, otherTalkSeconds: 105 },
  { position: 1, plannedSeconds: 300, actualSeconds: 310, organizerTalkSeconds: 60, otherTalkSeconds: 250 },
  { position: 2, plannedSeconds: 1500, actualSeconds: 1400, organizerTalkSeconds: 300, otherTalkSeconds: 1100 },
  { position: 4, plannedSeconds: 600, actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null },
];

describe('resuming a draft meeting', () => {
  test('goes back to the current phase with the time and talk already spent in it', () => {
    expect(resumePoint(phases, 3)).toEqual({
      phaseIndex: 2,
      elapsedMs: 125_000,
      extraSeconds: 0,
      talk: { organizerMs: 20_000, otherMs: 105_000, longestMs: 0, marks: null },
      remainingMs: 775_000,
    });
  });

  test('starts a phase that was never reached from zero', () => {
    expect(resumePoint(phases, 4)).toEqual({
      phaseIndex: 3,
      elapsedMs: 0,
      extraSeconds: 0,
      talk: { organizerMs: 0, otherMs: 0, longestMs: 0, marks: null },
      remainingMs: 600_000,
    });
  });

  test('gives negative remaining time for a phase left in overtime', () => {
    expect(resumePoint(phases, 1).remainingMs).toBe(-10_000);
  });

  test('falls back to the last phase when the current position is past the end', () => {
    expect(resumePoint(phases, 9).phaseIndex).toBe(3);
  });

  test('adds up the talk of the earlier phases for the meeting share', () => {
    expect(talkBeforePhase(phases, 2)).toEqual({ organizerMs: 360_000, otherMs: 1_350_000 });
    expect(talkBeforePhase(phases, 0)).toEqual({ organizerMs: 0, otherMs: 0 });
  });
});

describe('phase progress record', () => {
  test('keeps whole seconds, rounded down, of the phase and of each speaker', () => {
    const clock = startPhaseClock(300, 0);
    const talk = toggleSpeaker(startTalkClock(0), 40_500);
    expect(phaseProgressRecord(clock, talk, 61_999)).toEqual({
      actualSeconds: 61,
      extraSeconds: 0,
      organizerTalkSeconds: 21,
      otherTalkSeconds: 40,
      longestMonologueSeconds: 21,
      openQuestions: null,
      reflections: null,
    });
  });

  test('resumes within a second of where a killed session last saved', () => {
    const clock = addMinute(startPhaseClock(300, 0));
    const talk = toggleSpeaker(startTalkClock(0), 100_000);
    const saved = phaseProgressRecord(clock, talk, 200_700);
    const point = resumePoint([{ position: 1, plannedSeconds: 300, ...saved }], 1);
    expect(200_700 - point.elapsedMs).toBeLessThan(1000);
    expect(point.talk).toEqual({ organizerMs: 100_000, otherMs: 100_000, longestMs: 100_000, marks: null });
  });

  test('keeps the minutes added with + so the resumed countdown has the same time left', () => {
    const clock = addMinute(addMinute(startPhaseClock(300, 0)));
    const saved = phaseProgressRecord(clock, startTalkClock(0), 330_000);
    expect(saved.extraSeconds).toBe(120);
    const point = resumePoint([{ position: 1, plannedSeconds: 300, ...saved }], 1);
    expect(point.extraSeconds).toBe(120);
    expect(point.remainingMs).toBe(90_000);
    const resumed = startPhaseClock(300, 5_000, point.elapsedMs, point.extraSeconds);
    expect(phaseRemainingMs(resumed, 5_000)).toBe(90_000);
  });
});
