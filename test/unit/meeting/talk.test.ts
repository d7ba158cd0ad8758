import { describe, expect, test } from 'vitest';
import {
  meetingShare,
  organizerStretchMs,
  pauseTalk,
  resumeTalk,
  startTalkClock,
  talkReminders,
  talkShare,
  talkTotals,
  toggleSpeaker,
  verdict,
  meetingTalkGoal,
  monologueLimitMs,
} from '../../../src/meeting/talk.js';
import { reminderWords, verdictWords } from '../../../src/messages/meeting.js';

describe('talk clock', () => {
  test('assumes the other person is talking when a phase starts', () => {
    const talk = startTalkClock(0);
    expect(talk.speaker).toBe('other');
    expect(talkTotals(talk, 10_000)).toEqual({ organizerMs: 0, otherMs: 10_000 });
  });

  test('counts the organizer from the tap that says they started until the tap that says they stopped', () => {
    let talk = startTalkClock(0);
    talk = toggleSpeaker(talk, 40_000);
    talk = toggleSpeaker(talk, 50_000);
    expect(talkTotals(talk, 60_000)).toEqual({ organizerMs: 10_000, otherMs: 50_000 });
  });

  test('goes on from totals carried over from a resumed meeting', () => {
    const talk = startTalkClock(0, { organizerMs: 5000, otherMs: 20_000 });
    expect(talkTotals(talk, 1000)).toEqual({ organizerMs: 5000, otherMs: 21_000 });
  });

  test('stops both speakers while paused', () => {
    let talk = toggleSpeaker(startTalkClock(0), 10_000);
    talk = pauseTalk(talk, 20_000);
    expect(talkTotals(talk, 500_000)).toEqual({ organizerMs: 10_000, otherMs: 10_000 });
    talk = resumeTalk(talk, 500_000);
    expect(talkTotals(talk, 505_000)).toEqual({ organizerMs: 15_000, otherMs: 10_000 });
  });

  test("measures the organizer's current stretch, across a pause, and forgets it when they stop", () => {
    let talk = toggleSpeaker(startTalkClock(0), 10_000);
    expect(organizerStretchMs(talk, 70_000)).toBe(60_000);
    talk = resumeTalk(pauseTalk(talk, 70_000), 200_000);
    expect(organizerStretchMs(talk, 230_000)).toBe(90_000);
    talk = toggleSpeaker(talk, 230_000);
    expect(organizerStretchMs(talk, 240_000)).toBe(0);
  });

  test('has no share before any time has passed, then the organizer share of the talk', () => {
    expect(talkShare({ organizerMs: 0, otherMs: 0 })).toBeNull();
    expect(talkShare({ organizerMs: 31_000, otherMs: 69_000 })).toBeCloseTo(0.31);
  });
});

describe('talk reminders', () => {
  const base = { maxTalkShare: 0.2, stretchMs: 0, plannedMs: 25 * 60_000 };

  test('remind in words when the organizer talked more than the phase allows', () => {
    const reminders = talkReminders({ ...base, phaseTotals: { organizerMs: 31_000, otherMs: 69_000 }, phaseElapsedMs: 100_000 });
    expect(reminders).toEqual([{ kind: 'share', share: 0.31 }]);
    expect(reminders.map(reminderWords)).toEqual(["You've talked 31% of this phase. Ask an open question and listen."]);
  });

  test('wait for the first minute of a phase before reminding about the share', () => {
    const phaseTotals = { organizerMs: 30_000, otherMs: 29_000 };
    expect(talkReminders({ ...base, phaseTotals, phaseElapsedMs: 59_000 })).toEqual([]);
    expect(talkReminders({ ...base, phaseTotals, phaseElapsedMs: 60_000 }).map((r) => r.kind)).toEqual(['share']);
  });

  test('wait only a quarter of a phase shorter than four minutes', () => {
    const short = { ...base, plannedMs: 120_000, phaseTotals: { organizerMs: 15_000, otherMs: 15_000 } };
    expect(talkReminders({ ...short, phaseElapsedMs: 29_000 })).toEqual([]);
    expect(talkReminders({ ...short, phaseElapsedMs: 30_000 }).map((r) => r.kind)).toEqual(['share']);
  });

  test('do not nag in an exchange phase that allows 60% when the organizer talked half of it', () => {
    const reminders = talkReminders({
      ...base,
      maxTalkShare: 0.6,
      phaseTotals: { organizerMs: 150_000, otherMs: 150_000 },
      phaseElapsedMs: 300_000,
    });
    expect(reminders).toEqual([]);
  });

  test('do not remind at a share that reads as the limit itself', () => {
    const reminders = talkReminders({ ...base, phaseTotals: { organizerMs: 20_400, otherMs: 79_600 }, phaseElapsedMs: 100_000 });
    expect(reminders).toEqual([]);
  });

  test('warn of a monologue after 91 seconds of talking at a stretch, not at 90', () => {
    const phaseTotals = { organizerMs: 0, otherMs: 0 };
    expect(talkReminders({ ...base, phaseTotals, stretchMs: 90_000, phaseElapsedMs: 0 })).toEqual([]);
    const reminders = talkReminders({ ...base, phaseTotals, stretchMs: 91_000, phaseElapsedMs: 0 });
    expect(reminders).toEqual([{ kind: 'monologue', seconds: 91 }]);
    expect(reminders.map(reminderWords)).toEqual([
      "You've been talking for 91 seconds without a break. Pause and hand the conversation back.",
    ]);
  });
});

