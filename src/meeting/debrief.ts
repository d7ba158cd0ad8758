import type { Outcome } from './tags.js';

/**
 * The steps after the live phases, in order. Each answer is saved as it is given and the meeting
 * remembers the step it is at (meetings.step), so a resumed draft carries on at the same question.
 */
export const DEBRIEF_STEPS = [
  'ask', 'ask-due', 'ask-barriers', 'ask-support', 'ask-outcome', 'after-no', 'pivot',
  'notes', 'heard-value', 'heard-interest', 'heard-issue', 'heard-skill', 'heard-capacity',
  'agitation', 'story', 'rung', 'potential', 'referrals', 'followup-due', 'followup-text', 'summary',
] as const;

export type DebriefStep = (typeof DEBRIEF_STEPS)[number];

/** The stored step while the meeting is still in its live phases. */
export const PHASES_STEP = 'phases';

/** What the organizer chooses after a no: a smaller ask now, or come back to it later. */
export type AfterNo = 'pivot' | 'later';

/** Facts about the answer just given that change the way forward. */
export interface StepAnswer {
  /** 'ask' / 'pivot': false when no ask was made. */
  askMade?: boolean;
  /** 'ask-barriers': false when nothing stands in the way. */
  barriers?: boolean;
  outcome?: Outcome;
  afterNo?: AfterNo;
}

export function isDebriefStep(step: string | null | undefined): step is DebriefStep {
  return (DEBRIEF_STEPS as readonly string[]).includes(step ?? '');
}

/**
 * Where the debrief goes after `step`. The ask comes first because the guide closes on it; a no is
 * expected, so it leads to a smaller ask or a later follow-up rather than a dead end.
 */
export function nextStep(step: DebriefStep, answer: StepAnswer = {}): DebriefStep {
  switch (step) {
    case 'ask':
    case 'pivot':
      return answer.askMade === false ? 'notes' : 'ask-due';
    case 'ask-barriers':
      return answer.barriers === false ? 'ask-outcome' : 'ask-support';
    case 'ask-outcome':
      return answer.outcome === 'no' ? 'after-no' : 'notes';
    case 'after-no':
      return answer.afterNo === 'pivot' ? 'pivot' : 'notes';
    case 'summary':
      return 'summary';
    default: {
      const linear = DEBRIEF_STEPS.filter((s) => s !== 'after-no' && s !== 'pivot');
      return linear[linear.indexOf(step) + 1] ?? 'summary';
    }
  }
}

/** The kinds of things heard that the debrief asks about one by one, and the question for each. */
export const HEARD_STEPS: Record<Extract<DebriefStep, `heard-${string}`>, { tag: 'value' | 'interest' | 'issue' | 'skill' | 'capacity'; question: string }> = {
  'heard-value': { tag: 'value', question: 'What values did you hear? (what they care about, in their words)' },
  'heard-interest': { tag: 'interest', question: 'What self-interests did you hear? (what is at stake for them)' },
  'heard-issue': { tag: 'issue', question: 'Which issues would they act on?' },
  'heard-skill': { tag: 'skill', question: 'What skills do they have?' },
  'heard-capacity': { tag: 'capacity', question: 'What is their capacity? (time, energy, constraints)' },
};

/**
 * Whether a due date as typed names a time of day, not just a day: the guide wants "5 pm on February 2nd",
 * and a bare "friday" would quietly become noon.
 */
export function mentionsTime(text: string): boolean {
  return /\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|h)\b|\d{1,2}:\d{2}|\b(noon|midnight|morning|afternoon|evening|tonight|night)\b|\bin \d+ (hours?|minutes?|mins?)\b/i.test(text);
}
