import { RUNGS, type Rung } from '../people/ladder.js';
import type { RelationshipKind } from '../store/contract-web.js';
import { OUTCOMES, type NoteTag, type Outcome } from './tags.js';
import { checklistToAsk, type ChecklistItem, type ScoreItem } from './scorecard.js';

/**
 * The steps after the live phases, in order. Each answer is saved as it is given and the meeting
 * remembers the step it is at (meetings.step), so a resumed draft carries on at the same question.
 */
export const DEBRIEF_STEPS = [
  'ask', 'ask-due', 'ask-barriers', 'ask-support', 'ask-outcome', 'after-no', 'pivot',
  'notes', 'heard-value', 'heard-interest', 'heard-issue', 'heard-skill', 'heard-capacity',
  'agitation', 'story', 'rung', 'potential', 'assessment', 'units', 'referrals', 'referral-how', 'checklist', 'followup-due', 'followup-text', 'reflection', 'summary',
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
    // How they know the person just named, then back to "anyone else?".
    case 'referral-how':
      return 'referrals';
    case 'summary':
      return 'summary';
    default: {
      const linear = DEBRIEF_STEPS.filter((s) => s !== 'after-no' && s !== 'pivot' && s !== 'referral-how');
      return linear[linear.indexOf(step) + 1] ?? 'summary';
    }
  }
}

/** The kinds of things heard that the debrief asks about one by one. */
export const HEARD_STEPS: Record<Extract<DebriefStep, `heard-${string}`>, { tag: 'value' | 'interest' | 'issue' | 'skill' | 'capacity' }> = {
  'heard-value': { tag: 'value' },
  'heard-interest': { tag: 'interest' },
  'heard-issue': { tag: 'issue' },
  'heard-skill': { tag: 'skill' },
  'heard-capacity': { tag: 'capacity' },
};

// ── the debrief as data: each step's question, how its answer is read, and what it writes ──────────

/** A message of the debrief by its id, with the values it needs; worded by src/messages/debrief.ts. */
export interface DebriefMessage {
  id: DebriefMessageId;
  params?: Record<string, string | number>;
}

export type DebriefMessageId =
  | 'intro' | 'ask' | 'pivot' | 'ask-required' | 'ask-due' | 'ask-barriers' | 'ask-support' | 'ask-outcome' | 'outcome' | 'after-no'
  | 'after-no-question' | 'after-no-pivot' | 'after-no-later' | 'notes' | 'heard-value' | 'heard-interest' | 'heard-issue'
  | 'heard-skill' | 'heard-capacity' | 'agitation' | 'story' | 'rung' | 'potential' | 'potential-1' | 'potential-3'
  | 'potential-5' | 'potential-unsure' | 'assessment' | 'assessment-level' | 'assessment-unsure' | 'units' | 'referrals' | 'referral-how' | 'referral-kind' | 'referral-how-skip' | 'followup-due' | 'followup-text' | 'rung-choice'
  | 'field-ask-due' | 'field-followup-due' | 'suggest-two-days' | 'suggest-two-weeks' | 'suggest-day-after' | 'checklist' | 'reflection';

/** What a step reads: the draft as saved so far. */
export interface DebriefView {
  personName: string;
  plannedAsk: string | null;
  /** The ask being discussed: the newest of the meeting. */
  currentAsk: { id: number; text: string; outcome: string | null; dueAt: string | null } | undefined;
  /** Every ask of the meeting, in order, as the checklist reads them (barriers already noted are not asked again). */
  asks: { dueAt: string | null; barriers: string | null; outcome: string | null }[];
  /** What the organizer has ticked so far (a referral named ticks "asked who else"). */
  checklist: ChecklistItem[];
  /** The scorecard items the meeting's guide keeps. */
  scorecardItems: readonly ScoreItem[];
  notes: { id: number; tag: string; text: string }[];
  rung: string;
  potential: number | null;
  /** Where they stand on the campaign: 0 not assessed, 1 strong supporter … 5 opposed. */
  assessment: number;
  referrals: string[];
  /** The units they belong to (a building, a worksite, a congregation), by name. */
  units: string[];
  /** The newest of their referrals, and whether a relationship between the two is already recorded. */
  lastReferral?: { name: string; related: boolean };
  /** The follow-up set at the end, as it reads. */
  lastFollowUp: { id: number; text: string } | undefined;
}

