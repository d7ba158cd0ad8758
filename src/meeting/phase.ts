/**
 * A live phase as a pure machine: (state, event, now) -> the next state and what to do about it.
 * The live and plain screens only turn keys into events and effects into drawing, lines and callbacks.
 */
import {
  addMinute,
  isPhaseClockRunning,
  pausePhaseClock,
  phaseElapsedMs,
  phaseRemainingMs,
  phaseStage,
  phaseTargetMs,
  plainAnnouncements,
  resumePhaseClock,
  type PhaseClock,
  type PhaseMoment,
  type PhaseStage,
} from './clock.js';
import { flaggedTerms, type SensitiveCheck } from './sensitive.js';
import { isNoteTag, type NoteTag } from './tags.js';
import {
  addTalk,
  organizerStretchMs,
  pauseTalk,
  resumeTalk,
  addMark,
  countMarks,
  talkReminders,
  talkShare,
  talkTotals,
  toggleSpeaker,
  type Speaker,
  type TalkClock,
  type TalkMark,
  type TalkReminder,
  type TalkTotals,
} from './talk.js';

type PhaseCommand = 'next' | 'toggle-speaker' | 'pause' | 'add-minute' | 'note' | 'help' | 'open-question' | 'reflection';

/** What each key does outside a note; letters count in either case. */
const COMMAND_KEYS: Readonly<Record<string, PhaseCommand>> = {
  n: 'next',
  t: 'toggle-speaker',
  ' ': 'toggle-speaker',
  p: 'pause',
  '+': 'add-minute',
  a: 'note',
  '?': 'help',
  q: 'open-question',
  r: 'reflection',
};

/** Keys that are keys only where the guide counts open questions and reflections. */
const MARK_COMMANDS: ReadonlySet<PhaseCommand> = new Set(['open-question', 'reflection']);

/** One key for each kind of note, once the note is written. */
export const TAG_KEYS: Readonly<Record<string, NoteTag>> = {
  v: 'value',
  i: 'interest',
  m: 'motivation',
  s: 'issue',
  k: 'skill',
  c: 'capacity',
  y: 'story',
  l: 'lead-in',
  n: 'note',
};

/** The keys that edit a note; Esc also drops a note waiting for its kind. */
const NOTE_KEYS: Readonly<Record<string, 'finish' | 'cancel' | 'erase'>> = {
  '\r': 'finish',
  '\n': 'finish',
  '\u001b': 'cancel',
  '\u007f': 'erase',
  '\b': 'erase',
};

export type PhaseMode = 'keys' | 'help' | 'note-text' | 'note-tag' | 'note-choice';

/** What each key does while a note naming a sensitive term waits for the organizer's choice (Esc cancels the note). */
const CHOICE_KEYS: Readonly<Record<string, 'private' | 'rewrite' | 'send'>> = { p: 'private', r: 'rewrite', s: 'send' };

/** The same, typed as a line. */
const CHOICE_WORDS: Readonly<Record<string, 'private' | 'rewrite' | 'send'>> = {
  ...CHOICE_KEYS, private: 'private', keep: 'private', rewrite: 'rewrite', send: 'send',
};

export interface PhaseTimers {
  clock: PhaseClock;
  talk: TalkClock;
}

export interface PhaseProgress extends PhaseTimers {
  now: number;
}

export interface PhaseSetup extends PhaseTimers {
  maxTalkShare: number;
  /** Talk in the earlier phases of this meeting. */
  meetingTalkBefore: TalkTotals;
  /** With a server: the words a note is checked for before it is kept, and whether it may be private there. */
  sensitive?: SensitiveCheck;
  /** The guide counts open questions (q) and reflections (r). */
  marks?: boolean;
}

/**
 * A note that names a sensitive term, waiting for the organizer's choice: kept at once, private (so a crash or Ctrl-C
 * loses nothing and sends nothing to the team), until they keep it private, rewrite it or send it as it is.
 */
export interface HeldNote {
  tag: NoteTag;
  text: string;
  terms: string[];
}

/** What becomes of the held note, for the caller to save. */
export type HeldNoteChange =
  /** Kept, private, in place of the one held before (a rewrite that still names a term). */
  | { kind: 'hold'; tag: NoteTag; text: string }
  /** Settled: private as chosen, or (null) the visibility its tag gives it: sent as it is. */
  | { kind: 'settle'; visibility: 'private' | null }
  /** Cancelled: gone. */
  | { kind: 'drop' };

