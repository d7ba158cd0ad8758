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
import type { PhaseClock } from '../meeting/clock.js';
import {
  noteField,
  openPhase,
  phaseSnapshot,
  phaseStep,
  type PhaseEffect,
  type PhaseEvent,
  type PhaseMode,
  type PhaseProgress,
  type PhaseSnapshot,
  type PhaseState,
  type PhaseStep,
  type PhaseTimers,
} from '../meeting/phase.js';
import { NOTE_TAG_LABELS, type NoteTag } from '../meeting/tags.js';
import type { TalkClock, TalkTotals } from '../meeting/talk.js';
import {
  HELP_LINES,
  KEY_HELP,
  phaseHeading,
  phaseWords,
  REMINDER_LABEL,
  reminderWords,
  shareLine,
  speakerLine,
  TAG_KEY_HELP,
} from '../messages/meeting.js';
import { formatCountdown, formatElapsed, formatShare, progressBar } from '../support/format.js';
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
  const { clock, talk, meetingTalkBefore } = config;
  return openPhase({ clock, talk, meetingTalkBefore, maxTalkShare: config.phase.maxTalkShare }, config.now());
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

/** Rows a line takes once the terminal wraps it at word boundaries (as inquirer's redraw does). */
export function screenRows(lines: readonly string[], columns: number): number {
  const width = Math.max(10, columns);
  let total = 0;
  for (const line of lines) {
    // eslint-disable-next-line no-control-regex
    const words = line.replace(/\u001b\[[0-9;]*m/g, '').split(' ');
    let rows = 1;
    let used = 0;
    for (const [index, word] of words.entries()) {
      let remaining = word.length;
      if (index > 0) {
        if (used + 1 + remaining <= width) {
          used += 1 + remaining;
          continue;
        }
        rows++;
        used = 0;
      }
      while (remaining > width) {
        rows++;
        remaining -= width;
      }
      used = remaining;
    }
    total += rows;
  }
  return total;
}

/**
 * The guide cut to the rows the terminal has left after everything else on the screen, so inquirer's
 * in-place redraw never scrolls (a screen taller than the terminal leaves a trail of copies).
 */
export function fitGuide(guide: readonly string[], rest: readonly string[], rows: number | undefined, columns: number): string[] {
  if (!rows || rows <= 0) return [...guide];
  const budget = rows - 1 - screenRows(rest, columns);
  if (screenRows(guide, columns) <= budget) return [...guide];
  const kept: string[] = [];
  let used = 1;
  for (const line of guide) {
    const needed = screenRows([line], columns);
    if (used + needed > budget) break;
    kept.push(line);
    used += needed;
  }
  if (budget < 1) return [];
  return [...kept, `  … ${guide.length - kept.length} more line${guide.length - kept.length === 1 ? '' : 's'} of the guide: make the window taller to see them`];
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
  const lines = phase.purpose ? wrapLine(phase.purpose, columns, '  ', '  ') : [];
  if (phase.tips.length > 0) lines.push(chalk.bold('  Tips'), ...bullets(phase.tips));
  if (phase.questions.length > 0) lines.push(chalk.bold('  Ask'), ...bullets(phase.questions));
  if (phase.noteTags?.length) {
    lines.push(...wrapLine(`Listen for: ${phase.noteTags.map((tag) => NOTE_TAG_LABELS[tag]).join(', ')}`, columns, '  ', '  '));
  }
  return lines;
}

function countdownLines(snapshot: PhaseSnapshot, chalk: Chalk): string[] {
  const bar = progressBar(snapshot.elapsedMs / snapshot.targetMs, 30);
  const time = `${formatCountdown(snapshot.remainingMs)} of ${formatCountdown(snapshot.targetMs)}`;
  const paused = snapshot.paused ? chalk.inverse(' PAUSED ') + ' press p to go on' : '';
  const lines = [`  ${chalk.bold(time)}  ${bar}  ${paused}`.trimEnd()];
  if (snapshot.stage === 'last-minute') lines.push(`  ${chalk.yellow.bold('ONE MINUTE LEFT')} - start wrapping up this phase.`);
  if (snapshot.stage === 'overtime') {
    lines.push(`  ${chalk.red.bold(`OVERTIME ${formatCountdown(snapshot.remainingMs)}`)} - press n when you are ready.`);
  }
  return lines;
}

function talkLines(snapshot: PhaseSnapshot, chalk: Chalk): string[] {
  return [
    `  ${speakerLine(snapshot.speaker)}`,
    `  ${shareLine(snapshot)}`,
    ...snapshot.reminders.map((reminder) => `  ${chalk.yellow.bold(REMINDER_LABEL)} ${reminderWords(reminder)}`),
  ];
}

/** The keys, broken between keys (never inside one) when the terminal is narrow. */
function keyLine(mode: PhaseMode, chalk: Chalk, columns: number): string {
  const keys = mode === 'note-text' ? ['Enter choose the kind of note', 'Esc cancel']
    : mode === 'note-tag' ? [...TAG_KEY_HELP, 'Esc cancel']
      : KEY_HELP;
  const width = Math.max(20, columns - 1);
  const lines: string[] = [];
  let line = '  Keys:';
  for (const key of keys) {
    const next = `${line}${line.endsWith(':') ? ' ' : ' · '}${key}`;
    if (next.length > width && !line.endsWith(':')) {
      lines.push(line);
      line = `        ${key}`;
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
    // readline's buffer must hold just the note being typed: inquirer puts the cursor after it.
    if (rl.line !== noteField(state)) rl.clearLine(0);
  });

  const snapshot = phaseSnapshot(phase, config.now());
  const heading = chalk.bold(phaseHeading(config.phase, config.phaseCount));
  if (phase.done) {
    const talked = snapshot.phaseShare === null ? 'no talk recorded' : `you talked ${formatShare(snapshot.phaseShare)}`;
    return `${prefix} ${heading} - done after ${formatElapsed(snapshot.elapsedMs)}, ${talked}.`;
  }
  const below = ['', ...countdownLines(snapshot, chalk), ...talkLines(snapshot, chalk)];
  if (phase.notice) below.push(`  ${phaseWords(phase.notice)}`);
  if (phase.mode === 'note-tag') below.push(`  Note: ${phase.note.trim()}`, '  What kind of note is it? Press one key.');
  // The note field is the last line so the terminal cursor sits where the organizer types.
  if (phase.mode === 'note-text') below.push(`  Note: ${phase.note}`);
  const columns = config.columns ?? process.stdout.columns ?? 80;
  const keys = keyLine(phase.mode, chalk, columns);
  const guide = phase.mode === 'help' ? HELP_LINES.flatMap((line) => wrapLine(line, columns, '  ', '         ')) : guideLines(config.phase, chalk, columns);
  const fitted = fitGuide(guide, [`${prefix} ${heading}`, ...below, keys], config.rows ?? process.stdout.rows, columns);
  return [[`${prefix} ${heading}`, ...fitted, ...below].join('\n'), keys];
});
