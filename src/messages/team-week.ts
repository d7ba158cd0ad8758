import type { Organizer } from '../store/contract.js';
import { counted } from '../support/format.js';
import { formats } from './format.js';
import { inEnglish, spokenCatalogues, spokenOr } from './spoken.js';

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

/** What the weekly review says: its headers, titles and verdicts, and the goal's confirmation. Another language is another object of this shape. */
export interface TeamWeekWords {
  standing(standing: Standing, current: boolean): string;
  /** After the standing, when the median talk share is over the line (shares already said: "45%"). */
  talkOver(share: string, line: string): string;
  head: Record<keyof typeof WEEK_HEAD_EN, string>;
  weekTitle(label: string, monday: string, sunday: string, current: boolean): string;
  organizerTitle(name: string, role: string, weeks: number): string;
  talkFootnote: string;
  nobody(current: boolean): string;
  goalSet(change: GoalChange): string;
}

export interface GoalChange {
  organizer?: string;
  weekly: number;
  was: number | null;
}

export function oneOnOnes(n: number): string {
  return counted(n, 'one-on-one');
}

const WEEK_HEAD_EN = {
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

const TEAM_WEEK_EN: TeamWeekWords = {
  standing: (standing, current) => {
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
  },
  talkOver: (share, line) => `; talks ${share}, over the ${line} line`,
  head: WEEK_HEAD_EN,
  weekTitle: (label, monday, sunday, current) => `Week ${label}, ${monday} to ${sunday}${current ? ' (this week)' : ''}`,
  organizerTitle: (name, role, weeks) => `${name} (${role}), the last ${weeks} weeks`,
  talkFootnote:
    'talk: the median share of the talking in their 1:1s with talk time recorded (oneonone start measures it; log does not); – where none was.',
  nobody: (current) => `Nobody on the team${current ? ' yet' : ''} whose week you may see.`,
  goalSet: (change) => {
    const whose = change.organizer === undefined ? "The team's weekly goal" : `${change.organizer}'s weekly goal`;
    const was = change.was === null ? '' : change.was === change.weekly ? ' (unchanged)' : ` (was ${change.was})`;
    const rest = change.organizer === undefined ? '; an organizer with a goal of their own keeps it' : '';
    return `${whose} is now ${oneOnOnes(change.weekly)} a week${was}${rest}. See the week with: oneonone team week`;
  },
};

/** The review's words in this run's language. */
export const teamWeekWords = (): TeamWeekWords => spokenCatalogues()?.teamWeek ?? TEAM_WEEK_EN;

export function standingWords(standing: Standing, current: boolean): string {
  return teamWeekWords().standing(standing, current);
}

/** The verdict as the screen says it, in this run's language. */
export function spokenVerdictWords(verdict: VerdictInput): string {
  const talk = verdict.talkOver ? teamWeekWords().talkOver(formats().share(verdict.talkOver.share), formats().share(verdict.talkOver.line)) : '';
  return `${standingWords(verdict.standing, verdict.current)}${talk}`;
}

/** The verdict as a week's figures keep it (--json prints them): English in every language. */
export function verdictWords(verdict: VerdictInput): string {
  return inEnglish(() => spokenVerdictWords(verdict));
}

export const WEEK_HEAD = spokenOr(WEEK_HEAD_EN, (catalogues) => catalogues.teamWeek.head);

export function weekTitle(label: string, monday: string, sunday: string, current: boolean): string {
  return teamWeekWords().weekTitle(label, monday, sunday, current);
}

export function organizerTitle(name: string, role: string, weeks: number): string {
  return teamWeekWords().organizerTitle(name, role, weeks);
}

export const talkFootnote = (): string => teamWeekWords().talkFootnote;

export function nobodyWords(current: boolean): string {
  return teamWeekWords().nobody(current);
}

export function notYoursWords(me: Organizer | undefined, whose: string): string {
  if (!me) return `you are not on the team, so ${whose}'s week is not yours to see`;
  const who = me.role === 'organizer' ? 'an organizer' : `a ${me.role}`;
  return `as ${who}, ${me.name} sees their own week${me.role === 'lead' ? " and their organizers'" : ''}, not ${whose}'s`;
}

export const NOT_YOURS_HINT = 'see your own without --organizer';

export function goalSetWords(change: GoalChange): string {
  return teamWeekWords().goalSet(change);
}

export const WEEKS_RANGE_HINT = 'e.g. --weeks 8 (at most 520, ten years)';
export const GOAL_RANGE_HINT = 'e.g. --weekly 10 (from 1 to 100 one-on-ones a week)';
