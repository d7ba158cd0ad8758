/** The scorecard's words: each item as a line, what was missing, the guides' tip, and the debrief's checklist. Another language is another module of this shape. */
import type { ChecklistItem, ScoreDetail, ScoreItem, ScoreLine, Scorecard } from '../meeting/scorecard.js';
import { counted, formatDate, formatDateTime, formatElapsed, formatShare } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export interface ItemWords {
  /** What a kept habit reads as, in the past tense ("asked for a referral"). */
  done: string;
  /** What was missing, in words. */
  missing: string;
  /** From the guides: how to do it next time. */
  tip: string;
}

/** The scorecard's words: in the summary, after `log`, in `review`, in `show` and in the debrief's checklist. */
export interface ScorecardWords {
  items: Readonly<Record<ScoreItem, ItemWords>>;
  /** "Scorecard", before its score. */
  title: string;
  /** "8 of 11". */
  score(met: number, of: number): string;
  /** In `show`'s line for a meeting: "scorecard 8 of 11". */
  shown(score: string): string;
  /** "Kept: heard a value; set a follow-up." */
  kept(done: string[]): string;
  /** An item missed, with the guides' tip. */
  missed(text: string, tip: string): string;
  /** The figures of the most talkative phase against its limit. */
  talkShare(detail: { share: number; phase: string; limit: number }): string;
  /** The longest stretch of talk against its phase's limit. */
  monologue(detail: { seconds: number; phase: string; limit: number }): string;
  noScorecard: string;
  checklistQuestion: string;
  /** Plain mode's line under the numbered checklist. */
  checklistPlain: string;
  checklist: Readonly<Record<ChecklistItem, string>>;
  reflectionQuestion: string;
  reviewHeading(meeting: string, person: string, when: string, score: string | null): string;
  /** When a meeting was held, in review's heading: "Fri 4 Dec 2026, 18:00". */
  when(moment: string | Date): string;
  /** The day of a coach's note: "Fri 4 Dec 2026". */
  day(moment: string | Date): string;
  reviewLater(meeting: string): string;
  reflectionHeading: string;
  coachNoteHeading(coach: string, day: string): string;
  noReflection(meeting: string): string;
  reflectionAdded(meeting: string): string;
  /** `stats`: a habit skipped, from its words when kept: "You asked who else … in 2 of the 10 meetings where it applied." */
  skippedHabit(done: string, met: number, of: number): string;
  /** Why `review` will not show a meeting. */
  reviewRefusals: Readonly<Record<ReviewRefusal, (meeting: string) => { message: string; hint: string }>>;
}

/** Why `review` refuses: what was typed is not a meeting's id, there is none yet, there is no such one, or it is a draft. */
export type ReviewRefusal = 'not-a-meeting' | 'none-yet' | 'no-such-meeting' | 'not-over';

