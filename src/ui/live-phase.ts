import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import {
  addMinute,
  isPhaseClockRunning,
  pausePhaseClock,
  phaseElapsedMs,
  phaseRemainingMs,
  phaseStage,
  phaseTargetMs,
  resumePhaseClock,
  type PhaseClock,
  type PhaseStage,
} from '../meeting/clock.js';
import { formatCountdown, formatElapsed, formatShare, progressBar } from '../support/format.js';
import { NOTE_TAG_LABELS, type NoteTag } from '../meeting/tags.js';
import {
  addTalk,
  organizerStretchMs,
  pauseTalk,
  resumeTalk,
  talkReminders,
  talkShare,
  talkTotals,
  toggleSpeaker,
  type Speaker,
  type TalkClock,
  type TalkReminder,
  type TalkTotals,
} from '../meeting/talk.js';
import { paint } from './color.js';

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

export interface PhaseTimers {
  clock: PhaseClock;
  talk: TalkClock;
}

export interface PhaseProgress extends PhaseTimers {
  now: number;
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

export type PhaseCommand = 'next' | 'toggle-speaker' | 'pause' | 'add-minute' | 'note' | 'help';
type TimerCommand = 'toggle-speaker' | 'pause' | 'add-minute';

const COMMAND_KEYS: Record<string, PhaseCommand> = {
  n: 'next',
  t: 'toggle-speaker',
  ' ': 'toggle-speaker',
  p: 'pause',
  '+': 'add-minute',
  a: 'note',
  '?': 'help',
};

const TAG_KEYS: Record<string, NoteTag> = {
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

/** The keys in words, for the screen and for the plain mode (which joins them for a screen reader). */
export const KEY_HELP = ['n next phase', 'space or t who is talking', 'p pause', '+ add a minute', 'a note', '? help', 'Ctrl-C stop (kept as a draft)'];
export const KEY_LIST = KEY_HELP.join(' · ');
export const TAG_KEY_HELP = Object.entries(TAG_KEYS).map(([key, tag]) => `${key} ${NOTE_TAG_LABELS[tag]}`);
export const TAG_KEY_LIST = TAG_KEY_HELP.join(' · ');

export const HELP_LINES = [
  'n      end this phase and go to the next one (the clock never ends a phase for you)',
  'space  or t: press when you start talking and again when you stop (the 80/20 talk clock)',
  'p      pause both clocks, press again to go on',
  '+      give this phase one more minute',
  'a      write a quick note; Enter, then one key for its kind; Esc cancels; the clocks keep running',
  'Aim to talk at most 20% of the meeting: ask open questions, then listen.',
];

export function commandForKey(char: string): PhaseCommand | undefined {
  return COMMAND_KEYS[char.toLowerCase()];
}

export function tagForKey(char: string): NoteTag | undefined {
  return TAG_KEYS[char.toLowerCase()];
}

function stopTimers(timers: PhaseTimers, now: number): PhaseTimers {
  return { clock: pausePhaseClock(timers.clock, now), talk: pauseTalk(timers.talk, now) };
}

function applyTimerCommand(timers: PhaseTimers, command: TimerCommand, now: number): PhaseTimers {
  switch (command) {
    case 'toggle-speaker':
      return { ...timers, talk: toggleSpeaker(timers.talk, now) };
    case 'add-minute':
      return { ...timers, clock: addMinute(timers.clock) };
    case 'pause':
      if (isPhaseClockRunning(timers.clock)) return stopTimers(timers, now);
      return { clock: resumePhaseClock(timers.clock, now), talk: resumeTalk(timers.talk, now) };
  }
}

function isTimerCommand(command: PhaseCommand): command is TimerCommand {
  return command === 'toggle-speaker' || command === 'pause' || command === 'add-minute';
}

/** The clocks after a key: `next` stops both where they are. */
export function timersAfter(command: PhaseCommand, timers: PhaseTimers, now: number): PhaseTimers {
  if (command === 'next') return stopTimers(timers, now);
  return isTimerCommand(command) ? applyTimerCommand(timers, command, now) : timers;
}

/** Everything either screen shows about the clocks at one moment. */
export interface PhaseSnapshot {
  elapsedMs: number;
  remainingMs: number;
  targetMs: number;
  stage: PhaseStage;
  paused: boolean;
  speaker: Speaker;
  phaseShare: number | null;
  meetingShare: number | null;
  reminders: TalkReminder[];
}

export function phaseSnapshot(
  config: Pick<LivePhaseConfig, 'phase' | 'meetingTalkBefore'>,
  timers: PhaseTimers,
  now: number,
): PhaseSnapshot {
  const { clock, talk } = timers;
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
    meetingShare: talkShare(addTalk(config.meetingTalkBefore, phaseTotals)),
    reminders: talkReminders({
      phaseTotals,
      maxTalkShare: config.phase.maxTalkShare,
      stretchMs: organizerStretchMs(talk, now),
      phaseElapsedMs: elapsedMs,
      plannedMs: targetMs,
    }),
  };
}

export function phaseHeading(phase: LivePhaseInfo, phaseCount: number): string {
  return `Phase ${phase.position} of ${phaseCount}: ${phase.title}`;
}

export function shareLine(snapshot: PhaseSnapshot, maxTalkShare: number): string {
  const share = (value: number | null) => formatShare(value ?? 0);
  return (
    `You talked ${share(snapshot.phaseShare)} of this phase, ${share(snapshot.meetingShare)} of the meeting` +
    ` (aim for at most ${formatShare(maxTalkShare)}).`
  );
}

export function speakerLine(speaker: Speaker): string {
  return speaker === 'organizer'
    ? 'Talking now: you. Press space when you stop.'
    : 'Talking now: them. Press space when you start.';
}

type Mode = 'keys' | 'help' | 'note-text' | 'note-tag';
type Chalk = ReturnType<typeof paint>;
/** readline's key also carries the typed character (e.g. '+', 'A'); @inquirer/testing sends only a name. */
type TypedKey = KeypressEvent & { sequence?: string; meta?: boolean };

function keyChar(key: TypedKey): string | undefined {
  if (key.ctrl || key.meta) return undefined;
  if (key.name === 'space') return ' ';
  if (key.sequence?.length === 1) return key.sequence;
  return key.name?.length === 1 ? key.name : undefined;
}

function indent(lines: readonly string[], bullet = ''): string[] {
  return lines.map((line) => `  ${bullet}${line}`);
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

function talkLines(snapshot: PhaseSnapshot, maxTalkShare: number, chalk: Chalk): string[] {
  return [
    `  ${speakerLine(snapshot.speaker)}`,
    `  ${shareLine(snapshot, maxTalkShare)}`,
    ...snapshot.reminders.map((reminder) => `  ${chalk.yellow.bold('Reminder:')} ${reminder.text}`),
  ];
}

/** The keys, broken between keys (never inside one) when the terminal is narrow. */
function keyLine(mode: Mode, chalk: Chalk, columns: number): string {
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
  const [timers, setTimers] = useState<PhaseTimers>({ clock: config.clock, talk: config.talk });
  const [mode, setMode] = useState<Mode>('keys');
  const [noteText, setNoteText] = useState('');
  const [notice, setNotice] = useState('');
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setTick] = useState(0);
  // The interval is set once; it reads the newest timers through this ref.
  const latest = useRef(timers);
  latest.current = timers;
  const chalk = paint(config.color);
  const prefix = usePrefix({ status, theme: makeTheme(config.color ? {} : { prefix: { idle: '?', done: '✔' } }) });

  useEffect(() => {
    const interval = setInterval(() => {
      config.onProgress({ ...latest.current, now: config.now() });
      setTick((tick) => tick + 1);
    }, 1000);
    return () => clearInterval(interval);
  }, []);

  const typeNote = (key: TypedKey, rl: { line: string; clearLine: (dir: 0) => void }) => {
    if (isEnterKey(key)) {
      setMode(noteText.trim() === '' ? 'keys' : 'note-tag');
    } else if (key.name === 'escape') {
      rl.clearLine(0);
      setNoteText('');
      setMode('keys');
      setNotice('Note cancelled.');
    } else {
      // readline edits the line (backspace, arrows, ctrl-u); the note mirrors it.
      setNoteText(rl.line);
    }
  };

  const pickTag = (key: TypedKey) => {
    const char = keyChar(key);
    const tag = char === undefined ? undefined : tagForKey(char);
    if (key.name !== 'escape' && tag === undefined) return;
    if (tag !== undefined) config.onNote(tag, noteText.trim());
    setNotice(tag === undefined ? 'Note cancelled.' : `Noted (${NOTE_TAG_LABELS[tag]}): ${noteText.trim()}`);
    setNoteText('');
    setMode('keys');
  };

  const runCommand = (command: PhaseCommand, now: number) => {
    const next = timersAfter(command, timers, now);
    setTimers(next);
    setNotice('');
    config.onProgress({ ...next, now });
    if (command === 'note') setMode('note-text');
    if (command === 'help') setMode(mode === 'help' ? 'keys' : 'help');
    if (command === 'next') {
      setStatus('done');
      done({ action: 'next', ...next });
    }
  };

  useKeypress((key: TypedKey, rl) => {
    const now = config.now();
    if (mode === 'note-text') {
      typeNote(key, rl);
      config.onProgress({ ...timers, now });
      return;
    }
    // Outside the note field readline's line buffer holds only stray command letters.
    rl.clearLine(0);
    const char = keyChar(key);
    const command = char === undefined ? undefined : commandForKey(char);
    if (mode === 'note-tag') pickTag(key);
    else if (command !== undefined) return runCommand(command, now);
    config.onProgress({ ...timers, now });
  });

  const now = config.now();
  const snapshot = phaseSnapshot(config, timers, now);
  const heading = chalk.bold(phaseHeading(config.phase, config.phaseCount));
  if (status === 'done') {
    const talked = snapshot.phaseShare === null ? 'no talk recorded' : `you talked ${formatShare(snapshot.phaseShare)}`;
    return `${prefix} ${heading} - done after ${formatElapsed(snapshot.elapsedMs)}, ${talked}.`;
  }
  const below = ['', ...countdownLines(snapshot, chalk), ...talkLines(snapshot, config.phase.maxTalkShare, chalk)];
  if (notice !== '') below.push(`  ${notice}`);
  if (mode === 'note-tag') below.push(`  Note: ${noteText.trim()}`, '  What kind of note is it? Press one key.');
  // The note field is the last line so the terminal cursor sits where the organizer types.
  if (mode === 'note-text') below.push(`  Note: ${noteText}`);
  const columns = config.columns ?? process.stdout.columns ?? 80;
  const keys = keyLine(mode, chalk, columns);
  const guide = mode === 'help' ? HELP_LINES.flatMap((line) => wrapLine(line, columns, '  ', '         ')) : guideLines(config.phase, chalk, columns);
  const fitted = fitGuide(guide, [`${prefix} ${heading}`, ...below, keys], config.rows ?? process.stdout.rows, columns);
  return [[`${prefix} ${heading}`, ...fitted, ...below].join('\n'), keys];
});
