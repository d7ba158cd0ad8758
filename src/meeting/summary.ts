import { meetingTalkGoal, monologueLimitMs, reflectingVerdict, savedTalk, talkShare, TALK_GOAL, verdict, type ReflectingVerdict, type TalkMarks, type TalkVerdict } from './talk.js';
import { percent } from '../support/format.js';

export interface PhaseRun {
  position: number;
  title: string;
  plannedSeconds: number;
  extraSeconds: number;
  actualSeconds: number | null;
  organizerTalkSeconds: number | null;
  otherTalkSeconds: number | null;
  maxTalkShare: number;
  /** Null where the talk clock did not measure it (log, meetings from before it was kept). */
  longestMonologueSeconds?: number | null;
  /** Null where the guide did not count them. */
  openQuestions?: number | null;
  reflections?: number | null;
}

/** The organizer's longest stretch of talk in the meeting, where it was, and the phase's limit before a warning. */
export interface LongestMonologue {
  seconds: number;
  position: number;
  title: string;
  limitSeconds: number;
}

export interface PhaseOutcome extends PhaseRun {
  /** Actual minus planned (negative when the phase ended early); null for a phase never reached. */
  overSeconds: number | null;
  share: number | null;
  overShare: boolean;
}

export interface MeetingOutcome {
  phases: PhaseOutcome[];
  plannedSeconds: number;
  actualSeconds: number;
  share: number | null;
  /** The plain 80/20 rule. */
  ruleGoal: number;
  /** The template's limits weighted by planned time: what this guide allows overall. */
  goal: number;
  verdict: TalkVerdict;
  /** Null when no phase measured one, or the organizer never talked. */
  longestMonologue: LongestMonologue | null;
  /** Open questions and reflections marked in the phases that counted them; null when none did. */
  marks: TalkMarks | null;
  reflecting: ReflectingVerdict;
}

/** Planned against actual time and talk share per phase and for the meeting, with a plain verdict. */
export function summarizeMeeting(phases: readonly PhaseRun[]): MeetingOutcome {
  const outcomes = phases.map((phase): PhaseOutcome => {
    // The same count as the line the phase ended with (talk.ts talkShare), from the seconds it saved.
    const share = talkShare(savedTalk(phase.organizerTalkSeconds, phase.otherTalkSeconds));
    return {
      ...phase,
      overSeconds: phase.actualSeconds === null ? null : phase.actualSeconds - phase.plannedSeconds,
      share,
      overShare: share !== null && percent(share) > percent(phase.maxTalkShare),
    };
  });
  const share = talkShare(savedTalk(
    phases.reduce((sum, p) => sum + (p.organizerTalkSeconds ?? 0), 0),
    phases.reduce((sum, p) => sum + (p.otherTalkSeconds ?? 0), 0),
  ));
  const goal = meetingTalkGoal(phases);
  return {
    phases: outcomes,
    plannedSeconds: phases.reduce((sum, p) => sum + p.plannedSeconds, 0),
    actualSeconds: phases.reduce((sum, p) => sum + (p.actualSeconds ?? 0), 0),
    share,
    ruleGoal: TALK_GOAL,
    goal,
    verdict: verdict(share, goal),
    longestMonologue: longestOf(phases),
    ...reflectingOf(phases),
  };
}

function reflectingOf(phases: readonly PhaseRun[]): { marks: TalkMarks | null; reflecting: ReflectingVerdict } {
  const counted = phases.filter((phase) => phase.openQuestions != null || phase.reflections != null);
  if (counted.length === 0) return { marks: null, reflecting: 'none' };
  const marks = {
    questions: counted.reduce((sum, p) => sum + (p.openQuestions ?? 0), 0),
    reflections: counted.reduce((sum, p) => sum + (p.reflections ?? 0), 0),
  };
  return { marks, reflecting: reflectingVerdict(marks) };
}

/** The first phase holding the meeting's longest stretch. */
function longestOf(phases: readonly PhaseRun[]): LongestMonologue | null {
  let longest: LongestMonologue | null = null;
  for (const phase of phases) {
    const seconds = phase.longestMonologueSeconds ?? 0;
    if (seconds > 0 && seconds > (longest?.seconds ?? 0)) {
      longest = { seconds, position: phase.position, title: phase.title, limitSeconds: Math.round(monologueLimitMs(phase.maxTalkShare) / 1000) };
    }
  }
  return longest;
}
