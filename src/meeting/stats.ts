import { addWeeks, format, getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth, subMonths, subWeeks } from 'date-fns';
import { ASSESSMENT_LEVELS, NOT_ASSESSED } from '../people/assessment.js';
import { RUNGS } from '../people/ladder.js';
import { SCORE_ITEMS, type ScoreItem, type Scorecard } from './scorecard.js';
import { reflectingVerdict, type ReflectingVerdict } from './talk.js';

/** The guides' line: the organizer talks at most a fifth of the time. */
export const TALK_LINE = 0.2;
export const DEFAULT_WEEKS = 12;

/** One meeting's talk as recorded by the talk clock, summed over its phases. */
export interface TalkRow {
  id: number;
  heldAt: string;
  organizerSeconds: number;
  otherSeconds: number;
  /** The longest stretch the organizer talked in any phase; null where the clock did not keep it. */
  longestMonologueSeconds: number | null;
  /** Marked with q and r, summed over the phases that counted them; null where none did. */
  openQuestions: number | null;
  reflections: number | null;
}

export interface AskCountRow {
  outcome: string | null;
  result: string | null;
  asks: number;
}

/** How many assessment changes went from one level to another. */
export interface AssessmentMoveCount {
  fromLevel: number;
  toLevel: number;
  changes: number;
}

export interface StatsInput {
  /** When each complete meeting since the start was held (ISO). */
  meetingDates: string[];
  /** Meetings with talk time recorded, from the start of last month or the start, whichever is earlier. */
  talk: TalkRow[];
  asks: AskCountRow[];
  rungs: { rung: string; people: number }[];
  /** People per assessment level, and the changes and other contacts of the period (none when left out). */
  assessments?: { level: number; people: number }[];
  assessmentMoves?: AssessmentMoveCount[];
  touches?: { by: string; touches: number }[];
  /** The scorecards of the last meetings that have one (as many as `--habits` asks), newest first. */
  scorecards: { meetingId: number; heldAt: string; scorecard: Scorecard }[];
}

export interface WeekCount {
  week: string;
  start: string;
  meetings: number;
}

export interface MeetingShare {
  id: number;
  heldAt: string;
  share: number;
}

export interface MonthShare {
  month: string;
  average: number | null;
  meetings: number;
}

export interface StatsFigures {
  since: string;
  until: string;
  meetingsPerWeek: WeekCount[];
  talkShare: {
    line: number;
    meetings: MeetingShare[];
    average: number | null;
    overLine: number;
    thisMonth: MonthShare;
    lastMonth: MonthShare;
    /** How this month compares with last, in whole percentage points; null when either month has no talk recorded. */
    change: 'down' | 'up' | 'same' | null;
  };
  asks: { made: number; yes: number; maybe: number; no: number; noAnswer: number; kept: number; broken: number };
  peoplePerRung: { rung: string; people: number }[];
  assessments: AssessmentFigures;
  /** Contacts that were not one-on-ones: counted here, never as meetings. */
  otherContacts: { total: number; by: { by: string; touches: number }[] };
  habits: ListeningHabits;
  scorecardHabits: ScorecardHabits;
}

export interface AssessmentFigures {
  /** Every level 1 (strong supporter) to 5 (opposed), with how many stand there. */
  perLevel: { level: number; people: number }[];
  notAssessed: number;
  /** The changes of the period: a first assessment, a move toward support (a lower level), away, or back to not assessed. */
  moves: { firstAssessed: number; towardSupport: number; awayFromSupport: number; unassessed: number };
}

/** Each habit of the scorecard over the last meetings that have one: how often it applied and how often it was kept. */
export interface ScorecardHabits {
  /** How many scorecards were read: the last N meetings with one, or fewer if there are fewer. */
  meetings: number;
  /** When the oldest and the newest of them were held; null when there is none. */
  from: string | null;
  to: string | null;
  /** Every item, in the guides' order; `rate` is met over applied, null when it never applied. */
  items: HabitRate[];
  /** The three (at most) kept least often, of those that applied and were missed at least once; lowest rate first. */
  mostSkipped: { item: ScoreItem; met: number; applied: number }[];
}

export interface HabitRate {
  item: ScoreItem;
  applied: number;
  met: number;
  rate: number | null;
}

export const MOST_SKIPPED = 3;