export interface TalkShares {
  phaseShare: number | null;
  meetingShare: number | null;
  maxTalkShare: number;
}

/** What became of the last note: shown until the next command. */
export type PhaseNotice = { code: 'note-cancelled' } | { code: 'noted'; tag: NoteTag; text: string; private?: true };

/** Everything the machine says, as codes with their values; src/messages words them. */
export type PhaseMessage =
  | PhaseNotice
  | { code: 'speaker'; speaker: Speaker; talk: TalkShares }
  | { code: 'paused' }
  | { code: 'going-on'; remainingMs: number }
  | { code: 'minute-added'; remainingMs: number }
  | { code: 'help'; remainingMs: number; paused: boolean; talk: TalkShares; marks?: boolean }
  | { code: 'note-opened' }
  | { code: 'marked'; mark: TalkMark; count: number }
  | { code: 'ask-note-kind' }
  | { code: 'not-a-key'; char: string }
  | { code: 'not-a-kind'; text: string }
  | { code: 'note-flagged'; terms: string[]; canKeepPrivate: boolean }
  | { code: 'note-rewrite'; text: string }
  | { code: 'not-a-choice'; text: string; canKeepPrivate: boolean }
  | { code: 'half-time'; remainingMs: number }
  | { code: 'one-minute-left' }
  | { code: 'time-up' }
  | { code: 'reminder'; reminder: TalkReminder }
  | { code: 'phase-done'; elapsedMs: number; phaseShare: number | null };

export interface PhaseState extends PhaseSetup {
  mode: PhaseMode;
  note: string;
  notice: PhaseNotice | null;
  /** Elapsed time when moments were last looked for, so each is said once. */
  saidAtMs: number;
  /** The reminders in force and already said; one is said again only after it lapsed. */
  remindersSaid: readonly TalkReminder['kind'][];
  done: boolean;
  /** A note naming a sensitive term: waiting for the choice (mode note-choice) or being rewritten (mode note-text). */
  held?: HeldNote;
}

export type PhaseEvent =
  /** One key; `field` is the note as a terminal's own line editor holds it, where there is one. */
  | { kind: 'key'; char?: string; field?: string }
  /** A whole line, where input comes a line at a time. */
  | { kind: 'line'; text: string }
  | { kind: 'tick' };

export type PhaseEffect =
  | { kind: 'save-progress'; progress: PhaseProgress }
  | { kind: 'note'; tag: NoteTag; text: string }
  | { kind: 'held-note'; change: HeldNoteChange }
  | { kind: 'say'; message: PhaseMessage }
  /** The phase is over; both clocks are stopped at the moment `n` was pressed. */
  | { kind: 'done'; timers: PhaseTimers };

export interface PhaseStep {
  state: PhaseState;
  effects: PhaseEffect[];
}

/** Everything either screen shows about the clocks at one moment. */
export interface PhaseSnapshot extends TalkShares {
  elapsedMs: number;
  remainingMs: number;
  targetMs: number;
  stage: PhaseStage;
  paused: boolean;
  speaker: Speaker;
  reminders: TalkReminder[];
}

export function phaseSnapshot(setup: PhaseSetup, now: number): PhaseSnapshot {
  const { clock, talk, maxTalkShare } = setup;
  const phaseTotals = talkTotals(talk, now);
  const elapsedMs = phaseElapsedMs(clock, now);
  const targetMs = phaseTargetMs(clock);
  return {
    elapsedMs,
    remainingMs: phaseRemainingMs(clock, now),
    targetMs,
    stage: phaseStage(clock, now),
    paused: !isPhaseClockRunning(clock),
    speaker: talk.speaker,
    phaseShare: talkShare(phaseTotals),
    meetingShare: talkShare(addTalk(setup.meetingTalkBefore, phaseTotals)),
    maxTalkShare,
    reminders: talkReminders({
      phaseTotals,
      maxTalkShare,
      stretchMs: organizerStretchMs(talk, now),
      phaseElapsedMs: elapsedMs,
      plannedMs: targetMs,
    }),
  };
}

