import { addDays, addWeeks, format, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { meetingShares, TALK_LINE } from '../meeting/stats.js';
import { goalSetWords, NOT_YOURS_HINT, notYoursWords, verdictWords, type Standing } from '../messages/team-week.js';
import type { Store } from '../store/contract.js';
import type { OrganizerWeekRow, TeamReview } from '../store/review.js';
import { DomainError, UserError } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { renderTeamWeeks } from '../ui/team-week.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface WeekOptions {
  organizer?: string;
  weeks?: number;
  json?: boolean;
}

/** Ten years of weeks: more is a typo, and the cost grows with the weeks shown. */
const MOST_WEEKS = 520;
const MOST_WEEKLY = 100;
/** The roles the team's goal does not apply to (the server's view gives them only a goal of their own). */
const OVERSEERS = new Set(['director', 'admin']);

/** One organizer's week, as shown and as --json prints it. */
export interface OrganizerWeek {
  organizer: string;
  login: string;
  role: string;
  /** The ISO week, as stats labels it (2026-W48), and its Monday, local calendar day. */
  week: string;
  start: string;
  /** The Sunday it ends on. */
  end: string;
  current: boolean;
  oneOnOnes: number;
  goal: number | null;
  talkShare: { median: number | null; meetings: number };
  asks: { made: number; yes: number; kept: number };
  broughtIn: number;
  ladder: { up: number; down: number };
  overdueFollowUps: number;
  standing: Standing;
  verdict: string;
}

/** `oneonone team week`. */
export async function runWeek(options: WeekOptions, globals: GlobalOptions): Promise<void> {
  const weeks = options.weeks ?? 1;
  if (weeks < 1 || weeks > MOST_WEEKS) throw new DomainError('team-week.bad-weeks', { weeks });
  const now = new Date();
  const starts = weekStarts(now, weeks);
  const figures = await withTeamReview(globals, 'read', async (review, store) => {
    const rows = await review.weeks({ starts: starts.map((start) => start.toISOString()), now: now.toISOString(), organizer: options.organizer });
    if (rows.length === 0 && options.organizer !== undefined) {
      throw new UserError(notYoursWords(await store.team?.me(), options.organizer), { hint: NOT_YOURS_HINT });
    }
    return withoutBystanders(rows.map((row) => organizerWeek(row, starts[starts.length - 2]!)));
  });
  if (options.json) return printJson(figures);
  renderTeamWeeks(figures, weeks, useColor(globals));
}

/** `oneonone team goal --weekly N [--organizer NAME]`. */
export async function runGoal(options: { weekly: number; organizer?: string }, globals: GlobalOptions): Promise<void> {
  if (options.weekly < 1 || options.weekly > MOST_WEEKLY) throw new DomainError('team-week.bad-goal', { weekly: options.weekly });
  const change = await withTeamReview(globals, 'write', (review) => review.setGoal({ weekly: options.weekly, organizer: options.organizer }));
  printMessage(goalSetWords(change));
}

/** The Mondays (local midnight) that start each week, oldest first, and the Monday after the newest. */
export function weekStarts(now: Date, weeks: number): Date[] {
  const thisWeek = startOfISOWeek(now);
  return Array.from({ length: weeks + 1 }, (_, i) => addWeeks(thisWeek, i - weeks + 1));
}

export function organizerWeek(row: OrganizerWeekRow, currentStart: Date): OrganizerWeek {
  const start = new Date(row.weekStart);
  const current = start.getTime() === currentStart.getTime();
  const median = medianShare(row.talk);
  const standing = standingOf(row.oneOnOnes, row.goal);
  const talkOver = median !== null && median > TALK_LINE ? { share: median, line: TALK_LINE } : undefined;
  return {
    organizer: row.organizer,
    login: row.login,
    role: row.role,
    week: `${getISOWeekYear(start)}-W${String(getISOWeek(start)).padStart(2, '0')}`,
    start: format(start, 'yyyy-MM-dd'),
    end: format(addDays(start, 6), 'yyyy-MM-dd'),
    current,
    oneOnOnes: row.oneOnOnes,
    goal: row.goal,
    talkShare: { median, meetings: meetingShares(row.talk).length },
    asks: row.asks,
    broughtIn: row.broughtIn,
    ladder: row.moves,
    overdueFollowUps: row.overdueFollowUps,
    standing,
    verdict: verdictWords({ standing, current, talkOver }),
  };
}

/** A director or an admin who holds no 1:1s and has no goal of their own is not under review: left out. */
export function withoutBystanders(weeks: OrganizerWeek[]): OrganizerWeek[] {
  const reviewed = new Set(weeks.filter((w) => w.goal !== null || w.oneOnOnes > 0 || !OVERSEERS.has(w.role)).map((w) => w.login));
  return weeks.filter((w) => reviewed.has(w.login));
}

export function standingOf(held: number, goal: number | null): Standing {
  if (held === 0) return { kind: 'none' };
  if (goal === null) return { kind: 'no-goal' };
  return held >= goal ? { kind: 'on-goal', over: held - goal } : { kind: 'short', short: goal - held, goal };
}

/** The middle meeting's share of the talking (each share as stats rounds it), or the mean of the two middle ones. */
export function medianShare(talk: OrganizerWeekRow['talk']): number | null {
  const shares = meetingShares(talk).map((meeting) => meeting.share).sort((a, b) => a - b);
  if (shares.length === 0) return null;
  const middle = Math.floor(shares.length / 2);
  const value = shares.length % 2 === 1 ? shares[middle]! : (shares[middle - 1]! + shares[middle]!) / 2;
  return Math.round(value * 10_000) / 10_000;
}

/** As the other `team` commands: a file has no team, and says so in one line. */
async function withTeamReview<T>(globals: GlobalOptions, mode: 'read' | 'write', work: (review: TeamReview, store: Store) => Promise<T>): Promise<T> {
  return withStore(globals, mode, async (store) => {
    if (!store.review) throw new DomainError('team.on-a-file', { location: store.location, handing: null });
    return work(store.review, store);
  });
}