/** How the organizer listens, over the meetings of the period that measured it. */
export interface ListeningHabits {
  longestMonologue: { meetings: number; medianSeconds: number; mostSeconds: number } | null;
  reflecting: { meetings: number; questions: number; reflections: number; verdict: ReflectingVerdict } | null;
}

/** Where the pictures start by default: the Monday of the week eleven weeks ago, so twelve weeks show. */
export function defaultSince(now: Date): Date {
  return startOfISOWeek(subWeeks(now, DEFAULT_WEEKS - 1));
}

/** Talk is needed from whichever is earlier: the start, or the first of last month (for the month comparison). */
export function talkFrom(since: Date, now: Date): Date {
  const lastMonth = startOfMonth(subMonths(now, 1));
  return since < lastMonth ? since : lastMonth;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

export function meetingsPerWeek(dates: string[], since: Date, now: Date): WeekCount[] {
  const weeks: WeekCount[] = [];
  const index = new Map<string, WeekCount>();
  for (let start = startOfISOWeek(since); start <= now; start = addWeeks(start, 1)) {
    const week = { week: weekLabel(start), start: format(start, 'yyyy-MM-dd'), meetings: 0 };
    weeks.push(week);
    index.set(week.week, week);
  }
  for (const date of dates) {
    const week = index.get(weekLabel(new Date(date)));
    if (week) week.meetings++;
  }
  return weeks;
}

function weekLabel(moment: Date): string {
  return `${getISOWeekYear(moment)}-W${String(getISOWeek(moment)).padStart(2, '0')}`;
}

/** The organizer's share of the talking in each meeting: their seconds over everyone's. */
export function meetingShares(rows: TalkRow[]): MeetingShare[] {
  return rows
    .filter((row) => row.organizerSeconds + row.otherSeconds > 0)
    .map((row) => ({ id: row.id, heldAt: row.heldAt, share: round(row.organizerSeconds / (row.organizerSeconds + row.otherSeconds)) }));
}

export function average(values: number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

function monthShare(shares: MeetingShare[], from: Date, to: Date): MonthShare {
  const inMonth = shares.filter((share) => new Date(share.heldAt) >= from && new Date(share.heldAt) < to);
  return { month: format(from, 'yyyy-MM'), average: average(inMonth.map((share) => share.share)), meetings: inMonth.length };
}

export function compareMonths(thisMonth: MonthShare, lastMonth: MonthShare): 'down' | 'up' | 'same' | null {
  if (thisMonth.average === null || lastMonth.average === null) return null;
  const now = Math.round(thisMonth.average * 100);
  const before = Math.round(lastMonth.average * 100);
  return now < before ? 'down' : now > before ? 'up' : 'same';
}

export function askFunnel(rows: AskCountRow[]): StatsFigures['asks'] {
  const funnel = { made: 0, yes: 0, maybe: 0, no: 0, noAnswer: 0, kept: 0, broken: 0 };
  for (const row of rows) {
    funnel.made += row.asks;
    if (row.outcome === 'yes') funnel.yes += row.asks;
    else if (row.outcome === 'maybe') funnel.maybe += row.asks;
    else if (row.outcome === 'no') funnel.no += row.asks;
    else funnel.noAnswer += row.asks;
    if (row.result === 'kept') funnel.kept += row.asks;
    if (row.result === 'broken') funnel.broken += row.asks;
  }
  return funnel;
}

/** Every rung of the ladder, lowest first, with zeros; a rung the ladder does not know is kept at the end. */
export function peoplePerRung(rows: { rung: string; people: number }[]): { rung: string; people: number }[] {
  const counts = new Map(rows.map((row) => [row.rung, row.people]));
  const known = RUNGS.map((rung) => ({ rung, people: counts.get(rung) ?? 0 }));
  const unknown = rows.filter((row) => !(RUNGS as readonly string[]).includes(row.rung));
  return [...known, ...unknown];
}

export function assessmentFigures(levels: { level: number; people: number }[], moves: AssessmentMoveCount[]): AssessmentFigures {
  const count = (level: number) => levels.find((row) => row.level === level)?.people ?? 0;
  const sum = (keep: (from: number, to: number) => boolean) => moves.filter((m) => keep(m.fromLevel, m.toLevel)).reduce((total, m) => total + m.changes, 0);
  return {
    perLevel: ASSESSMENT_LEVELS.filter((level) => level !== NOT_ASSESSED).map((level) => ({ level, people: count(level) })),
    notAssessed: count(NOT_ASSESSED),
    moves: {
      firstAssessed: sum((from, to) => from === 0 && to > 0),
      towardSupport: sum((from, to) => from > 0 && to > 0 && to < from),
      awayFromSupport: sum((from, to) => from > 0 && to > from),
      unassessed: sum((from, to) => from > 0 && to === 0),
    },
  };
}

export function computeStats(input: StatsInput, since: Date, now: Date): StatsFigures {
  const shares = meetingShares(input.talk);
  const inWindow = shares.filter((share) => new Date(share.heldAt) >= since && new Date(share.heldAt) <= now);
  const thisMonthStart = startOfMonth(now);
  const thisMonth = monthShare(shares, thisMonthStart, new Date(now.getTime() + 1));
  const lastMonth = monthShare(shares, startOfMonth(subMonths(now, 1)), thisMonthStart);
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    meetingsPerWeek: meetingsPerWeek(input.meetingDates, since, now),
    talkShare: {
      line: TALK_LINE,
      meetings: inWindow,
      average: average(inWindow.map((share) => share.share)),
      overLine: inWindow.filter((share) => share.share > TALK_LINE).length,
      thisMonth,
      lastMonth,
      change: compareMonths(thisMonth, lastMonth),
    },
    asks: askFunnel(input.asks),
    peoplePerRung: peoplePerRung(input.rungs),
    assessments: assessmentFigures(input.assessments ?? [], input.assessmentMoves ?? []),
    otherContacts: { total: (input.touches ?? []).reduce((total, row) => total + row.touches, 0), by: input.touches ?? [] },
    habits: listeningHabits(input.talk.filter((row) => new Date(row.heldAt) >= since && new Date(row.heldAt) <= now)),
    scorecardHabits: scorecardHabits(input.scorecards),
  };
}

export function scorecardHabits(cards: StatsInput['scorecards']): ScorecardHabits {
  const items = SCORE_ITEMS.map((item): HabitRate => {
    const lines = cards.flatMap(({ scorecard }) => scorecard.lines.filter((line) => line.item === item));
    const met = lines.filter((line) => line.met).length;
    return { item, applied: lines.length, met, rate: lines.length === 0 ? null : round(met / lines.length) };
  });
  const heldAt = cards.map((card) => card.heldAt).sort();
  return { meetings: cards.length, from: heldAt[0] ?? null, to: heldAt.at(-1) ?? null, items, mostSkipped: mostSkipped(items) };
}

/** Compared as fractions (met × applied crosswise), so 1 of 3 and 2 of 6 tie exactly and the guides' order decides. */
function mostSkipped(items: HabitRate[]): ScorecardHabits['mostSkipped'] {
  return items
    .filter((rate) => rate.applied > 0 && rate.met < rate.applied)
    .map((rate, order) => ({ rate, order }))
    .sort((a, b) => a.rate.met * b.rate.applied - b.rate.met * a.rate.applied || a.order - b.order)
    .slice(0, MOST_SKIPPED)
    .map(({ rate: { item, met, applied } }) => ({ item, met, applied }));
}

export function listeningHabits(rows: TalkRow[]): ListeningHabits {
  const stretches = rows.flatMap((row) => (row.longestMonologueSeconds === null ? [] : [row.longestMonologueSeconds])).sort((a, b) => a - b);
  const counted = rows.filter((row) => row.openQuestions !== null || row.reflections !== null);
  const marks = {
    questions: counted.reduce((sum, row) => sum + (row.openQuestions ?? 0), 0),
    reflections: counted.reduce((sum, row) => sum + (row.reflections ?? 0), 0),
  };
  return {
    longestMonologue: stretches.length === 0 ? null : { meetings: stretches.length, medianSeconds: median(stretches), mostSeconds: stretches.at(-1)! },
    reflecting: counted.length === 0 ? null : { meetings: counted.length, ...marks, verdict: reflectingVerdict(marks) },
  };
}

/** The middle value of sorted numbers, the lower of the two middles for an even count (a whole second, as kept). */
function median(sorted: number[]): number {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