/** The phase as it opens, with the moments and reminders a resumed phase has already crossed. */
export function openPhase(setup: PhaseSetup, now: number): PhaseStep {
  const { clock, maxTalkShare, meetingTalkBefore, sensitive } = setup;
  const talk = setup.marks ? countMarks(setup.talk) : setup.talk;
  const state: PhaseState = {
    clock, talk, maxTalkShare, meetingTalkBefore, ...(sensitive ? { sensitive } : {}),
    mode: 'keys', note: '', notice: null, saidAtMs: -1, remindersSaid: [], done: false,
  };
  return announce({ state, effects: [] }, now);
}

export function phaseStep(state: PhaseState, event: PhaseEvent, now: number): PhaseStep {
  if (state.done) return { state, effects: [] };
  if (event.kind === 'tick') return saved(announce({ state, effects: [] }, now), now);
  if (event.kind === 'line') return readLine(state, event.text, now);
  return readKey(state, event, now);
}

/** What a terminal's line editor should hold: the note while it is typed, else nothing. */
export function noteField(state: PhaseState): string {
  return state.mode === 'note-text' ? state.note : '';
}

function readKey(state: PhaseState, { char, field }: { char?: string; field?: string }, now: number): PhaseStep {
  if (state.mode === 'note-text') return saved(typeNote(state, char, field), now);
  if (state.mode === 'note-tag') return saved(pickKind(state, char), now);
  if (state.mode === 'note-choice') return saved(pickChoice(state, char), now);
  const key = char === undefined ? undefined : COMMAND_KEYS[char.toLowerCase()];
  const command = key && MARK_COMMANDS.has(key) && state.talk.marks === null ? undefined : key;
  if (command === 'next') return endPhase(state, now);
  if (command !== undefined) return saved(announce(runCommand(state, command, now), now), now);
  return saved({ state, effects: char !== undefined && isPrintable(char) ? [say({ code: 'not-a-key', char })] : [] }, now);
}

function readLine(state: PhaseState, text: string, now: number): PhaseStep {
  if (state.mode === 'note-text') return saved(finishNote({ ...state, note: text }), now);
  if (state.mode === 'note-tag') return saved(nameKind(state, text), now);
  if (state.mode === 'note-choice') return saved(nameChoice(state, text), now);
  return readKeysOfLine(state, text, now);
}

/** Each letter of a line is a key; one that opens the note field or ends the phase ends the line. */
function readKeysOfLine(state: PhaseState, text: string, now: number): PhaseStep {
  let step: PhaseStep = { state, effects: [] };
  for (const char of text.trim()) {
    if (step.state.done || step.state.mode === 'note-text') break;
    const next = readKey(step.state, { char }, now);
    step = { state: next.state, effects: [...step.effects, ...next.effects] };
  }
  return step;
}

type TimerCommand = Exclude<PhaseCommand, 'next'>;

const COMMANDS: Record<TimerCommand, (state: PhaseState, now: number) => PhaseState> = {
  'toggle-speaker': (state, now) => ({ ...state, talk: toggleSpeaker(state.talk, now) }),
  pause: (state, now) => (isPhaseClockRunning(state.clock) ? { ...state, ...stopTimers(state, now) } : resumeTimers(state, now)),
  'add-minute': (state) => ({ ...state, clock: addMinute(state.clock) }),
  help: (state) => ({ ...state, mode: state.mode === 'help' ? 'keys' : 'help' }),
  note: (state) => ({ ...state, mode: 'note-text', note: '' }),
  'open-question': (state) => ({ ...state, talk: addMark(state.talk, 'question') }),
  reflection: (state) => ({ ...state, talk: addMark(state.talk, 'reflection') }),
};

function runCommand(state: PhaseState, command: TimerCommand, now: number): PhaseStep {
  const next = { ...COMMANDS[command](state, now), notice: null };
  return { state: next, effects: [say(commandMessage(command, phaseSnapshot(next, now), next.talk.marks))] };
}

function commandMessage(command: TimerCommand, snapshot: PhaseSnapshot, marks: PhaseState['talk']['marks']): PhaseMessage {
  const { remainingMs, paused } = snapshot;
  switch (command) {
    case 'open-question':
      return { code: 'marked', mark: 'question', count: marks?.questions ?? 0 };
    case 'reflection':
      return { code: 'marked', mark: 'reflection', count: marks?.reflections ?? 0 };
    case 'toggle-speaker':
      return { code: 'speaker', speaker: snapshot.speaker, talk: sharesOf(snapshot) };
    case 'pause':
      return paused ? { code: 'paused' } : { code: 'going-on', remainingMs };
    case 'add-minute':
      return { code: 'minute-added', remainingMs };
    case 'help':
      return { code: 'help', remainingMs, paused, talk: sharesOf(snapshot), ...(marks ? { marks: true } : {}) };
    case 'note':
      return { code: 'note-opened' };
  }
}