export type DebriefPrompt =
  /** Free text; null when skipped with Enter or -. */
  | { kind: 'text'; message: DebriefMessage; default?: string; required?: DebriefMessage }
  /** A moment still to come, echoed back in full to confirm; null when skipped with -. */
  | { kind: 'when'; message: DebriefMessage; field: DebriefMessage; suggestion?: DebriefMessage; skippable: boolean; needsTime: boolean }
  | { kind: 'select'; message: DebriefMessage; choices: { label: DebriefMessage | string; value: unknown }[]; default?: unknown }
  /** Every item starts kept; the answer is the values still kept. */
  | { kind: 'keep'; message: DebriefMessage; items: { tag: string; text: string; value: number }[] }
  /** Every item starts unticked; the answer is the items ticked. */
  | { kind: 'tick'; message: DebriefMessage; items: ChecklistItem[] };

export type DebriefWrite =
  | { kind: 'ask'; text: string }
  | { kind: 'ask-change'; change: { dueAt?: string; barriers?: string | null; support?: string | null; outcome?: Outcome } }
  | { kind: 'drop-notes'; ids: number[] }
  /** visibility: the organizer's choice for a note naming a sensitive term (keep it private); else its tag's. */
  | { kind: 'note'; tag: NoteTag; text: string; visibility?: 'private' }
  | { kind: 'agitation'; text: string | null }
  | { kind: 'rung'; rung: Rung }
  | { kind: 'potential'; potential: number }
  | { kind: 'assessment'; level: number }
  | { kind: 'referral'; name: string }
  /** A unit they belong to, by name: joined, and made (of kind other) where the record has none of that name. */
  | { kind: 'unit'; name: string }
  /** How the person met knows someone they just named (the newest of their referrals). */
  | { kind: 'referral-relation'; name: string; relation: RelationshipKind }
  | { kind: 'follow-up'; dueAt: string }
  | { kind: 'follow-up-text'; id: number; text: string }
  | { kind: 'checklist'; items: ChecklistItem[] }
  | { kind: 'reflection'; text: string };

/** What an answer leads to: its writes, saved with the next step in one transaction ('stay': ask the same again). */
export interface DebriefOutcome {
  writes: DebriefWrite[];
  next: DebriefStep | 'stay';
}

export interface DebriefStepSpec {
  /** Said before the question. */
  say?: DebriefMessage;
  /** The question, or null when there is nothing to ask. */
  prompt(view: DebriefView): DebriefPrompt | null;
  /** The answer as the prompt read it (text: string | null; when: ISO string | null; select: a value; keep: values). */
  answer(value: unknown, view: DebriefView): DebriefOutcome;
}

const go = (step: DebriefStep, writes: DebriefWrite[] = [], answer: StepAnswer = {}): DebriefOutcome => ({ writes, next: nextStep(step, answer) });
const message = (id: DebriefMessage['id'], params?: Record<string, string | number>): DebriefMessage => ({ id, params });

/**
 * When to follow up, offered as a default: after a no, in two weeks; after an ask with a day, the day after it, so the
 * follow-up asks how it went instead of landing before it; otherwise in two days.
 */
export function followUpSuggestion(ask: DebriefView['currentAsk']): DebriefMessage {
  if (ask?.outcome === 'no') return message('suggest-two-weeks');
  if (!ask?.dueAt) return message('suggest-two-days');
  const due = new Date(ask.dueAt);
  const after = new Date(due.getFullYear(), due.getMonth(), due.getDate() + 1);
  const day = `${after.getFullYear()}-${String(after.getMonth() + 1).padStart(2, '0')}-${String(after.getDate()).padStart(2, '0')}`;
  return message('suggest-day-after', { day });
}

function askStep(step: 'ask' | 'pivot'): DebriefStepSpec {
  return {
    prompt: (view) => ({
      kind: 'text', message: message(step), required: message('ask-required'),
      default: step === 'ask' ? view.plannedAsk ?? undefined : undefined,
    }),
    answer: (text) => (text === null ? go(step, [], { askMade: false }) : go(step, [{ kind: 'ask', text: text as string }], { askMade: true })),
  };
}

