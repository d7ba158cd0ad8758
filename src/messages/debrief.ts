/** The debrief's words, by message id: its questions, their choices and what it says between them. Another language is another module of this shape. */
import type { DebriefMessage, DebriefMessageId } from '../meeting/debrief.js';
import { assessmentLabel } from './assessment.js';
import { rungLabel } from './ladder.js';
import { checklistQuestion, reflectionQuestion } from './scorecard.js';
import { spokenCatalogues } from './spoken.js';

export type DebriefParams = Record<string, string | number>;

/** Every message of the debrief, given its values: the compiler refuses a catalogue that lacks one. */
export type DebriefWords = { readonly [Id in DebriefMessageId]: (params: DebriefParams) => string };

const noted = (params: DebriefParams) => (params.noted ? ` Noted: ${params.noted}.` : '');

const HEARD = (question: string) => (params: DebriefParams) => `${question}${noted(params)} Add one, or Enter to go on:`;

const REFERRAL_KIND_WORDS: Record<string, string> = {
  coworker: 'they work together', neighbor: 'neighbors', 'same-building': 'the same building', family: 'family', friend: 'friends',
  congregation: 'the same congregation', other: 'some other way',
};

/** What a date is for: a key the dates' words read (messages/dates.ts), so the same in every language. */
export const DATE_FIELDS = {
  'field-ask-due': () => "ask's due date",
  'field-followup-due': () => 'follow-up date',
} as const;

const DEBRIEF_EN: DebriefWords = {
  intro: () => '\nThe meeting is over. Now the commitment and what you heard; each answer is saved as you give it.',
  ask: () => 'The ask: what exactly did you ask them to do? (type - if you made no ask)',
  pivot: () => 'The smaller ask: what did you ask instead? (type - for none)',
  'ask-required': () => 'Type it in a few words, or - if there was none.',
  'ask-due': () => 'By when? A day and a time, e.g. "next friday 5pm" or "5 pm on February 2nd":',
  'ask-barriers': () => 'What might stop them? (Enter if nothing)',
  'ask-support': () => 'How will you help remove that? (a ride, childcare, a reminder, going together…)',
  'ask-outcome': (params) => `What did they say to "${params.ask}"?`,
  // The stored code is the English word.
  outcome: (params) => String(params.outcome),
  'after-no': () => 'A no is normal and fine: most asks get one, and asking still shows you take them seriously.',
  'after-no-question': () => 'What next?',
  'after-no-pivot': () => 'I made a smaller ask',
  'after-no-later': () => 'Leave it for now; set a follow-up at the end',
  notes: () => 'Your quick notes, kept unless you untick them (space toggles, Enter confirms):',
  'heard-value': HEARD('What values did you hear? (what they care about, in their words)'),
  'heard-interest': HEARD('What self-interests did you hear? (what is at stake for them)'),
  'heard-issue': HEARD('Which issues would they act on?'),
  'heard-skill': HEARD('What skills do they have?'),
  'heard-capacity': HEARD('What is their capacity? (time, energy, constraints)'),
  agitation: () => 'Agitation: did you raise a gap between what they value and how things are? In a line (Enter to skip):',
  story: () => 'The story you shared about yourself, in a line (Enter to skip):',
  rung: (params) => `Where does ${params.person} stand on the ladder after this meeting? (now: ${rungLabel(String(params.rung))})`,
  potential: () => 'Leadership potential, 1 to 5?',
  'potential-1': () => '1 no sign yet',
  'potential-3': () => '3 shows promise',
  'potential-5': () => '5 ready to lead now',
  'potential-unsure': () => 'not sure yet',
  assessment: (params) => `Where does ${params.person} stand on the campaign?`,
  'assessment-level': (params) => `${params.level} ${assessmentLabel(Number(params.level))}`,
  'assessment-unsure': () => 'not sure yet',
  units: (params) => `Which building, worksite, shift or congregation are they part of?${params.units ? ` (so far: ${params.units})` : ''} A name, or Enter to go on:`,
  'referral-how': (params) => `How does ${params.person} know ${params.referral}?`,
  'referral-kind': (params) => REFERRAL_KIND_WORDS[params.kind as string] ?? String(params.kind),
  'referral-how-skip': () => 'skip (not said)',
  referrals: (params) => `Did they connect you to anyone?${params.referrals ? ` (so far: ${params.referrals})` : ''} A name, or Enter to go on:`,
  'followup-due': () => 'When will you follow up with them? (type - for no follow-up)',
  'followup-text': () => 'Your next step, as you will do it:',
  'rung-choice': (params) => `${params.level} ${rungLabel(String(params.rung))}`,
  ...DATE_FIELDS,
  // Read back by the date parser: a phrase it understands in this language.
  'suggest-two-days': () => 'in 2 days at 10am',
  'suggest-two-weeks': () => 'in 2 weeks at 10am',
  'suggest-day-after': (params) => `${params.day} 10am`,
  checklist: () => checklistQuestion(),
  reflection: () => reflectionQuestion(),
};

export function debriefWords(message: DebriefMessage | string): string {
  if (typeof message === 'string') return message;
  return (spokenCatalogues()?.debrief ?? DEBRIEF_EN)[message.id](message.params ?? {});
}

/** An ask's answer as the debrief offered it: "yes" in English, "sí" in Spanish (stored as its code). */
export function outcomeLabel(outcome: string): string {
  return debriefWords({ id: 'outcome', params: { outcome } });
}
