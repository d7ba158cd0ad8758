import { describe, expect, test } from 'vitest';
import { DEBRIEF_STEPS, isDebriefStep, mentionsTime, nextStep, type DebriefStep } from '../../../src/meeting/debrief.js';

/** Walks the debrief from `from`, answering each step with what `answers` says, until the summary. */
function walk(from: DebriefStep, answers: Partial<Record<DebriefStep, Parameters<typeof nextStep>[1]>> = {}): DebriefStep[] {
  const path: DebriefStep[] = [from];
  let step = from;
  while (step !== 'summary' && path.length < 50) {
    step = nextStep(step, answers[step] ?? {});
    path.push(step);
  }
  return path;
}

describe('the debrief after the live phases', () => {
  test('starts with the ask, asks when, what stands in the way and how to help, then what they said', () => {
    expect(walk('ask', { 'ask-outcome': { outcome: 'yes' } }).slice(0, 6)).toEqual(['ask', 'ask-due', 'ask-barriers', 'ask-support', 'ask-outcome', 'notes']);
  });

  test('skips how to help when nothing stands in the way', () => {
    expect(nextStep('ask-barriers', { barriers: false })).toBe('ask-outcome');
    expect(nextStep('ask-barriers', { barriers: true })).toBe('ask-support');
  });

  test('after a no offers a smaller ask, which gets its own date and answer', () => {
    expect(nextStep('ask-outcome', { outcome: 'no' })).toBe('after-no');
    expect(nextStep('ask-outcome', { outcome: 'maybe' })).toBe('notes');
    expect(nextStep('after-no', { afterNo: 'pivot' })).toBe('pivot');
    expect(nextStep('pivot', { askMade: true })).toBe('ask-due');
    expect(nextStep('after-no', { afterNo: 'later' })).toBe('notes');
  });

  test('goes straight to what was heard when no ask was made', () => {
    expect(nextStep('ask', { askMade: false })).toBe('notes');
    expect(nextStep('pivot', { askMade: false })).toBe('notes');
  });

  test('then walks through what was heard, agitation, story, rung, potential, referrals and the follow-up to the summary', () => {
    expect(walk('notes')).toEqual([
      'notes', 'heard-value', 'heard-interest', 'heard-issue', 'heard-skill', 'heard-capacity',
      'agitation', 'story', 'rung', 'potential', 'referrals', 'followup-due', 'followup-text', 'summary',
    ]);
  });

  test('knows its own steps, so a stored step can be trusted on resume', () => {
    expect(DEBRIEF_STEPS.every(isDebriefStep)).toBe(true);
    expect(isDebriefStep('phases')).toBe(false);
    expect(isDebriefStep(null)).toBe(false);
  });
});

describe('a due date names a time of day', () => {
  test('accepts a day with a time, and refuses a day alone', () => {
    for (const text of ['next friday 5pm', '5 pm on February 2nd', '2026-12-02 19:00', 'tomorrow at noon', 'thursday evening', 'in 2 hours', 'monday 9:30']) {
      expect(mentionsTime(text), text).toBe(true);
    }
    for (const text of ['friday', 'next week', '2026-12-02', 'February 2nd']) expect(mentionsTime(text), text).toBe(false);
  });
});