function heardStep(step: keyof typeof HEARD_STEPS): DebriefStepSpec {
  const { tag } = HEARD_STEPS[step];
  return {
    prompt: (view) => ({ kind: 'text', message: message(step, { noted: view.notes.filter((note) => note.tag === tag).map((note) => note.text).join('; ') }) }),
    answer: (text) => (text === null ? go(step) : { writes: [{ kind: 'note', tag, text: text as string }], next: 'stay' }),
  };
}

const POTENTIAL_CHOICES = [
  { label: message('potential-1'), value: 1 }, { label: '2', value: 2 }, { label: message('potential-3'), value: 3 },
  { label: '4', value: 4 }, { label: message('potential-5'), value: 5 }, { label: message('potential-unsure'), value: null },
];

/** Where they stand, 1 strong supporter … 5 opposed, or not sure yet (what was known stays). */
const ASSESSMENT_CHOICES = [
  ...[1, 2, 3, 4, 5].map((level) => ({ label: message('assessment-level', { level }), value: level })),
  { label: message('assessment-unsure'), value: null },
];

/** The ways two people know each other the debrief offers ('leads' is a judgment made later, with relate). */
const REFERRAL_KINDS: RelationshipKind[] = ['coworker', 'neighbor', 'same-building', 'family', 'friend', 'congregation', 'other'];
const REFERRAL_CHOICES = [
  ...REFERRAL_KINDS.map((kind) => ({ label: message('referral-kind', { kind }), value: kind })),
  { label: message('referral-how-skip'), value: null },
];

