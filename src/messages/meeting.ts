/** The meeting's words in English: the talk reminders, the verdict and what a live phase says. Another language is another module of this shape. */
import { TAG_KEYS, type PhaseMessage, type TalkShares } from '../meeting/phase.js';
import { NOTE_TAG_LABELS, type NoteTag } from '../meeting/tags.js';
import type { LongestMonologue } from '../meeting/summary.js';
import type { ReflectingVerdict, Speaker, TalkMark, TalkMarks, TalkReminder, TalkVerdict } from '../meeting/talk.js';
import { counted, formatCountdown, formatElapsed, formatShare } from '../support/format.js';
import { notAChoiceWords, noteFlaggedWords, noteRewriteWords, privateMark } from './sensitive.js';
import { spokenCatalogues } from './spoken.js';

/** How the organizer answers: single keys on a terminal, or whole lines (a pipe, a screen reader's line mode). */
export type Typing = 'keys' | 'lines';

/** A message's words for each code, given that code's values. */
export type Words<M extends { code: string }> = { [C in M['code']]: (message: M & { code: C }, typing: Typing) => string };

/** The talk clock's words: the reminders, the verdict and the counts of the summary and the live screen. */
export interface TalkWords {
  verdict(verdict: TalkVerdict): string;
  reminder(reminder: TalkReminder): string;
  longestMonologue(longest: LongestMonologue | null): string;
  marks(marks: TalkMarks): string;
  reflecting(marks: TalkMarks | null, verdict: ReflectingVerdict): string | undefined;
}

const VERDICTS: Words<TalkVerdict> = {
  'no-talk': () => 'No talk time was recorded.',
  listened: ({ share }) => `You listened well: ${formatShare(share)} talking.`,
  'little-over': ({ share, goal }) => `You talked ${formatShare(share)}, a little over the ${formatShare(goal)} goal. Leave them more room to talk.`,
  'well-over': ({ share, goal }) => `You talked ${formatShare(share)}, well over the ${formatShare(goal)} goal. Ask open questions and let silences work.`,
  'twice-over': ({ share, goal }) => `You talked ${formatShare(share)}, more than twice the ${formatShare(goal)} goal. Next time, ask and wait.`,
};

const REFLECTING: Record<Exclude<ReflectingVerdict, 'none'>, string> = {
  good: 'good: you reflected back what you heard',
  fair: 'fair; reflect back more of what you hear',
  below: 'fewer reflections than questions; after an answer, say back what you heard before the next question',
};

const TALK_EN: TalkWords = {
  verdict: (verdict) => wordsFor(VERDICTS, verdict, 'keys'),
  reminder: (reminder) =>
    reminder.kind === 'share'
      ? `You've talked ${formatShare(reminder.share)} of this phase. Ask an open question and listen.`
      : `You've been talking for ${reminder.seconds} seconds without a break. Pause and hand the conversation back.`,
  longestMonologue: (longest) => {
    if (longest === null) return 'Longest you talked at a stretch: none recorded.';
    const at = `${formatElapsed(longest.seconds * 1000)}, in ${longest.position}. ${longest.title}`;
    return longest.seconds > longest.limitSeconds
      ? `Longest you talked at a stretch: ${at}, past the ${formatElapsed(longest.limitSeconds * 1000)} that phase allows. Stop sooner and ask.`
      : `Longest you talked at a stretch: ${at} (that phase allows ${formatElapsed(longest.limitSeconds * 1000)}).`;
  },
  marks: ({ questions, reflections }) => `Marked in this phase: ${counted(questions, 'open question')}, ${counted(reflections, 'reflection')}.`,
  reflecting: (marks, verdict) => {
    if (marks === null) return undefined;
    if (verdict === 'none') return 'Reflections to questions: none marked (q and r on the live screen).';
    const { questions, reflections } = marks;
    const ratio = questions === 0 ? '' : ` (${(reflections / questions).toFixed(1)} to 1)`;
    return `Reflections to questions: ${reflections} to ${questions}${ratio}, ${REFLECTING[verdict]}. (Motivational interviewing counts 1 to 1 as fair, 2 to 1 as good.)`;
  },
};

const talk = (): TalkWords => spokenCatalogues()?.talk ?? TALK_EN;

export function verdictWords(verdict: TalkVerdict): string {
  return talk().verdict(verdict);
}

export function reminderWords(reminder: TalkReminder): string {
  return talk().reminder(reminder);
}

/** The summary's line on the longest stretch the organizer talked without handing the conversation back. */
export function longestMonologueWords(longest: LongestMonologue | null): string {
  return talk().longestMonologue(longest);
}

/** The live screen's count of what was marked in this phase. */
export function marksLine(marks: TalkMarks): string {
  return talk().marks(marks);
}

