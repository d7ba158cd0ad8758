import {
  createPrompt,
  isEnterKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { stripVTControlCharacters } from 'node:util';
import type { PhaseClock } from '../meeting/clock.js';
import {
  noteField,
  openPhase,
  phaseSnapshot,
  phaseStep,
  type HeldNoteChange,
  type PhaseEffect,
  type PhaseEvent,
  type PhaseMode,
  type PhaseProgress,
  type PhaseSnapshot,
  type PhaseState,
  type PhaseStep,
  type PhaseTimers,
} from '../meeting/phase.js';
import type { SensitiveCheck } from '../meeting/sensitive.js';
import type { NoteTag } from '../meeting/tags.js';
import type { TalkClock, TalkTotals } from '../meeting/talk.js';
import {
  keyHelp,
  live,
  marksLine,
  noteTagLabel,
  phaseHeading,
  phaseWords,
  reminderWords,
  shareLine,
  speakerLine,
  tagKeyHelp,
} from '../messages/meeting.js';
import { choiceKeys, flaggedNoteLines } from '../messages/sensitive.js';
import { formatCountdown, formatElapsed, progressBar } from '../support/format.js';
import { paint } from './color.js';

export type { PhaseProgress, PhaseTimers } from '../meeting/phase.js';

/** Structurally a PlannedPhase from src/meeting/plan.ts (noteTags optional). */
export interface LivePhaseInfo {
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  purpose: string;
  tips: readonly string[];
  questions: readonly string[];
  noteTags?: readonly NoteTag[];
  /** The guide counts open questions (q) and reflections (r). */
  marks?: boolean;
}

export interface LivePhaseConfig {
  phase: LivePhaseInfo;
  phaseCount: number;
  clock: PhaseClock;
  talk: TalkClock;
  /** Talk in the earlier phases of this meeting. */
  meetingTalkBefore: TalkTotals;
  now: () => number;
  /** Every second and on every key: the caller saves it, so a crash loses at most a second. */
  onProgress(progress: PhaseProgress): void;
  /** The moment a note gets its tag. */
  onNote(tag: NoteTag, text: string): void;
  /** With a server: the words a note is checked for, and whether a note may be private there. */
  sensitive?: SensitiveCheck;
  /** A note that names a sensitive term: held (private) at once, then settled as the organizer chose, or dropped. */
  onHeldNote?(change: HeldNoteChange): void;
  color: boolean;
  /** The terminal's size; the guide is cut to fit so the redraw never scrolls (default: process.stdout's). */
  rows?: number;
  columns?: number;
}

/** Both clocks are stopped at the moment `n` was pressed. */
export interface PhaseResult extends PhaseTimers {
  action: 'next';
}

/** The machine as a phase on screen opens, from either screen's config. */
export function openPhaseFor(config: LivePhaseConfig): PhaseStep {
  const { clock, talk, meetingTalkBefore, sensitive } = config;
  const marks = config.phase.marks === true;
  return openPhase({ clock, talk, meetingTalkBefore, maxTalkShare: config.phase.maxTalkShare, marks, ...(sensitive ? { sensitive } : {}) }, config.now());
}

type Chalk = ReturnType<typeof paint>;
/** readline's key also carries the typed character (e.g. '+', 'A'); @inquirer/testing sends only a name. */
type TypedKey = KeypressEvent & { sequence?: string; meta?: boolean };

/** The key as the character a terminal sends for it; Esc comes from readline with `meta` set. */
function keyChar(key: TypedKey): string | undefined {
  if (isEnterKey(key)) return '\r';
  if (key.name === 'escape') return '\u001b';
  if (key.ctrl || key.meta) return undefined;
  if (key.name === 'space') return ' ';
  if (key.sequence?.length === 1) return key.sequence;
  return key.name?.length === 1 ? key.name : undefined;
}

/** East Asian wide characters and emoji take two columns; counting one of them as two only leaves a spare row. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}/u;

/** Rows one line takes: inquirer's redraw fills each row to the last column, then goes on in the next. */
function rowsOfLine(line: string, width: number): number {
  let rows = 1;
  let used = 0;
  for (const char of stripVTControlCharacters(line)) {
    const columns = WIDE.test(char) ? 2 : 1;
    if (used + columns > width) {
      rows++;
      used = 0;
    }
    used += columns;
  }
  return rows;
}

/** Rows the lines take on the terminal; a line may hold line breaks of its own (the keys do). */
export function screenRows(lines: readonly string[], columns: number): number {
  const width = Math.max(1, columns);
  return lines.flatMap((line) => line.split('\n')).reduce((total, line) => total + rowsOfLine(line, width), 0);
}

/**
 * The guide cut to the rows the terminal has left after everything else on the screen, so inquirer's
 * in-place redraw never scrolls (a screen taller than the terminal leaves a trail of copies).
 */
export function fitGuide(guide: readonly string[], rest: readonly string[], rows: number | undefined, columns: number): string[] {
  if (!rows || rows <= 0) return [...guide];
  const budget = rows - 1 - screenRows(rest, columns);
  if (screenRows(guide, columns) <= budget) return [...guide];
  const more = (hidden: number) =>
    wrapLine(live().screen.moreOfGuide(hidden), columns, '  ', '  ');
  // Room for the line saying what is hidden, at its longest (the most lines hidden), before any of the guide.
  let used = screenRows(more(guide.length), columns);
  const kept: string[] = [];
  for (const line of guide) {
    const needed = screenRows([line], columns);
    if (used + needed > budget) break;
    kept.push(line);
    used += needed;
  }
  if (used > budget) return [];
  return [...kept, ...more(guide.length - kept.length)];
}

/** Word-wrapped to the terminal with a hanging indent, so a long tip never breaks mid-word. */
export function wrapLine(text: string, columns: number, first: string, rest: string): string[] {
  const width = Math.max(20, columns - 1);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function guideLines(phase: LivePhaseInfo, chalk: Chalk, columns: number): string[] {
  const bullets = (items: readonly string[]) => items.flatMap((item) => wrapLine(item, columns, '  - ', '    '));
  const { screen } = live();
  const lines = phase.purpose ? wrapLine(phase.purpose, columns, '  ', '  ') : [];
  if (phase.tips.length > 0) lines.push(chalk.bold(`  ${screen.tips}`), ...bullets(phase.tips));
  if (phase.questions.length > 0) lines.push(chalk.bold(`  ${screen.ask}`), ...bullets(phase.questions));
  if (phase.noteTags?.length) lines.push(...wrapLine(screen.listenFor(phase.noteTags.map(noteTagLabel)), columns, '  ', '  '));
  return lines;
}

/** The progress bar shrinks to fit a narrow terminal; "PAUSED" goes under it when it would not fit beside it. */
function countdownLines(snapshot: PhaseSnapshot, chalk: Chalk, columns: number): string[] {
  const { screen } = live();
  const time = screen.countdown(formatCountdown(snapshot.remainingMs), formatCountdown(snapshot.targetMs));
  const barWidth = Math.max(5, Math.min(30, columns - 1 - `  ${time}  []`.length));
  const line = `  ${chalk.bold(time)}  ${progressBar(snapshot.elapsedMs / snapshot.targetMs, barWidth)}`;
  const lines = [line];
  if (snapshot.paused) {
    const paused = `${chalk.inverse(` ${screen.paused} `)} ${screen.pressToGoOn}`;
    const beside = stripVTControlCharacters(`${line}  ${paused}`).length < columns;
    if (beside) lines[0] = `${line}  ${paused}`;
    else lines.push(`  ${paused}`);
  }
  if (snapshot.stage === 'last-minute') lines.push(...words(`${chalk.yellow.bold(screen.oneMinuteLeft)}${screen.wrapUp}`, columns));
  if (snapshot.stage === 'overtime') {
    lines.push(...words(`${chalk.red.bold(screen.overtime(formatCountdown(snapshot.remainingMs)))}${screen.whenReady}`, columns));
  }
  return lines;
}

function talkLines(snapshot: PhaseSnapshot, chalk: Chalk, columns: number): string[] {
  return [
    ...words(speakerLine(snapshot.speaker), columns),
    ...words(shareLine(snapshot), columns),
    ...snapshot.reminders.flatMap((reminder) => words(`${chalk.yellow.bold(live().reminderLabel)} ${reminderWords(reminder)}`, columns)),
  ];
}

/** A sentence of the screen, indented and broken between words so a narrow terminal never cuts a word. */
function words(text: string, columns: number): string[] {
  return wrapLine(text, columns, '  ', '  ');
}

/** The keys, broken between keys (never inside one) when the terminal is narrow. */
function keyLine(mode: PhaseMode, chalk: Chalk, columns: number, rewriting: boolean, canKeepPrivate: boolean, marks: boolean): string {
  const { screen } = live();
  const keys = mode === 'note-text' ? [rewriting ? screen.keepRewritten : screen.chooseKind, screen.escCancel]
    : mode === 'note-tag' ? [...tagKeyHelp(), screen.escCancel]
      : mode === 'note-choice' ? choiceKeys(canKeepPrivate)
        : keyHelp(marks);
  const width = Math.max(20, columns - 1);
  const lines: string[] = [];
  const label = `  ${screen.keysLabel}`;
  let line = label;
  for (const key of keys) {
    const next = `${line}${line === label ? ' ' : ' · '}${key}`;
    if (next.length > width && line !== label) {
      lines.push(line);
      line = `${' '.repeat(label.length + 1)}${key}`;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return chalk.dim(lines.join('\n'));
}

export const livePhase = createPrompt<PhaseResult, LivePhaseConfig>((config, done) => {
  const [phase, setPhase] = useState<PhaseState>(() => openPhaseFor(config).state);
  const chalk = paint(config.color);
  const theme = makeTheme(config.color ? {} : { prefix: { idle: '?', done: '✔' } });
  const prefix = usePrefix({ status: phase.done ? 'done' : 'idle', theme });

  const carryOut = (effect: PhaseEffect) => {
    switch (effect.kind) {
      case 'save-progress':
        return config.onProgress(effect.progress);
      case 'note':
        return config.onNote(effect.tag, effect.text);
      case 'held-note':
        return config.onHeldNote?.(effect.change);
      case 'done':
        return done({ action: 'next', ...effect.timers });
      case 'say':
        // Lines for the plain screen; this one redraws from the state instead.
        return;
    }
  };
  const step = (event: PhaseEvent): PhaseState => {
    const { state, effects } = phaseStep(phase, event, config.now());
    setPhase(state);
    effects.forEach(carryOut);
    return state;
  };
  // The interval is set once; it steps through the newest render's `step` (and so the newest state).
  const latestStep = useRef(step);
  latestStep.current = step;

  useEffect(() => {
    const interval = setInterval(() => latestStep.current({ kind: 'tick' }), 1000);
    return () => clearInterval(interval);
  }, []);

  useKeypress((key: TypedKey, rl) => {
    const state = step({ kind: 'key', char: keyChar(key), field: rl.line });
    // readline's buffer must hold just the note being typed: inquirer puts the cursor after it. A note to rewrite
    // starts as it was written, to be edited.
    const field = noteField(state);
    if (rl.line !== field) {
      rl.clearLine(0);
      if (field !== '') rl.write(field);
    }
  });

  const snapshot = phaseSnapshot(phase, config.now());
  const columns = config.columns ?? process.stdout.columns ?? 80;
  const heading = wrapLine(phaseHeading(config.phase, config.phaseCount), columns, `${prefix} `, '  ').map((line) => chalk.bold(line));
  const { screen } = live();
  if (phase.done) return `${prefix} ${screen.done(chalk.bold(phaseHeading(config.phase, config.phaseCount)), formatElapsed(snapshot.elapsedMs), snapshot.phaseShare)}`;
  const below = ['', ...countdownLines(snapshot, chalk, columns), ...talkLines(snapshot, chalk, columns)];
  if (phase.talk.marks) below.push(...words(marksLine(phase.talk.marks), columns));
  if (phase.notice) below.push(...words(phaseWords(phase.notice), columns));
  if (phase.mode === 'note-tag') below.push(...words(screen.noteLine(phase.note.trim()), columns), ...words(screen.whatKind, columns));
  if (phase.mode === 'note-choice' && phase.held) {
    below.push(...flaggedNoteLines(phase.held.text, phase.held.terms, phase.sensitive?.canKeepPrivate === true).flatMap((line) => words(line, columns)));
  }
  if (phase.mode === 'note-text' && phase.held) below.push(...words(screen.rewriteHint, columns));
  // The note field is the last line so the terminal cursor sits where the organizer types.
  if (phase.mode === 'note-text') below.push(`  ${screen.noteLine(phase.note)}`);
  const keys = keyLine(phase.mode, chalk, columns, phase.held !== undefined, phase.sensitive?.canKeepPrivate === true, phase.talk.marks !== null);
  const guide = phase.mode === 'help' ? live().helpLines.flatMap((line) => wrapLine(line, columns, '  ', '         ')) : guideLines(config.phase, chalk, columns);
  const fitted = fitGuide(guide, [...heading, ...below, ...promptRowExtra(below.at(-1) ?? '', columns), keys], config.rows ?? process.stdout.rows, columns);
  return [[...heading, ...fitted, ...below].join('\n'), keys];
});

/** inquirer adds a row under a prompt line that ends exactly at the last column (it measures the line in characters). */
function promptRowExtra(promptLine: string, columns: number): string[] {
  return stripVTControlCharacters(promptLine).length % Math.max(1, columns) === 0 ? [''] : [];
}