describe('monologue limit and meeting goal', () => {
  test('the monologue warning waits longer in a phase where the organizer is meant to tell their story', () => {
    const phaseTotals = { organizerMs: 0, otherMs: 0 };
    const exchange = { maxTalkShare: 0.6, plannedMs: 600_000, phaseTotals, phaseElapsedMs: 0 };
    expect(monologueLimitMs(0.2)).toBe(90_000);
    expect(monologueLimitMs(0.6)).toBe(270_000);
    expect(talkReminders({ ...exchange, stretchMs: 120_000 })).toEqual([]);
    expect(talkReminders({ ...exchange, stretchMs: 271_000 }).map((r) => r.kind)).toEqual(['monologue']);
  });

  test('the meeting goal weighs each phase limit by its planned time', () => {
    // agenda at 60 minutes: 5 min at 50%, 25 and 15 at 20%, 10 at 60%, 5 at 50%.
    const goal = meetingTalkGoal([
      { plannedSeconds: 300, maxTalkShare: 0.5 },
      { plannedSeconds: 1500, maxTalkShare: 0.2 },
      { plannedSeconds: 900, maxTalkShare: 0.2 },
      { plannedSeconds: 600, maxTalkShare: 0.6 },
      { plannedSeconds: 300, maxTalkShare: 0.5 },
    ]);
    expect(goal).toBeCloseTo(1140 / 3600, 6);
    expect(meetingTalkGoal([])).toBe(0.2);
    expect(verdictWords(verdict(0.28, goal))).toBe('You listened well: 28% talking.');
  });
});

describe('meeting share and verdict', () => {
  test('adds up the talk of every phase', () => {
    const share = meetingShare([
      { organizerSeconds: 60, otherSeconds: 240 },
      { organizerSeconds: 120, otherSeconds: 180 },
    ]);
    expect(share).toBeCloseTo(0.3);
    expect(meetingShare([])).toBeNull();
  });

  test('praises listening at or under the 20% goal', () => {
    expect(verdictWords(verdict(0.18))).toBe('You listened well: 18% talking.');
    expect(verdictWords(verdict(0.2))).toBe('You listened well: 20% talking.');
  });

  test('says how far over the goal the organizer talked', () => {
    expect([0.25, 0.35, 0.42].map((share) => verdict(share).code)).toEqual(['little-over', 'well-over', 'twice-over']);
    expect(verdictWords(verdict(0.25))).toBe('You talked 25%, a little over the 20% goal. Leave them more room to talk.');
    expect(verdictWords(verdict(0.35))).toBe('You talked 35%, well over the 20% goal. Ask open questions and let silences work.');
    expect(verdictWords(verdict(0.42))).toBe('You talked 42%, more than twice the 20% goal. Next time, ask and wait.');
  });

  test('says so when no talk was recorded', () => {
    expect(verdict(null)).toEqual({ code: 'no-talk' });
    expect(verdictWords(verdict(null))).toBe('No talk time was recorded.');
  });
});