function endPhase(state: PhaseState, now: number): PhaseStep {
  const timers = stopTimers(state, now);
  const next: PhaseState = { ...state, ...timers, notice: null, done: true };
  const { elapsedMs, phaseShare } = phaseSnapshot(next, now);
  return {
    state: next,
    effects: [progressOf(next, now), say({ code: 'phase-done', elapsedMs, phaseShare }), { kind: 'done', timers }],
  };
}

function typeNote(state: PhaseState, char: string | undefined, field: string | undefined): PhaseStep {
  const key = char === undefined ? undefined : NOTE_KEYS[char];
  if (key === 'finish') return finishNote(state);
  if (key === 'cancel') return cancelNote(state);
  const note = field ?? typed(state.note, char);
  // The same state when nothing changed (an arrow key), so the live screen does not redraw.
  return { state: note === state.note ? state : { ...state, note }, effects: [] };
}

function typed(note: string, char: string | undefined): string {
  if (char === undefined) return note;
  if (NOTE_KEYS[char] === 'erase') return note.slice(0, -1);
  return isPrintable(char) ? note + char : note;
}

function finishNote(state: PhaseState): PhaseStep {
  // A rewrite erased to nothing is the note cancelled; it had its kind already, so it is checked again at once.
  if (state.held) return state.note.trim() === '' ? cancelNote(state) : checkNote(state, state.held.tag);
  // Nothing was written, so nothing is left to show; the line is still said, for a screen reader.
  if (state.note.trim() === '') return { state: { ...state, mode: 'keys', note: '' }, effects: [say(CANCELLED)] };
  return { state: { ...state, mode: 'note-tag' }, effects: [say({ code: 'ask-note-kind' })] };
}

function pickKind(state: PhaseState, char: string | undefined): PhaseStep {
  if (char === undefined) return { state, effects: [] };
  if (NOTE_KEYS[char] === 'cancel') return cancelNote(state);
  const tag = TAG_KEYS[char.toLowerCase()];
  return tag === undefined ? { state, effects: [] } : checkNote(state, tag);
}

/** In line mode a whole word is easier than a letter ("issue" and "interest" share theirs). */
function nameKind(state: PhaseState, text: string): PhaseStep {
  const word = text.trim().toLowerCase();
  if (word === '') return cancelNote(state);
  const tag = isNoteTag(word) ? word : word.length === 1 ? TAG_KEYS[word] : undefined;
  return tag === undefined ? { state, effects: [say({ code: 'not-a-kind', text: text.trim() })] } : checkNote(state, tag);
}

/**
 * With a server, a note that names a sensitive term is not kept as written without the organizer's say: it is held
 * (private) and the screen asks. A rewrite comes back here with the kind it already had.
 */
function checkNote(state: PhaseState, tag: NoteTag): PhaseStep {
  const text = state.note.trim();
  const terms = flaggedTerms(state.sensitive, text);
  if (terms.length === 0) {
    if (!state.held) return keepNote(state, tag);
    // Rewritten without the words: kept as it now reads, with the visibility its kind gives it.
    const notice: PhaseNotice = { code: 'noted', tag, text };
    return {
      state: { ...state, mode: 'keys', note: '', notice, held: undefined },
      effects: [held({ kind: 'hold', tag, text }), held({ kind: 'settle', visibility: null }), say(notice)],
    };
  }
  const canKeepPrivate = state.sensitive?.canKeepPrivate === true;
  return {
    state: { ...state, mode: 'note-choice', note: '', notice: null, held: { tag, text, terms } },
    effects: [held({ kind: 'hold', tag, text }), say({ code: 'note-flagged', terms, canKeepPrivate })],
  };
}

function pickChoice(state: PhaseState, char: string | undefined): PhaseStep {
  if (char === undefined) return { state, effects: [] };
  if (NOTE_KEYS[char] === 'cancel') return cancelNote(state);
  const choice = CHOICE_KEYS[char.toLowerCase()];
  if (choice === undefined) return { state, effects: isPrintable(char) ? [notAChoice(state, char)] : [] };
  return choose(state, choice, char);
}

