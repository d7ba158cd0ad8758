import type { Organizer } from '../store/contract.js';
import { counted, formatShare } from '../support/format.js';

/** Where an organizer stands against their weekly goal, as the review says it. */
export type Standing =
  | { kind: 'none' }
  | { kind: 'no-goal' }
  | { kind: 'on-goal'; over: number }
  | { kind: 'short'; short: number; goal: number };

export interface VerdictInput {
  standing: Standing;
  /** The week still under way: "so far". */
  current: boolean;
  /** The median talk share, when over the guides' line. */
  talkOver?: { share: number; line: number };
}

export function oneOnOnes(n: number): string {
  return counted(n, 'one-on-one');
}

export function standingWords(standing: Standing, current: boolean): string {
  const soFar = current ? ' so far' : '';
  switch (standing.kind) {
    case 'none':
      return current ? 'no 1:1s this week' : 'no 1:1s that week';
    case 'no-goal':
      return 'no weekly goal set';
    case 'on-goal':
      return standing.over > 0 ? `on goal, ${standing.over} over` : 'on goal';
    case 'short':
      return `${standing.short} short of the goal of ${standing.goal}${soFar}`;
  }
}

export function verdictWords(verdict: VerdictInput): string {
  const talk = verdict.talkOver ? `; talks ${formatShare(verdict.talkOver.share)}, over the ${formatShare(verdict.talkOver.line)} line` : '';
  return `${standingWords(verdict.standing, verdict.current)}${talk}`;
}

export const WEEK_HEAD = {
  organizer: 'organizer',
  week: 'week',
  oneOnOnes: '1:1s / goal',
  talk: 'talk',
  asks: 'asks made / yes / kept',
  broughtIn: 'brought in',
  ladder: 'ladder up / down',
  overdue: 'overdue',
  verdict: 'verdict',
} as const;

export function weekTitle(label: string, monday: string, sunday: string, current: boolean): string {
  return `Week ${label}, ${monday} to ${sunday}${current ? ' (this week)' : ''}`;
}

export function organizerTitle(name: string, role: string, weeks: number): string {
  return `${name} (${role}), the last ${weeks} weeks`;
}

export const TALK_FOOTNOTE =
  'talk: the median share of the talking in their 1:1s with talk time recorded (oneonone start measures it; log does not); – where none was.';

export function nobodyWords(current: boolean): string {
  return `Nobody on the team${current ? ' yet' : ''} whose week you may see.`;
}

export function notYoursWords(me: Organizer | undefined, whose: string): string {
  if (!me) return `you are not on the team, so ${whose}'s week is not yours to see`;
  const who = me.role === 'organizer' ? 'an organizer' : `a ${me.role}`;
  return `as ${who}, ${me.name} sees their own week${me.role === 'lead' ? " and their organizers'" : ''}, not ${whose}'s`;
}

export const NOT_YOURS_HINT = 'see your own without --organizer';

export function goalSetWords(change: { organizer?: string; weekly: number; was: number | null }): string {
  const whose = change.organizer === undefined ? "The team's weekly goal" : `${change.organizer}'s weekly goal`;
  const was = change.was === null ? '' : change.was === change.weekly ? ' (unchanged)' : ` (was ${change.was})`;
  const rest = change.organizer === undefined ? '; an organizer with a goal of their own keeps it' : '';
  return `${whose} is now ${oneOnOnes(change.weekly)} a week${was}${rest}. See the week with: oneonone team week`;
}

export const WEEKS_RANGE_HINT = 'e.g. --weeks 8 (at most 520, ten years)';
export const GOAL_RANGE_HINT = 'e.g. --weekly 10 (from 1 to 100 one-on-ones a week)';
