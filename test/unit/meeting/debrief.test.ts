import { describe, expect, test } from 'vitest';
import { DEBRIEF, DEBRIEF_STEPS, isDebriefStep, mentionsTime, nextStep, type DebriefStep } from '../../../src/meeting/debrief.js';
import { SCORE_ITEMS } from '../../../src/meeting/scorecard.js';

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

  test('then walks through what was heard, agitation, story, rung, potential, assessment, referrals and the follow-up to the summary', () => {
    expect(walk('notes')).toEqual([
      'notes', 'heard-value', 'heard-interest', 'heard-issue', 'heard-skill', 'heard-capacity',
      'agitation', 'story', 'rung', 'potential', 'assessment', 'units', 'referrals', 'checklist', 'followup-due', 'followup-text', 'reflection', 'summary',
    ]);
  });

  test('no follow-up still ends on the reflection, the last question', () => {
    expect(DEBRIEF['followup-due'].answer(null, {} as never).next).toBe('reflection');
    expect(DEBRIEF.reflection.answer(null, {} as never)).toEqual({ writes: [], next: 'summary' });
    expect(DEBRIEF.reflection.answer('ask sooner', {} as never)).toEqual({ writes: [{ kind: 'reflection', text: 'ask sooner' }], next: 'summary' });
  });

  test('a name given is asked how they know each other, then "anyone else?" again; skipped, or when already related, nothing is written', () => {
    const view = (related: boolean) => ({ personName: 'Ana Ruiz', referrals: ['Joan Baez'], lastReferral: { name: 'Joan Baez', related } }) as never;
    expect(DEBRIEF.referrals.answer('Joan Baez', view(false))).toEqual({ writes: [{ kind: 'referral', name: 'Joan Baez' }], next: 'referral-how' });
    expect(DEBRIEF['referral-how'].prompt(view(false))).toMatchObject({ kind: 'select', message: { id: 'referral-how', params: { person: 'Ana Ruiz', referral: 'Joan Baez' } }, default: null });
    expect(DEBRIEF['referral-how'].prompt(view(true))).toBeNull();
    expect(DEBRIEF['referral-how'].answer('coworker', view(false))).toEqual({ writes: [{ kind: 'referral-relation', name: 'Joan Baez', relation: 'coworker' }], next: 'referrals' });
    expect(DEBRIEF['referral-how'].answer(null, view(false))).toEqual({ writes: [], next: 'referrals' });
    expect(DEBRIEF.assessment.answer(2, { assessment: 0 } as never)).toEqual({ writes: [{ kind: 'assessment', level: 2 }], next: 'units' });
    expect(DEBRIEF.assessment.answer(null, { assessment: 3 } as never)).toEqual({ writes: [], next: 'units' });
    expect(DEBRIEF.units.answer('Building 12', { units: [] } as never)).toEqual({ writes: [{ kind: 'unit', name: 'Building 12' }], next: 'stay' });
    expect(DEBRIEF.units.answer('building 12', { units: ['Building 12'] } as never)).toEqual({ writes: [], next: 'referrals' });
    expect(DEBRIEF.units.answer(null, { units: [] } as never)).toEqual({ writes: [], next: 'referrals' });
  });

  test('the checklist asks only what the record cannot tell, and keeps what was ticked before', () => {
    const view = { checklist: ['referral'], asks: [{ dueAt: null, barriers: 'childcare', outcome: 'yes' }], scorecardItems: SCORE_ITEMS } as never;
    expect(DEBRIEF.checklist.prompt(view)).toEqual({ kind: 'tick', message: { id: 'checklist', params: undefined }, items: ['purpose', 'their-story'] });
    expect(DEBRIEF.checklist.answer(['their-story'], view)).toEqual({ writes: [{ kind: 'checklist', items: ['referral', 'their-story'] }], next: 'followup-due' });
    expect(DEBRIEF.checklist.answer([], view)).toEqual({ writes: [], next: 'followup-due' });
    const noAsk = { checklist: [], asks: [], scorecardItems: SCORE_ITEMS } as never;
    expect((DEBRIEF.checklist.prompt(noAsk) as { items: string[] }).items, 'no ask: no barriers to ask about').toEqual(['purpose', 'their-story', 'referral']);
    const guideWithout = { checklist: [], asks: [], scorecardItems: ['value', 'follow-up'] } as never;
    expect(DEBRIEF.checklist.prompt(guideWithout), 'a guide that keeps none of them: no question').toBeNull();
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