/** The summary's line on reflections to open questions, against motivational interviewing's thresholds. */
export function reflectingWords(marks: TalkMarks | null, verdict: ReflectingVerdict): string | undefined {
  return talk().reflecting(marks, verdict);
}

/** The live phase's words: what the screen (drawn or plain) says around the clocks, its keys and the notes' kinds. */
export interface LiveWords {
  phase: Words<PhaseMessage>;
  tagLabels: Record<NoteTag, string>;
  heading(position: number, title: string, phaseCount: number): string;
  speaker(speaker: Speaker): string;
  share(talk: TalkShares): string;
  reminderLabel: string;
  keys: string[];
  markKeys: string[];
  helpLines: string[];
  markHelpLines: string[];
  screen: ScreenWords;
}

/** The drawn screen's and the plain mode's own phrases. */
export interface ScreenWords {
  keysLabel: string;
  tips: string;
  ask: string;
  listenFor(labels: string[]): string;
  moreOfGuide(hidden: number): string;
  countdown(remaining: string, target: string): string;
  paused: string;
  pressToGoOn: string;
  oneMinuteLeft: string;
  wrapUp: string;
  overtime(over: string): string;
  whenReady: string;
  keepRewritten: string;
  chooseKind: string;
  escCancel: string;
  noteLine(text: string): string;
  whatKind: string;
  rewriteHint: string;
  done(heading: string, elapsed: string, share: number | null): string;
  plainIntro(heading: string, planned: string): string;
  purpose(text: string): string;
  tip(text: string): string;
  question(text: string): string;
  typeThenEnter: string;
}

const KEY_HELP = ['n next phase', 'space or t who is talking', 'p pause', '+ add a minute', 'a note', '? help', 'Ctrl-C stop (kept as a draft)'];
/** The keys in words, as the English screen joins them. */
export const KEY_LIST = KEY_HELP.join(' · ');

const HELP_LINES = [
  'n      end this phase and go to the next one (the clock never ends a phase for you)',
  'space  or t: press when you start talking and again when you stop (the 80/20 talk clock)',
  'p      pause both clocks, press again to go on',
  '+      give this phase one more minute',
  'a      write a quick note; Enter, then one key for its kind; Esc cancels; the clocks keep running',
  'Aim to talk at most 20% of the meeting: ask open questions, then listen.',
];

const MARK_WORDS: Record<TalkMark, (count: number) => string> = {
  question: (count) => `Open question counted (${count} in this phase).`,
  reflection: (count) => `Reflection counted (${count} in this phase).`,
};

function timeLine(remainingMs: number): string {
  return remainingMs > 0 ? `${formatCountdown(remainingMs)} left` : `OVERTIME ${formatCountdown(remainingMs)}`;
}

const PHASE_WORDS: Words<PhaseMessage> = {
  speaker: ({ speaker, talk }) => `${speakerLine(speaker)} ${shareLine(talk)}`,
  paused: () => 'Paused. Press p to go on.',
  'going-on': ({ remainingMs }) => `Going on: ${timeLine(remainingMs)}.`,
  'minute-added': ({ remainingMs }) => `One more minute: ${timeLine(remainingMs)}.`,
  help: ({ remainingMs, paused, talk, marks }) =>
    [...helpLines(marks === true), `Now: ${timeLine(remainingMs)}${paused ? ', paused' : ''}. ${shareLine(talk)}`].join('\n'),
  marked: ({ mark, count }) => MARK_WORDS[mark](count),
  'note-opened': (_, typing) => `Note: type it, then Enter. ${typing === 'keys' ? 'Esc cancels.' : 'An empty line cancels.'}`,
  'ask-note-kind': (_, typing) => {
    const how = typing === 'keys' ? 'Press one key; Esc cancels.' : 'Type the letter or the word, then Enter; an empty line cancels.';
    return `What kind of note is it? ${tagKeyHelp().join('; ')}. ${how}`;
  },
  'note-cancelled': () => 'Note cancelled.',
  noted: ({ tag, text, private: mine }) => `Noted (${noteTagLabel(tag)}${mine ? `, ${privateMark()}` : ''}): ${text}`,
  'note-flagged': ({ terms, canKeepPrivate }, typing) => noteFlaggedWords(terms, canKeepPrivate, typing),
  'note-rewrite': ({ text }, typing) => noteRewriteWords(text, typing),
  'not-a-choice': ({ text, canKeepPrivate }) => notAChoiceWords(text, canKeepPrivate),
  'not-a-key': ({ char }) => `No key ${char} here; press ? for help.`,
  'not-a-kind': ({ text }) => `Not a kind of note: ${text}. ${tagKeyHelp().join('; ')}.`,
  'half-time': ({ remainingMs }) => `Half time: ${formatCountdown(remainingMs)} left in this phase.`,
  'one-minute-left': () => 'One minute left in this phase.',
  'time-up': () => 'Time is up for this phase; press n when you are ready.',
  reminder: ({ reminder }) => `${live().reminderLabel} ${reminderWords(reminder)}`,
  'phase-done': ({ elapsedMs, phaseShare }) => {
    const talked = phaseShare === null ? 'no talk recorded' : `you talked ${formatShare(phaseShare)} of it`;
    return `Phase done after ${formatElapsed(elapsedMs)}; ${talked}.`;
  },
};

