import { percent } from '../support/format.js';

/** The 80/20 talk clock: a chess clock between the organizer and the other person. */
export type Speaker = 'organizer' | 'other';

export interface TalkTotals {
  readonly organizerMs: number;
  readonly otherMs: number;
}

export interface TalkClock {
  readonly speaker: Speaker;
  readonly banked: TalkTotals;
  readonly runningSince: number | null;
  /** The organizer's current stretch before the last pause, so a pause does not reset it. */
  readonly stretchBankedMs: number;
  /** The organizer's longest stretch in this phase that has ended (the running one is counted when asked). */
  readonly longestMs: number;
  /** The open questions and reflections the organizer marked (q, r); null where the guide does not count them. */
  readonly marks: TalkMarks | null;
}

/** What the organizer marked while talking: an open question asked, something heard reflected back. */
export interface TalkMarks {
  readonly questions: number;
  readonly reflections: number;
}

export type TalkMark = 'question' | 'reflection';

/** Talk so far, as a resumed phase starts from it. */
export interface TalkSoFar extends TalkTotals {
  readonly longestMs?: number;
  readonly marks?: TalkMarks | null;
}

/** What a reminder is about, with its values; src/messages words it. */
export type TalkReminder = { kind: 'share'; share: number } | { kind: 'monologue'; seconds: number };

/** How the organizer did against the talk goal; src/messages words it. */
export type TalkVerdict =
  | { code: 'no-talk' }
  | { code: 'listened' | 'little-over' | 'well-over' | 'twice-over'; share: number; goal: number };

export const TALK_GOAL = 0.2;
/** Motivational interviewing's coding (MITI 4): reflections to questions 1:1 is fair, 2:1 good. */
export const REFLECTIONS_FAIR = 1;
export const REFLECTIONS_GOOD = 2;
export const MONOLOGUE_MS = 90_000;
/** No share reminder before a minute of the phase (or a quarter of it, if shorter): a tiny sample nags. */
export const SHARE_GRACE_MS = 60_000;

const NO_TALK: TalkTotals = { organizerMs: 0, otherMs: 0 };

export function startTalkClock(now: number, soFar: TalkSoFar = NO_TALK): TalkClock {
  const { organizerMs, otherMs, longestMs = 0, marks = null } = soFar;
  return { speaker: 'other', banked: { organizerMs, otherMs }, runningSince: now, stretchBankedMs: 0, longestMs, marks };
}

/** Marks are counted from here on (a phase whose guide counts them); marks already made are kept. */
export function countMarks(t: TalkClock): TalkClock {
  return t.marks === null ? { ...t, marks: { questions: 0, reflections: 0 } } : t;
}

/** One more open question or reflection; neither clock moves. */
export function addMark(t: TalkClock, mark: TalkMark): TalkClock {
  if (t.marks === null) return t;
  const { questions, reflections } = t.marks;
  return { ...t, marks: mark === 'question' ? { questions: questions + 1, reflections } : { questions, reflections: reflections + 1 } };
}

function runningMs(t: TalkClock, now: number): number {
  return t.runningSince === null ? 0 : Math.max(0, now - t.runningSince);
}

export function talkTotals(t: TalkClock, now: number): TalkTotals {
  const running = runningMs(t, now);
  if (t.speaker === 'organizer') return { ...t.banked, organizerMs: t.banked.organizerMs + running };
  return { ...t.banked, otherMs: t.banked.otherMs + running };
}

export function toggleSpeaker(t: TalkClock, now: number): TalkClock {
  const speaker: Speaker = t.speaker === 'organizer' ? 'other' : 'organizer';
  const runningSince = t.runningSince === null ? null : now;
  return { ...t, speaker, banked: talkTotals(t, now), runningSince, stretchBankedMs: 0, longestMs: longestStretchMs(t, now) };
}

export function pauseTalk(t: TalkClock, now: number): TalkClock {
  if (t.runningSince === null) return t;
  return { ...t, banked: talkTotals(t, now), runningSince: null, stretchBankedMs: organizerStretchMs(t, now) };
}

export function resumeTalk(t: TalkClock, now: number): TalkClock {
  return t.runningSince === null ? { ...t, runningSince: now } : t;
}

export function organizerStretchMs(t: TalkClock, now: number): number {
  return t.speaker === 'organizer' ? t.stretchBankedMs + runningMs(t, now) : 0;
}

