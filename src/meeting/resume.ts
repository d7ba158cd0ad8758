import { phaseElapsedMs, type PhaseClock } from './clock.js';
import { addTalk, longestStretchMs, talkTotals, type TalkClock, type TalkMarks, type TalkSoFar, type TalkTotals } from './talk.js';

/** A phase of a draft meeting as stored; nulls are phases not reached yet. */
export interface StoredPhase {
  position: number;
  plannedSeconds: number;
  actualSeconds: number | null;
  organizerTalkSeconds: number | null;
  otherTalkSeconds: number | null;
  /** Minutes added with + (in seconds); absent in rows saved before it was kept. */
  extraSeconds?: number | null;
  /** The organizer's longest stretch of talk; null in rows saved before it was kept. */
  longestMonologueSeconds?: number | null;
  /** Open questions and reflections marked; null where the guide did not count them. */
  openQuestions?: number | null;
  reflections?: number | null;
}

export interface ResumePoint {
  phaseIndex: number;
  elapsedMs: number;
  extraSeconds: number;
  talk: TalkSoFar;
  /** Negative when the phase was already in overtime. */
  remainingMs: number;
}

export interface PhaseProgressRecord {
  actualSeconds: number;
  extraSeconds: number;
  organizerTalkSeconds: number;
  otherTalkSeconds: number;
  longestMonologueSeconds: number;
  openQuestions: number | null;
  reflections: number | null;
}

function byPosition(phases: readonly StoredPhase[]): StoredPhase[] {
  return [...phases].sort((a, b) => a.position - b.position);
}

/** Index (in position order) of `currentPhase`; a position that is gone falls to the next phase, else the last. */
function phaseIndexOf(sorted: readonly StoredPhase[], currentPhase: number): number {
  const index = sorted.findIndex((p) => p.position >= currentPhase);
  return index === -1 ? sorted.length - 1 : index;
}

function storedTalk(p: StoredPhase): TalkTotals {
  return { organizerMs: (p.organizerTalkSeconds ?? 0) * 1000, otherMs: (p.otherTalkSeconds ?? 0) * 1000 };
}

function storedMarks(p: StoredPhase): TalkMarks | null {
  return p.openQuestions == null && p.reflections == null ? null : { questions: p.openQuestions ?? 0, reflections: p.reflections ?? 0 };
}

export function resumePoint(phases: readonly StoredPhase[], currentPhase: number): ResumePoint {
  const sorted = byPosition(phases);
  const phaseIndex = phaseIndexOf(sorted, currentPhase);
  const phase = sorted[phaseIndex];
  if (!phase) throw new Error('A meeting without phases cannot be resumed.');
  const elapsedMs = (phase.actualSeconds ?? 0) * 1000;
  const extraSeconds = phase.extraSeconds ?? 0;
  return {
    phaseIndex, elapsedMs, extraSeconds, talk: { ...storedTalk(phase), longestMs: (phase.longestMonologueSeconds ?? 0) * 1000, marks: storedMarks(phase) },
    remainingMs: (phase.plannedSeconds + extraSeconds) * 1000 - elapsedMs,
  };
}

/** Talk in the phases before `phaseIndex` (position order): the live screen's meeting-so-far share. */
export function talkBeforePhase(phases: readonly StoredPhase[], phaseIndex: number): TalkTotals {
  return byPosition(phases)
    .slice(0, phaseIndex)
    .reduce<TalkTotals>((sum, p) => addTalk(sum, storedTalk(p)), { organizerMs: 0, otherMs: 0 });
}

/** What the command layer saves every second and on every key, so a crash loses at most a second. */
export function phaseProgressRecord(clock: PhaseClock, talk: TalkClock, now: number): PhaseProgressRecord {
  const totals = talkTotals(talk, now);
  return {
    actualSeconds: Math.floor(phaseElapsedMs(clock, now) / 1000),
    extraSeconds: clock.extraSeconds,
    organizerTalkSeconds: Math.floor(totals.organizerMs / 1000),
    otherTalkSeconds: Math.floor(totals.otherMs / 1000),
    longestMonologueSeconds: Math.floor(longestStretchMs(talk, now) / 1000),
    openQuestions: talk.marks?.questions ?? null,
    reflections: talk.marks?.reflections ?? null,
  };
}