const LIVE_EN: LiveWords = {
  phase: PHASE_WORDS,
  tagLabels: NOTE_TAG_LABELS,
  heading: (position, title, phaseCount) => `Phase ${position} of ${phaseCount}: ${title}`,
  speaker: (speaker) =>
    speaker === 'organizer' ? 'Talking now: you. Press space when you stop.' : 'Talking now: them. Press space when you start.',
  share: (talk) => {
    const share = (value: number | null) => formatShare(value ?? 0);
    return `You talked ${share(talk.phaseShare)} of this phase, ${share(talk.meetingShare)} of the meeting (aim for at most ${formatShare(talk.maxTalkShare)}).`;
  },
  reminderLabel: 'Reminder:',
  keys: KEY_HELP,
  markKeys: ['q open question', 'r reflection'],
  helpLines: HELP_LINES,
  markHelpLines: [
    'q      you asked an open question (counted; the clocks go on)',
    'r      you reflected back what you heard (counted; aim for two reflections to each question)',
  ],
  screen: {
    keysLabel: 'Keys:',
    tips: 'Tips',
    ask: 'Ask',
    listenFor: (labels) => `Listen for: ${labels.join(', ')}`,
    moreOfGuide: (hidden) => `… ${hidden} more line${hidden === 1 ? '' : 's'} of the guide: make the window taller to see them`,
    countdown: (remaining, target) => `${remaining} of ${target}`,
    paused: 'PAUSED',
    pressToGoOn: 'press p to go on',
    oneMinuteLeft: 'ONE MINUTE LEFT',
    wrapUp: ' - start wrapping up this phase.',
    overtime: (over) => `OVERTIME ${over}`,
    whenReady: ' - press n when you are ready.',
    keepRewritten: 'Enter keep it as it now reads (checked again)',
    chooseKind: 'Enter choose the kind of note',
    escCancel: 'Esc cancel',
    noteLine: (text) => `Note: ${text}`,
    whatKind: 'What kind of note is it? Press one key.',
    rewriteHint: 'Rewrite the note; Enter keeps it as it then reads (it is checked again).',
    done: (heading, elapsed, share) => `${heading} - done after ${elapsed}, ${share === null ? 'no talk recorded' : `you talked ${formatShare(share)}`}.`,
    plainIntro: (heading, planned) => `${heading}. ${planned} planned.`,
    purpose: (text) => `Purpose: ${text}`,
    tip: (text) => `Tip: ${text}`,
    question: (text) => `Ask: ${text}`,
    typeThenEnter: ' Type a key, then Enter.',
  },
};

/** The live phase's words in this run's language. */
export const live = (): LiveWords => spokenCatalogues()?.live ?? LIVE_EN;

export function noteTagLabel(tag: NoteTag): string {
  return live().tagLabels[tag];
}

/** The key line: the marking keys before help, where they are on. */
export function keyHelp(marks: boolean): string[] {
  const { keys, markKeys } = live();
  return marks ? [...keys.slice(0, 5), ...markKeys, ...keys.slice(5)] : keys;
}

/** What the help screen lists: the marking keys before the closing advice, where they are on. */
export function helpLines(marks: boolean): string[] {
  const { helpLines: lines, markHelpLines } = live();
  return [...lines.slice(0, -1), ...(marks ? markHelpLines : []), ...lines.slice(-1)];
}

export function tagKeyHelp(): string[] {
  return Object.entries(TAG_KEYS).map(([key, tag]) => `${key} ${noteTagLabel(tag)}`);
}

export function phaseHeading(phase: { position: number; title: string }, phaseCount: number): string {
  return live().heading(phase.position, phase.title, phaseCount);
}

export function speakerLine(speaker: Speaker): string {
  return live().speaker(speaker);
}

export function shareLine(talk: TalkShares): string {
  return live().share(talk);
}

/** One line, or several joined by newlines (help). */
export function phaseWords(message: PhaseMessage, typing: Typing = 'keys'): string {
  return wordsFor(live().phase, message, typing);
}

export function wordsFor<M extends { code: string }>(words: Words<M>, message: M, typing: Typing): string {
  // TypeScript cannot pair a message with the entry for its own code, so the lookup is widened once here.
  const say = words[message.code as M['code']] as (message: M, typing: Typing) => string;
  return say(message, typing);
}
