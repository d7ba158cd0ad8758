import { describe, expect, test } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import { phaseProgressRecord, resumePoint } from '../../../src/meeting/resume.js';
import { summarizeMeeting, type PhaseRun } from '../../../src/meeting/summary.js';
import { longestStretchMs, pauseTalk, resumeTalk, startTalkClock, toggleSpeaker } from '../../../src/meeting/talk.js';
import { longestMonologueWords } from '../../../src/messages/meeting.js';

/** A scripted phase on a fake clock: the organizer talks 0:10–0:40, the other person until 1:00, the organizer 1:00–1:15. */
function scripted() {
  let talk = startTalkClock(0);
  talk = toggleSpeaker(talk, 10_000);
  talk = toggleSpeaker(talk, 40_000);
  talk = toggleSpeaker(talk, 60_000);
  return talk;
}

describe('the longest monologue, by the talk clock', () => {
  test('is the longest stretch that has ended, until a running one outgrows it', () => {
    const talk = scripted();
    expect(longestStretchMs(talk, 70_000)).toBe(30_000);
    expect(longestStretchMs(talk, 100_000)).toBe(40_000);
    expect(longestStretchMs(toggleSpeaker(talk, 75_000), 500_000)).toBe(30_000);
  });

  test('counts a stretch across a pause as one, and the pause itself not at all', () => {
    let talk = toggleSpeaker(startTalkClock(0), 0);
    talk = pauseTalk(talk, 20_000);
    talk = resumeTalk(talk, 80_000);
    expect(longestStretchMs(talk, 95_000)).toBe(35_000);
  });

  test('is zero when the organizer never talked', () => {
    expect(longestStretchMs(startTalkClock(0), 600_000)).toBe(0);
  });

  test('is saved with the phase in whole seconds, and a resumed phase goes on from it', () => {
    const clock = startPhaseClock(300, 0);
    const saved = phaseProgressRecord(clock, scripted(), 74_900);
    expect(saved.longestMonologueSeconds).toBe(30);
    const point = resumePoint([{ position: 1, plannedSeconds: 300, actualSeconds: 74, organizerTalkSeconds: 44, otherTalkSeconds: 30, longestMonologueSeconds: 30 }], 1);
    const resumed = startTalkClock(1_000_000, point.talk);
    expect(longestStretchMs(resumed, 1_000_000)).toBe(30_000);
    expect(longestStretchMs(toggleSpeaker(resumed, 1_000_000), 1_031_000)).toBe(31_000);
  });

  test('a phase saved before it was kept resumes from none', () => {
    const point = resumePoint([{ position: 1, plannedSeconds: 300, actualSeconds: 10, organizerTalkSeconds: 0, otherTalkSeconds: 10 }], 1);
    expect(longestStretchMs(startTalkClock(0, point.talk), 0)).toBe(0);
  });
});

const phase = (position: number, title: string, maxTalkShare: number, longestMonologueSeconds: number | null): PhaseRun => ({
  position, title, plannedSeconds: 300, extraSeconds: 0, actualSeconds: 300, organizerTalkSeconds: 60, otherTalkSeconds: 240, maxTalkShare, longestMonologueSeconds,
});

describe("the summary's longest monologue", () => {
  test('names the phase that held it and that phase\'s limit', () => {
    const outcome = summarizeMeeting([phase(1, 'Listen', 0.2, 40), phase(2, 'Story of self', 0.6, 200), phase(3, 'Ask', 0.5, 95)]);
    expect(outcome.longestMonologue).toEqual({ seconds: 200, position: 2, title: 'Story of self', limitSeconds: 270 });
    expect(longestMonologueWords(outcome.longestMonologue)).toBe('Longest you talked at a stretch: 03:20, in 2. Story of self (that phase allows 04:30).');
  });

  test('says when it went past the limit of its phase', () => {
    const outcome = summarizeMeeting([phase(1, 'Listen', 0.2, 125), phase(2, 'Share', 0.6, 100)]);
    expect(longestMonologueWords(outcome.longestMonologue)).toBe('Longest you talked at a stretch: 02:05, in 1. Listen, past the 01:30 that phase allows. Stop sooner and ask.');
  });

  test('is none when nothing was measured or the organizer never talked', () => {
    expect(summarizeMeeting([phase(1, 'Listen', 0.2, null)]).longestMonologue).toBeNull();
    expect(summarizeMeeting([phase(1, 'Listen', 0.2, 0)]).longestMonologue).toBeNull();
    expect(longestMonologueWords(null)).toBe('Longest you talked at a stretch: none recorded.');
  });
});
