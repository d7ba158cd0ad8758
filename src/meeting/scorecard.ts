import { summarizeMeeting, type PhaseRun } from './summary.js';

/**
 * What a trainer checks when debriefing an organizer's one-on-one, in the guides' order. A meeting is scored on
 * what it recorded; the record cannot tell four of them, so the debrief asks (CHECKLIST).
 */
export const SCORE_ITEMS = [
  'purpose', 'interest', 'value', 'their-story', 'your-story', 'agitation', 'specific-ask', 'barriers', 'pivot',
  'referral', 'follow-up', 'talk-share', 'monologue',
] as const;

export type ScoreItem = (typeof SCORE_ITEMS)[number];

/** Ticked by the organizer in the debrief (or `log --did`): nothing else in the record says whether they happened. */
export const CHECKLIST = ['purpose', 'their-story', 'barriers', 'referral'] as const;

export type ChecklistItem = (typeof CHECKLIST)[number];

export function isScoreItem(text: string): text is ScoreItem {
  return (SCORE_ITEMS as readonly string[]).includes(text);
}

export function isChecklistItem(text: string): text is ChecklistItem {
  return (CHECKLIST as readonly string[]).includes(text);
}

/** What a meeting recorded, as the rules read it. */
export interface MeetingFacts {
  did: readonly ChecklistItem[];
  noteTags: readonly string[];
  agitation: string | null;
  /** In the order they were made: a pivot is an ask after a no. */
  asks: readonly { dueAt: string | null; barriers: string | null; outcome: string | null }[];
  followUps: number;
  /** The timed phases; empty for a meeting logged afterwards. */
  phases: readonly PhaseRun[];
}

export type ScoreDetail = Record<string, string | number>;

/** One item as it was scored: kept with the meeting, so a later change of the rules does not rewrite it. */
export interface ScoreLine {
  item: ScoreItem;
  met: boolean;
  /** The figures behind a talk item (share and limit, seconds and limit, the phase). */
  detail?: ScoreDetail;
}

export interface Scorecard {
  lines: ScoreLine[];
}

interface Rule {
  /** False when the item does not arise in this meeting (no ask, no no, nothing timed). */
  applies?(facts: MeetingFacts): boolean;
  met(facts: MeetingFacts): boolean | { met: boolean; detail: ScoreDetail };
}

const heard = (tag: string): Rule => ({ met: (facts) => facts.noteTags.includes(tag) });
const ticked = (item: ChecklistItem): Rule => ({ met: (facts) => facts.did.includes(item) });
const timed = (facts: MeetingFacts) => summarizeMeeting(facts.phases).phases.some((phase) => phase.share !== null);
const firstNo = (facts: MeetingFacts) => facts.asks.findIndex((ask) => ask.outcome === 'no');

export const RULES: Readonly<Record<ScoreItem, Rule>> = {
  purpose: ticked('purpose'),
  interest: heard('interest'),
  value: heard('value'),
  'their-story': ticked('their-story'),
  'your-story': heard('story'),
  agitation: { met: (facts) => (facts.agitation ?? '').trim() !== '' },
  'specific-ask': { met: (facts) => facts.asks.some((ask) => ask.dueAt !== null) },
  barriers: {
    applies: (facts) => facts.asks.length > 0,
    met: (facts) => facts.did.includes('barriers') || facts.asks.some((ask) => (ask.barriers ?? '').trim() !== ''),
  },
  pivot: { applies: (facts) => firstNo(facts) >= 0, met: (facts) => facts.asks.length > firstNo(facts) + 1 },
  referral: ticked('referral'),
  'follow-up': { met: (facts) => facts.followUps > 0 },
  'talk-share': { applies: timed, met: talkShareMet },
  monologue: { applies: (facts) => summarizeMeeting(facts.phases).longestMonologue !== null, met: monologueMet },
};

/** The most talkative phase against its limit: one phase over is enough to miss it. */
function talkShareMet(facts: MeetingFacts): { met: boolean; detail: ScoreDetail } {
  const phases = summarizeMeeting(facts.phases).phases.filter((phase) => phase.share !== null);
  const worst = phases.reduce((a, b) => (b.share! - b.maxTalkShare > a.share! - a.maxTalkShare ? b : a));
  return { met: !phases.some((phase) => phase.overShare), detail: { phase: worst.title, share: worst.share!, limit: worst.maxTalkShare } };
}

function monologueMet(facts: MeetingFacts): { met: boolean; detail: ScoreDetail } {
  const longest = summarizeMeeting(facts.phases).longestMonologue!;
  return { met: longest.seconds <= longest.limitSeconds, detail: { phase: longest.title, seconds: longest.seconds, limit: longest.limitSeconds } };
}

/** The meeting scored on the items its guide keeps (every item unless it says), in the guides' order. */
export function scoreMeeting(facts: MeetingFacts, items: readonly ScoreItem[] = SCORE_ITEMS): Scorecard {
  const lines = SCORE_ITEMS.filter((item) => items.includes(item) && (RULES[item].applies?.(facts) ?? true)).map((item): ScoreLine => {
    const result = RULES[item].met(facts);
    return typeof result === 'boolean' ? { item, met: result } : { item, ...result };
  });
  return { lines };
}

export function scoreOf(card: Scorecard): { met: number; of: number } {
  return { met: card.lines.filter((line) => line.met).length, of: card.lines.length };
}

/** The checklist items still to ask about: what the record already shows (a referral named, barriers noted) is not asked again. */
export function checklistToAsk(facts: Pick<MeetingFacts, 'did' | 'asks'>, items: readonly ScoreItem[] = SCORE_ITEMS): ChecklistItem[] {
  return CHECKLIST.filter((item) => {
    if (!items.includes(item) || facts.did.includes(item)) return false;
    if (item === 'barriers') return RULES.barriers.applies!(facts as MeetingFacts) && !RULES.barriers.met(facts as MeetingFacts);
    return true;
  });
}

/** A stored scorecard read back; anything not shaped like one (a hand-edited row) reads as none. */
export function readScorecard(json: string | null): Scorecard | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as { lines?: unknown };
    if (!Array.isArray(value.lines)) return null;
    const lines = value.lines.filter((line): line is ScoreLine => typeof line?.item === 'string' && isScoreItem(line.item) && typeof line.met === 'boolean');
    return { lines };
  } catch {
    return null;
  }
}

export function readChecklist(json: string | null): ChecklistItem[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is ChecklistItem => typeof item === 'string' && isChecklistItem(item)) : [];
  } catch {
    return [];
  }
}
