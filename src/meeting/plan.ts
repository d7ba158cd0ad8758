import { DomainError } from '../support/errors.js';
import type { NoteTag } from './tags.js';
import { MAX_MEETING_MINUTES, type Template } from './template.js';

export interface PlannedPhase {
  /** 1 for the first phase, as an organizer counts them. */
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  purpose: string;
  tips: string[];
  questions: string[];
  noteTags: NoteTag[];
  /** The guide counts open questions and reflections (the q and r keys). */
  marks: boolean;
}

/** The template's phases stretched or squeezed to the meeting length, in whole seconds. */
export function planPhases(template: Template, minutes: number = template.minutes): PlannedPhase[] {
  if (!(minutes > 0 && minutes <= MAX_MEETING_MINUTES)) {
    throw new DomainError('meeting.length-out-of-range', { minutes, most: MAX_MEETING_MINUTES, template: template.name, lengths: template.lengths });
  }
  const seconds = Math.round(minutes * 60);
  if (seconds < template.phases.length) {
    throw new DomainError('meeting.too-short', { minutes, phases: template.phases.length, template: template.name });
  }
  const planned = splitSeconds(template.phases.map((phase) => phase.minutes), seconds);
  return template.phases.map((phase, index) => ({
    position: index + 1,
    key: phase.key,
    title: phase.title,
    plannedSeconds: planned[index] ?? 0,
    maxTalkShare: phase.maxTalkShare,
    purpose: phase.purpose,
    tips: phase.tips,
    questions: phase.questions,
    noteTags: phase.noteTags,
    marks: template.marks,
  }));
}

/**
 * Largest-remainder rounding: the shares add up to exactly `seconds`, each at least 1,
 * and each within a second of its exact proportion (apart from the 1-second floor).
 */
function splitSeconds(weights: number[], seconds: number): number[] {
  const total = sum(weights);
  const parts = weights.map((weight, index) => {
    // Multiplying before dividing keeps round cases exact (5 * 1800 / 60 is 150, not 149.99...).
    const exact = (weight * seconds) / total;
    return { index, share: Math.max(1, Math.floor(exact)), remainder: exact - Math.floor(exact) };
  });
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = seconds - sum(parts.map((part) => part.share));
  for (const part of byRemainder) {
    if (left <= 0) break;
    part.share++;
    left--;
  }
  // The 1-second floor can overshoot; take it back from the longer phases, smallest remainder first.
  while (left < 0) {
    for (const part of [...byRemainder].reverse()) {
      if (left < 0 && part.share > 1) {
        part.share--;
        left++;
      }
    }
  }
  return parts.map((part) => part.share);
}

function sum(numbers: number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}