/** The longest the organizer has talked at a stretch in this phase, the stretch still running included. */
export function longestStretchMs(t: TalkClock, now: number): number {
  return Math.max(t.longestMs, organizerStretchMs(t, now));
}

export function addTalk(a: TalkTotals, b: TalkTotals): TalkTotals {
  return { organizerMs: a.organizerMs + b.organizerMs, otherMs: a.otherMs + b.otherMs };
}

/** Talk is kept in whole seconds, counted down (see resume.ts phaseProgressRecord). */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * The organizer's share of talk time, or null before a whole second of talk. Counted in the whole seconds a phase is
 * saved in, so the live screen, the line a phase ends with, a resumed phase and the summary all show the same share.
 */
export function talkShare(totals: TalkTotals): number | null {
  const organizer = wholeSeconds(totals.organizerMs);
  const total = organizer + wholeSeconds(totals.otherMs);
  return total > 0 ? organizer / total : null;
}

/** Seconds as saved, as totals the share can be counted from. */
export function savedTalk(organizerSeconds: number | null, otherSeconds: number | null): TalkTotals {
  return { organizerMs: (organizerSeconds ?? 0) * 1000, otherMs: (otherSeconds ?? 0) * 1000 };
}

export function shareGraceMs(plannedMs: number): number {
  return Math.min(SHARE_GRACE_MS, plannedMs / 4);
}

/**
 * How long the organizer may talk at a stretch before the monologue warning: 90 s in a listening phase,
 * longer where the template expects them to talk (0.5 gives 225 s, an exchange at 0.6 gives 270 s for a story of self).
 */
export function monologueLimitMs(maxTalkShare: number): number {
  return Math.round(MONOLOGUE_MS * Math.max(1, maxTalkShare / TALK_GOAL));
}

/** The meeting's talk goal: each phase's limit weighted by its planned time (a 60% exchange raises it above 20%). */
export function meetingTalkGoal(phases: readonly { plannedSeconds: number; maxTalkShare: number }[]): number {
  const planned = phases.reduce((sum, p) => sum + p.plannedSeconds, 0);
  if (planned <= 0) return TALK_GOAL;
  return phases.reduce((sum, p) => sum + p.plannedSeconds * p.maxTalkShare, 0) / planned;
}

export function talkReminders(input: {
  phaseTotals: TalkTotals;
  maxTalkShare: number;
  stretchMs: number;
  phaseElapsedMs: number;
  plannedMs: number;
}): TalkReminder[] {
  const reminders: TalkReminder[] = [];
  const share = talkShare(input.phaseTotals);
  const pastGrace = input.phaseElapsedMs >= shareGraceMs(input.plannedMs);
  if (share !== null && pastGrace && percent(share) > percent(input.maxTalkShare)) {
    reminders.push({ kind: 'share', share });
  }
  if (input.stretchMs > monologueLimitMs(input.maxTalkShare)) {
    reminders.push({ kind: 'monologue', seconds: Math.floor(input.stretchMs / 1000) });
  }
  return reminders;
}

export function meetingShare(phases: readonly { organizerSeconds: number; otherSeconds: number }[]): number | null {
  return talkShare(savedTalk(phases.reduce((sum, p) => sum + p.organizerSeconds, 0), phases.reduce((sum, p) => sum + p.otherSeconds, 0)));
}

/** The summary's verdict against the 80/20 rule; `goal` lets a caller weigh in phases meant for sharing. */
export function verdict(share: number | null, goal = TALK_GOAL): TalkVerdict {
  if (share === null) return { code: 'no-talk' };
  return { code: verdictCode(percent(share), percent(goal)), share, goal };
}

/** Judged on whole percents, as the organizer reads them. */
function verdictCode(talked: number, target: number): Exclude<TalkVerdict['code'], 'no-talk'> {
  if (talked <= target) return 'listened';
  if (talked > target * 2) return 'twice-over';
  if (talked > target * 1.5) return 'well-over';
  return 'little-over';
}

export type ReflectingVerdict = 'good' | 'fair' | 'below' | 'none';

/** Reflections to questions against MITI's thresholds; a reflection with no question asked counts as good. */
export function reflectingVerdict({ questions, reflections }: TalkMarks): ReflectingVerdict {
  if (questions + reflections === 0) return 'none';
  const ratio = questions === 0 ? Number.POSITIVE_INFINITY : reflections / questions;
  if (ratio >= REFLECTIONS_GOOD) return 'good';
  return ratio >= REFLECTIONS_FAIR ? 'fair' : 'below';
}
