/** The scorecard's words: each item as a line, what was missing, the guides' tip, and the debrief's checklist. */
import type { ChecklistItem, ScoreDetail, ScoreItem, ScoreLine, Scorecard } from '../meeting/scorecard.js';
import { counted, formatElapsed, formatShare } from '../support/format.js';

interface ItemWords {
  /** What a kept habit reads as, in the past tense ("asked for a referral"). */
  done: string;
  /** What was missing, in words. */
  missing: string;
  /** From the guides: how to do it next time. */
  tip: string;
}

const WORDS: Record<ScoreItem, ItemWords> = {
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

export const SCORECARD_TITLE = 'Scorecard';

export function scoreWords(card: Scorecard): string {
  const met = card.lines.filter((line) => line.met).length;
  return `${met} of ${card.lines.length}`;
}

/** In `show`'s line for a meeting: "scorecard 8 of 11". */
export function scoreShown(card: Scorecard): string {
  return `scorecard ${scoreWords(card)}`;
}

export function habitDone(item: ScoreItem): string {
  return WORDS[item].done;
}

/** An item of the card: what was done, or what was missing (capitalised) with its tip; with its figures. */
export function scoreLineWords(line: ScoreLine): { text: string; tip?: string } {
  const words = WORDS[line.item];
  const figures = line.detail ? ` (${detailWords(line.item, line.detail)})` : '';
  return line.met ? { text: `${words.done}${figures}` } : { text: `${capital(words.missing)}${figures}`, tip: words.tip };
}

/** "Kept: heard a value; set a follow-up." */
export function keptWords(done: string[]): string {
  return `Kept: ${done.join('; ')}.`;
}

function detailWords(item: ScoreItem, detail: ScoreDetail): string {
  if (item === 'talk-share') return `${formatShare(Number(detail.share))} at most, in ${detail.phase}; its limit ${formatShare(Number(detail.limit))}`;
  if (item === 'monologue') return `${formatElapsed(Number(detail.seconds) * 1000)} in ${detail.phase}; its limit ${formatElapsed(Number(detail.limit) * 1000)}`;
  return '';
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const NO_SCORECARD = 'No scorecard: this meeting was recorded before scorecards were kept.';

// ── the debrief's checklist ────────────────────────────────────────────────

export const CHECKLIST_QUESTION = 'Which of these did you do? (space ticks, Enter confirms; none is fine)';
export const CHECKLIST_PLAIN = 'Numbers to tick, separated by spaces (Enter for none): ';

const CHECKLIST_WORDS: Record<ChecklistItem, string> = {
  purpose: 'Said why I was meeting and how I got their name',
  'their-story': 'Heard their story (what shaped them)',
  barriers: 'Asked what might stand in the way of the ask',
  referral: 'Asked who else I should talk to',
};

export function checklistWords(item: ChecklistItem): string {
  return CHECKLIST_WORDS[item];
}

export const REFLECTION_QUESTION = 'What would you do differently next time? (Enter to skip)';

// ── review and the habits in stats ─────────────────────────────────────────

export function reviewHeading(meetingId: number, person: string, when: string, card: Scorecard | null): string {
  return `M${meetingId} with ${person}, ${when}${card ? `: ${scoreWords(card)}` : ''}`;
}

export const REVIEW_LATER = (meetingId: number) => `See it again, and add to your reflection, with: oneonone review M${meetingId}`;

export const REFLECTION_HEADING = 'What you would do differently';

export function coachNoteHeading(coach: string, day: string): string {
  return `A note from your coach, ${coach} (${day})`;
}
export const NO_REFLECTION = 'No reflection yet. Add one: oneonone review M{id} --add "…"';

export function reflectionAdded(meetingId: number): string {
  return `Added to your reflection on M${meetingId}.`;
}

/** "You asked who else you should talk to in 2 of the 10 meetings where it applied." */
export function skippedHabit(item: ScoreItem, met: number, of: number): string {
  return `You ${WORDS[item].done} in ${met} of the ${counted(of, 'meeting')} where it applied.`;
}