const ITEMS: Record<ScoreItem, ItemWords> = {
  purpose: {
    done: 'said why you were meeting and how you got their name',
    missing: 'no word on why you were meeting or how you got their name',
    tip: 'Open with your credential ("My friend Joan said you had great ideas about the school").',
  },
  interest: {
    done: 'heard a self-interest',
    missing: 'no self-interest noted',
    tip: 'Ask what is at stake for them ("What would change for your family if…?").',
  },
  value: {
    done: 'heard a value',
    missing: 'no value noted',
    tip: 'Listen for what they care about and write it in their words.',
  },
  'their-story': {
    done: 'heard their story',
    missing: 'their story was not heard',
    tip: 'Ask what events or decisions shaped them, then listen.',
  },
  'your-story': {
    done: 'shared your story',
    missing: 'you did not share your own story',
    tip: 'Share a little of yours, briefly: a relationship goes both ways.',
  },
  agitation: {
    done: 'agitated',
    missing: 'no agitation raised',
    tip: 'Name the gap between what they value and how things are ("Why haven\'t you done something about it?").',
  },
  'specific-ask': {
    done: 'made a specific ask with a day and a time',
    missing: 'no ask with a day and a time',
    tip: 'Make it time-bound and achievable ("the tenants\' meeting, Thursday at 7 pm").',
  },
  barriers: {
    done: 'asked what might stand in the way',
    missing: 'you did not ask what might stop them',
    tip: 'Ask what could get in the way and how you can help remove it (a ride, childcare, a reminder).',
  },
  pivot: {
    done: 'met a no with a smaller ask',
    missing: 'a no was left without a smaller ask',
    tip: 'A no is normal; offer a smaller ask, or set a follow-up to come back to it.',
  },
  referral: {
    done: 'asked who else you should talk to',
    missing: 'you did not ask who else you should talk to',
    tip: 'Close by asking "Who else should I talk to?"; it builds the web.',
  },
  'follow-up': {
    done: 'set a follow-up',
    missing: 'no follow-up set',
    tip: 'Be clear about how you will follow up ("I\'ll call Monday to remind you").',
  },
  'talk-share': {
    done: 'kept your talk within the guide\'s limits',
    missing: 'you talked more than the guide allows',
    tip: 'Listen more than you talk (80/20); ask an open question and wait.',
  },
  monologue: {
    done: 'never talked too long at a stretch',
    missing: 'you talked too long at a stretch',
    tip: 'Hand the conversation back; after a minute or so, end with a question.',
  },
};

/** Plain mode's prompt under the numbered checklist, in English; `checklistPlain()` says it in the run's language. */
export const CHECKLIST_PLAIN = 'Numbers to tick, separated by spaces (Enter for none): ';

const SCORECARD_EN: ScorecardWords = {
  items: ITEMS,
  title: 'Scorecard',
  score: (met, of) => `${met} of ${of}`,
  shown: (score) => `scorecard ${score}`,
  kept: (done) => `Kept: ${done.join('; ')}.`,
  missed: (text, tip) => `${text}. Tip: ${tip}`,
  talkShare: ({ share, phase, limit }) => `${formatShare(share)} at most, in ${phase}; its limit ${formatShare(limit)}`,
  monologue: ({ seconds, phase, limit }) => `${formatElapsed(seconds * 1000)} in ${phase}; its limit ${formatElapsed(limit * 1000)}`,
  noScorecard: 'No scorecard: this meeting was recorded before scorecards were kept.',
  checklistQuestion: 'Which of these did you do? (space ticks, Enter confirms; none is fine)',
  checklistPlain: CHECKLIST_PLAIN,
  checklist: {
    purpose: 'Said why I was meeting and how I got their name',
    'their-story': 'Heard their story (what shaped them)',
    barriers: 'Asked what might stand in the way of the ask',
    referral: 'Asked who else I should talk to',
  },
  reflectionQuestion: 'What would you do differently next time? (Enter to skip)',
  reviewHeading: (meeting, person, when, score) => `${meeting} with ${person}, ${when}${score === null ? '' : `: ${score}`}`,
  when: formatDateTime,
  day: formatDate,
  reviewLater: (meeting) => `See it again, and add to your reflection, with: oneonone review ${meeting}`,
  reflectionHeading: 'What you would do differently',
  coachNoteHeading: (coach, day) => `A note from your coach, ${coach} (${day})`,
  noReflection: (meeting) => `No reflection yet. Add one: oneonone review ${meeting} --add "…"`,
  reflectionAdded: (meeting) => `Added to your reflection on ${meeting}.`,
  skippedHabit: (done, met, of) => `You ${done} in ${met} of the ${counted(of, 'meeting')} where it applied.`,
  reviewRefusals: {
    'not-a-meeting': (input) => ({ message: `"${input}" is not a meeting: give it as M12`, hint: 'oneonone review M12 (the ids are in oneonone show "Name")' }),
    'none-yet': () => ({ message: 'there is no meeting to review yet', hint: 'hold one with oneonone start "Name", or record one with oneonone log "Name"' }),
    'no-such-meeting': (meeting) => ({ message: `there is no meeting ${meeting}`, hint: 'the meetings and their ids are in oneonone show "Name"' }),
    'not-over': (meeting) => ({ message: `${meeting} is not over yet: its scorecard comes at the end`, hint: `finish it with: oneonone start --resume ${meeting.slice(1)}` }),
  },
};

