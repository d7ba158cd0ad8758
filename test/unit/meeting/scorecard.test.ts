import { describe, expect, test } from 'vitest';
import { checklistToAsk, readScorecard, scoreMeeting, scoreOf, SCORE_ITEMS, type MeetingFacts, type ScoreItem } from '../../../src/meeting/scorecard.js';
import type { PhaseRun } from '../../../src/meeting/summary.js';

const phase = (over: Partial<PhaseRun> = {}): PhaseRun => ({
  position: 1, title: 'Listen', plannedSeconds: 600, extraSeconds: 0, actualSeconds: 600, organizerTalkSeconds: 100, otherTalkSeconds: 500,
  maxTalkShare: 0.2, longestMonologueSeconds: 40, ...over,
});

/** A meeting that did everything the guides ask. */
const FULL: MeetingFacts = {
  did: ['purpose', 'their-story', 'barriers', 'referral'],
  noteTags: ['value', 'interest', 'story'],
  agitation: 'rent up 30% and still no heat',
  asks: [{ dueAt: '2026-12-10T19:00:00.000Z', barriers: null, outcome: 'yes' }],
  followUps: 1,
  phases: [phase()],
};

const line = (facts: MeetingFacts, item: ScoreItem) => scoreMeeting(facts).lines.find((l) => l.item === item);

describe('the scorecard, item by item', () => {
  test('a meeting that did everything meets every item that applies', () => {
    const card = scoreMeeting(FULL);
    expect(card.lines.map((l) => l.item)).toEqual(SCORE_ITEMS.filter((item) => item !== 'pivot'));
    expect(card.lines.every((l) => l.met)).toBe(true);
    expect(scoreOf(card)).toEqual({ met: 12, of: 12 });
  });

  const absent: [ScoreItem, Partial<MeetingFacts>][] = [
    ['purpose', { did: ['their-story', 'barriers', 'referral'] }],
    ['their-story', { did: ['purpose', 'barriers', 'referral'] }],
    ['referral', { did: ['purpose', 'their-story', 'barriers'] }],
    ['value', { noteTags: ['interest', 'story'] }],
    ['interest', { noteTags: ['value', 'story'] }],
    ['your-story', { noteTags: ['value', 'interest'] }],
    ['agitation', { agitation: '  ' }],
    ['specific-ask', { asks: [{ dueAt: null, barriers: null, outcome: 'yes' }] }],
    ['barriers', { did: ['purpose', 'their-story', 'referral'] }],
    ['follow-up', { followUps: 0 }],
    ['talk-share', { phases: [phase({ organizerTalkSeconds: 300, otherTalkSeconds: 300 })] }],
    ['monologue', { phases: [phase({ longestMonologueSeconds: 400 })] }],
  ];
  test.each(absent)('%s: missed when the meeting lacks it', (item, change) => {
    expect(line({ ...FULL, ...change }, item)?.met).toBe(false);
    expect(line(FULL, item)?.met).toBe(true);
  });

  test('barriers are met by a barrier noted on an ask, without the tick', () => {
    const noted = { ...FULL, did: ['purpose' as const], asks: [{ dueAt: null, barriers: 'childcare', outcome: 'maybe' }] };
    expect(line(noted, 'barriers')?.met).toBe(true);
  });

  test('barriers do not apply without an ask, nor pivot without a no', () => {
    const noAsk = scoreMeeting({ ...FULL, asks: [] });
    expect(noAsk.lines.map((l) => l.item)).not.toContain('barriers');
    expect(noAsk.lines.map((l) => l.item)).not.toContain('pivot');
    expect(line({ ...FULL, asks: [] }, 'specific-ask')?.met, 'no ask is a missed ask').toBe(false);
  });

  test('a no is met by a smaller ask after it, and missed without one', () => {
    const no = { dueAt: null, barriers: null, outcome: 'no' };
    const smaller = { dueAt: '2026-12-10T19:00:00.000Z', barriers: null, outcome: 'yes' };
    expect(line({ ...FULL, asks: [no] }, 'pivot')?.met).toBe(false);
    expect(line({ ...FULL, asks: [no, smaller] }, 'pivot')?.met).toBe(true);
    expect(line({ ...FULL, asks: [smaller, no] }, 'pivot')?.met, 'the pivot comes after the no').toBe(false);
  });

  test('the talk items apply only to a timed meeting, and say which phase and limit', () => {
    const logged = scoreMeeting({ ...FULL, phases: [phase({ actualSeconds: null, organizerTalkSeconds: null, otherTalkSeconds: null, longestMonologueSeconds: null })] });
    expect(logged.lines.map((l) => l.item)).not.toContain('talk-share');
    expect(logged.lines.map((l) => l.item)).not.toContain('monologue');
    const phases = [phase(), phase({ position: 2, title: 'Story', organizerTalkSeconds: 240, otherTalkSeconds: 360, maxTalkShare: 0.3, longestMonologueSeconds: 200 })];
    expect(line({ ...FULL, phases }, 'talk-share')).toEqual({ item: 'talk-share', met: false, detail: { phase: 'Story', share: 0.4, limit: 0.3 } });
    expect(line({ ...FULL, phases }, 'monologue')).toMatchObject({ item: 'monologue', met: false, detail: { phase: 'Story', seconds: 200 } });
  });

  test('a guide keeps only the items it names, in the guides\' order', () => {
    const card = scoreMeeting(FULL, ['follow-up', 'value']);
    expect(card.lines.map((l) => l.item)).toEqual(['value', 'follow-up']);
  });
});

describe('the checklist and what is stored', () => {
  test('asks only what the record does not already show', () => {
    expect(checklistToAsk({ did: [], asks: [] })).toEqual(['purpose', 'their-story', 'referral']);
    expect(checklistToAsk({ did: ['purpose'], asks: [{ dueAt: null, barriers: null, outcome: null }] })).toEqual(['their-story', 'barriers', 'referral']);
    expect(checklistToAsk({ did: [], asks: [{ dueAt: null, barriers: 'rides', outcome: null }] })).not.toContain('barriers');
  });

  test('a stored card reads back as it was; anything else reads as none', () => {
    const card = scoreMeeting(FULL);
    expect(readScorecard(JSON.stringify(card))).toEqual(card);
    expect(readScorecard(null)).toBeNull();
    expect(readScorecard('not json')).toBeNull();
    expect(readScorecard('{"lines":[{"item":"made-up","met":true},{"item":"value","met":false}]}')).toEqual({ lines: [{ item: 'value', met: false }] });
  });
});