function nameChoice(state: PhaseState, text: string): PhaseStep {
  const choice = CHOICE_WORDS[text.trim().toLowerCase()];
  return choice === undefined ? { state, effects: [notAChoice(state, text.trim())] } : choose(state, choice, text.trim());
}

function choose(state: PhaseState, choice: 'private' | 'rewrite' | 'send', typed: string): PhaseStep {
  const note = state.held!;
  const canKeepPrivate = state.sensitive?.canKeepPrivate === true;
  if (choice === 'private' && !canKeepPrivate) return { state, effects: [notAChoice(state, typed)] };
  if (choice === 'rewrite') {
    return { state: { ...state, mode: 'note-text', note: note.text }, effects: [say({ code: 'note-rewrite', text: note.text })] };
  }
  const notice: PhaseNotice = choice === 'private' ? { code: 'noted', tag: note.tag, text: note.text, private: true } : { code: 'noted', tag: note.tag, text: note.text };
  return {
    state: { ...state, mode: 'keys', note: '', notice, held: undefined },
    effects: [held({ kind: 'settle', visibility: choice === 'private' ? 'private' : null }), say(notice)],
  };
}

function notAChoice(state: PhaseState, text: string): PhaseEffect {
  return say({ code: 'not-a-choice', text, canKeepPrivate: state.sensitive?.canKeepPrivate === true });
}

function held(change: HeldNoteChange): PhaseEffect {
  return { kind: 'held-note', change };
}

function keepNote(state: PhaseState, tag: NoteTag): PhaseStep {
  const notice: PhaseNotice = { code: 'noted', tag, text: state.note.trim() };
  return {
    state: { ...state, mode: 'keys', note: '', notice },
    effects: [{ kind: 'note', tag, text: notice.text }, say(notice)],
  };
}

const CANCELLED: PhaseNotice = { code: 'note-cancelled' };

function cancelNote(state: PhaseState): PhaseStep {
  const dropped = state.held ? [held({ kind: 'drop' })] : [];
  return { state: { ...state, mode: 'keys', note: '', notice: CANCELLED, held: undefined }, effects: [...dropped, say(CANCELLED)] };
}

/** Says each moment and reminder once, when crossed; several moments at once (after a suspend) say the latest. */
function announce({ state, effects }: PhaseStep, now: number): PhaseStep {
  const snapshot = phaseSnapshot(state, now);
  const moment = plainAnnouncements(state.clock, state.saidAtMs, snapshot.elapsedMs).at(-1);
  const fresh = snapshot.reminders.filter((reminder) => !state.remindersSaid.includes(reminder.kind));
  return {
    state: { ...state, saidAtMs: snapshot.elapsedMs, remindersSaid: snapshot.reminders.map((reminder) => reminder.kind) },
    effects: [
      ...effects,
      ...momentMessages(moment, snapshot.remainingMs).map(say),
      ...fresh.map((reminder) => say({ code: 'reminder', reminder })),
    ],
  };
}

function momentMessages(moment: PhaseMoment | undefined, remainingMs: number): PhaseMessage[] {
  if (moment === 'half') return [{ code: 'half-time', remainingMs }];
  if (moment === 'one-minute') return [{ code: 'one-minute-left' }];
  if (moment === 'zero') return [{ code: 'time-up' }];
  return [];
}

/** Every key and every tick hands the clocks to the caller, so a crash loses at most a second. */
function saved({ state, effects }: PhaseStep, now: number): PhaseStep {
  return { state, effects: [...effects, progressOf(state, now)] };
}

function progressOf({ clock, talk }: PhaseTimers, now: number): PhaseEffect {
  return { kind: 'save-progress', progress: { clock, talk, now } };
}

function say(message: PhaseMessage): PhaseEffect {
  return { kind: 'say', message };
}

function sharesOf({ phaseShare, meetingShare, maxTalkShare }: TalkShares): TalkShares {
  return { phaseShare, meetingShare, maxTalkShare };
}

function stopTimers(timers: PhaseTimers, now: number): PhaseTimers {
  return { clock: pausePhaseClock(timers.clock, now), talk: pauseTalk(timers.talk, now) };
}

function resumeTimers(state: PhaseState, now: number): PhaseState {
  return { ...state, clock: resumePhaseClock(state.clock, now), talk: resumeTalk(state.talk, now) };
}

function isPrintable(char: string): boolean {
  return char >= ' ' && char !== '\u007f';
}