export const DEBRIEF: Record<Exclude<DebriefStep, 'summary'>, DebriefStepSpec> = {
  ask: askStep('ask'),
  pivot: askStep('pivot'),
  'ask-due': {
    prompt: () => ({ kind: 'when', message: message('ask-due'), field: message('field-ask-due'), skippable: false, needsTime: true }),
    answer: (dueAt) => go('ask-due', [{ kind: 'ask-change', change: { dueAt: dueAt as string } }]),
  },
  'ask-barriers': {
    prompt: () => ({ kind: 'text', message: message('ask-barriers') }),
    answer: (barriers) => go('ask-barriers', [{ kind: 'ask-change', change: { barriers: barriers as string | null } }], { barriers: barriers !== null }),
  },
  'ask-support': {
    prompt: () => ({ kind: 'text', message: message('ask-support') }),
    answer: (support) => go('ask-support', [{ kind: 'ask-change', change: { support: support as string | null } }]),
  },
  'ask-outcome': {
    prompt: (view) => ({ kind: 'select', message: message('ask-outcome', { ask: view.currentAsk?.text ?? '' }), choices: OUTCOMES.map((value) => ({ label: message('outcome', { outcome: value }), value })) }),
    answer: (outcome) => go('ask-outcome', [{ kind: 'ask-change', change: { outcome: outcome as Outcome } }], { outcome: outcome as Outcome }),
  },
  'after-no': {
    say: message('after-no'),
    prompt: () => ({
      kind: 'select', message: message('after-no-question'),
      choices: [{ label: message('after-no-pivot'), value: 'pivot' }, { label: message('after-no-later'), value: 'later' }],
    }),
    answer: (afterNo) => go('after-no', [], { afterNo: afterNo as AfterNo }),
  },
  notes: {
    prompt: (view) => (view.notes.length === 0 ? null : { kind: 'keep', message: message('notes'), items: view.notes.map((note) => ({ tag: note.tag, text: note.text, value: note.id })) }),
    answer: (kept, view) => {
      const dropped = view.notes.filter((note) => !((kept as number[] | undefined) ?? view.notes.map((n) => n.id)).includes(note.id)).map((note) => note.id);
      return go('notes', dropped.length ? [{ kind: 'drop-notes', ids: dropped }] : []);
    },
  },
  'heard-value': heardStep('heard-value'),
  'heard-interest': heardStep('heard-interest'),
  'heard-issue': heardStep('heard-issue'),
  'heard-skill': heardStep('heard-skill'),
  'heard-capacity': heardStep('heard-capacity'),
  agitation: {
    prompt: () => ({ kind: 'text', message: message('agitation') }),
    answer: (text) => go('agitation', [{ kind: 'agitation', text: text as string | null }]),
  },
  story: {
    prompt: () => ({ kind: 'text', message: message('story') }),
    answer: (text) => go('story', text === null ? [] : [{ kind: 'note', tag: 'story', text: text as string }]),
  },
  rung: {
    prompt: (view) => ({
      kind: 'select', message: message('rung', { person: view.personName, rung: view.rung }),
      choices: RUNGS.map((value, index) => ({ label: message('rung-choice', { level: index + 1, rung: value }), value })), default: view.rung,
    }),
    answer: (rung) => go('rung', [{ kind: 'rung', rung: rung as Rung }]),
  },
  potential: {
    prompt: (view) => ({ kind: 'select', message: message('potential'), choices: POTENTIAL_CHOICES, default: view.potential ?? null }),
    answer: (potential) => go('potential', potential === null ? [] : [{ kind: 'potential', potential: potential as number }]),
  },
  assessment: {
    prompt: (view) => ({ kind: 'select', message: message('assessment', { person: view.personName }), choices: ASSESSMENT_CHOICES, default: view.assessment || null }),
    answer: (level, view) => go('assessment', level === null || level === view.assessment ? [] : [{ kind: 'assessment', level: level as number }]),
  },
  units: {
    prompt: (view) => ({ kind: 'text', message: message('units', { units: view.units.join(', ') }) }),
    answer: (name, view) => (name === null || view.units.some((unit) => unit.toLowerCase() === (name as string).toLowerCase())
      ? go('units')
      : { writes: [{ kind: 'unit', name: name as string }], next: 'stay' }),
  },
  referrals: {
    prompt: (view) => ({ kind: 'text', message: message('referrals', { referrals: view.referrals.join(', ') }) }),
    answer: (name) => (name === null ? go('referrals') : { writes: [{ kind: 'referral', name: name as string }], next: 'referral-how' }),
  },
  'referral-how': {
    prompt: (view) => {
      const named = view.lastReferral;
      if (named === undefined || named.related) return null;
      return { kind: 'select', message: message('referral-how', { person: view.personName, referral: named.name }), choices: REFERRAL_CHOICES, default: null };
    },
    answer: (relation, view) => {
      const named = view.lastReferral;
      return go('referral-how', relation === null || named === undefined ? [] : [{ kind: 'referral-relation', name: named.name, relation: relation as RelationshipKind }]);
    },
  },
  checklist: {
    prompt: (view) => {
      const items = checklistToAsk({ did: view.checklist, asks: view.asks }, view.scorecardItems);
      return items.length === 0 ? null : { kind: 'tick', message: message('checklist'), items };
    },
    answer: (ticked, view) => {
      const items = [...view.checklist, ...((ticked as ChecklistItem[] | undefined) ?? [])];
      return go('checklist', items.length > view.checklist.length ? [{ kind: 'checklist', items }] : []);
    },
  },
  'followup-due': {
    prompt: (view) => ({
      kind: 'when', message: message('followup-due'), field: message('field-followup-due'), skippable: true, needsTime: false,
      suggestion: followUpSuggestion(view.currentAsk),
    }),
    answer: (dueAt) => (dueAt === null ? { writes: [], next: 'reflection' } : go('followup-due', [{ kind: 'follow-up', dueAt: dueAt as string }])),
  },
  'followup-text': {
    prompt: (view) => (view.lastFollowUp ? { kind: 'text', message: message('followup-text'), default: view.lastFollowUp.text } : null),
    answer: (text, view) =>
      go('followup-text', text === null || !view.lastFollowUp || text === view.lastFollowUp.text ? [] : [{ kind: 'follow-up-text', id: view.lastFollowUp.id, text: text as string }]),
  },
  reflection: {
    prompt: () => ({ kind: 'text', message: message('reflection') }),
    answer: (text) => go('reflection', text === null ? [] : [{ kind: 'reflection', text: text as string }]),
  },
};

/**
 * Whether a due date as typed names a time of day, not just a day: the guide wants "5 pm on February 2nd",
 * and a bare "friday" would quietly become noon.
 */
export function mentionsTime(text: string): boolean {
  return /\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|h)\b|\d{1,2}:\d{2}|\b(noon|midnight|morning|afternoon|evening|tonight|night)\b|\bin \d+ (hours?|minutes?|mins?)\b/i.test(text);
}