const words = (): ScorecardWords => spokenCatalogues()?.scorecard ?? SCORECARD_EN;
const meeting = (id: number) => `M${id}`;

export function scorecardTitle(): string {
  return words().title;
}

export function scoreWords(card: Scorecard): string {
  const met = card.lines.filter((line) => line.met).length;
  return words().score(met, card.lines.length);
}

/** In `show`'s line for a meeting: "scorecard 8 of 11". */
export function scoreShown(card: Scorecard): string {
  return words().shown(scoreWords(card));
}

export function habitDone(item: ScoreItem): string {
  return words().items[item].done;
}

/** An item of the card: what was done, or what was missing (capitalised) with its tip; with its figures. */
export function scoreLineWords(line: ScoreLine): { text: string; tip?: string } {
  const item = words().items[line.item];
  const figures = line.detail ? ` (${detailWords(line.item, line.detail)})` : '';
  return line.met ? { text: `${item.done}${figures}` } : { text: `${capital(item.missing)}${figures}`, tip: item.tip };
}

/** "Kept: heard a value; set a follow-up." */
export function keptWords(done: string[]): string {
  return words().kept(done);
}

/** "No follow-up set. Tip: Be clear about how you will follow up …" */
export function missedWords(text: string, tip: string): string {
  return words().missed(text, tip);
}

function detailWords(item: ScoreItem, detail: ScoreDetail): string {
  const figures = { phase: String(detail.phase), limit: Number(detail.limit) };
  if (item === 'talk-share') return words().talkShare({ ...figures, share: Number(detail.share) });
  if (item === 'monologue') return words().monologue({ ...figures, seconds: Number(detail.seconds) });
  return '';
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function noScorecardWords(): string {
  return words().noScorecard;
}

// ── the debrief's checklist ────────────────────────────────────────────────

export function checklistQuestion(): string {
  return words().checklistQuestion;
}

/** Plain mode's prompt under the numbered checklist (ui/ask.ts). */
export function checklistPlain(): string {
  return words().checklistPlain;
}

export function checklistWords(item: ChecklistItem): string {
  return words().checklist[item];
}

export function reflectionQuestion(): string {
  return words().reflectionQuestion;
}

// ── review and the habits in stats ─────────────────────────────────────────

export function reviewHeading(meetingId: number, person: string, heldAt: string, card: Scorecard | null): string {
  return words().reviewHeading(meeting(meetingId), person, words().when(heldAt), card ? scoreWords(card) : null);
}

export const REVIEW_LATER = (meetingId: number) => words().reviewLater(meeting(meetingId));

export function reflectionHeading(): string {
  return words().reflectionHeading;
}

export function coachNoteHeading(coach: string, at: string): string {
  return words().coachNoteHeading(coach, words().day(at));
}

export function noReflection(meetingId: number): string {
  return words().noReflection(meeting(meetingId));
}

export function reflectionAdded(meetingId: number): string {
  return words().reflectionAdded(meeting(meetingId));
}

/** "You asked who else you should talk to in 2 of the 10 meetings where it applied." */
export function skippedHabit(item: ScoreItem, met: number, of: number): string {
  return words().skippedHabit(habitDone(item), met, of);
}

/** `review`'s refusal, in words: "there is no meeting M12" and how to find one. `input` is what was typed, or the meeting's id. */
export function reviewRefusal(why: ReviewRefusal, input: string | number = ''): { message: string; hint: string } {
  return words().reviewRefusals[why](typeof input === 'number' ? meeting(input) : input);
}
