import { StringDecoder } from 'node:string_decoder';
import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { plainAnnouncements, type PhaseMoment } from '../meeting/clock.js';
import { formatCountdown, formatElapsed, formatShare } from '../support/format.js';
import { isNoteTag, NOTE_TAG_LABELS, type NoteTag } from '../meeting/tags.js';
import type { TalkReminder } from '../meeting/talk.js';
import {
  commandForKey,
  HELP_LINES,
  KEY_HELP,
  phaseHeading,
  phaseSnapshot,
  shareLine,
  speakerLine,
  TAG_KEY_HELP,
  tagForKey,
  timersAfter,
  type LivePhaseConfig,
  type PhaseCommand,
  type PhaseResult,
  type PhaseSnapshot,
  type PhaseTimers,
} from './live-phase.js';

/** process.stdin fits, and so does a PassThrough in tests. */
export type PlainInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface PlainPhaseOptions extends LivePhaseConfig {
  input: PlainInput;
  write: (line: string) => void;
  signal?: AbortSignal;
}

type Mode = 'keys' | 'note-text' | 'note-tag';

const CTRL_C = '\u0003';
const ESC = '\u001b';

function timeLine(snapshot: PhaseSnapshot): string {
  return snapshot.remainingMs > 0
    ? `${formatCountdown(snapshot.remainingMs)} left`
    : `OVERTIME ${formatCountdown(snapshot.remainingMs)}`;
}

function isPrintable(key: string): boolean {
  return key >= ' ' && key !== '\u007f';
}

function momentLine(moment: PhaseMoment, snapshot: PhaseSnapshot): string | undefined {
  if (moment === 'half') return `Half time: ${formatCountdown(snapshot.remainingMs)} left in this phase.`;
  if (moment === 'one-minute') return 'One minute left in this phase.';
  if (moment === 'zero') return 'Time is up for this phase; press n when you are ready.';
  return undefined;
}

function introLines(options: PlainPhaseOptions, raw: boolean): string[] {
  const { phase } = options;
  const lines = [
    `${phaseHeading(phase, options.phaseCount)}. ${formatCountdown(phase.plannedSeconds * 1000)} planned.`,
    `Purpose: ${phase.purpose}`,
    ...phase.tips.map((tip) => `Tip: ${tip}`),
    ...phase.questions.map((question) => `Ask: ${question}`),
  ];
  if (phase.noteTags?.length) lines.push(`Listen for: ${phase.noteTags.map((tag) => NOTE_TAG_LABELS[tag]).join(', ')}.`);
  lines.push(`Keys: ${KEY_HELP.join('; ')}.${raw ? '' : ' Type a key, then Enter.'}`);
  return lines;
}

/** In line mode a whole word is easier than a letter ("issue" and "interest" share theirs). */
function tagFromLine(text: string): NoteTag | undefined {
  const word = text.trim().toLowerCase();
  if (isNoteTag(word)) return word;
  return word.length === 1 ? tagForKey(word) : undefined;
}

/**
 * The --plain phase: lines instead of a redrawn screen, for TERM=dumb and screen readers.
 * Same keys, callbacks and result as `livePhase`; Ctrl-C rejects with inquirer's ExitPromptError.
 */
export function runPlainPhase(options: PlainPhaseOptions): Promise<PhaseResult> {
  const { input, write, now, signal } = options;
  const raw = input.isTTY === true && typeof input.setRawMode === 'function';
  let timers: PhaseTimers = { clock: options.clock, talk: options.talk };
  let mode: Mode = 'keys';
  let noteText = '';
  let lastElapsedMs = -1;
  let activeReminders = new Set<TalkReminder['kind']>();
  let pendingLine = '';
  let settled = false;
  const decoder = new StringDecoder('utf8');
  if (signal?.aborted) return Promise.reject(new AbortPromptError({ cause: signal.reason }));

  return new Promise<PhaseResult>((resolve, reject) => {
    const snapshot = (t: number) => phaseSnapshot(options, timers, t);

    // Say each moment and reminder once, when it is crossed; several at once (after a suspend) say the latest.
    const announce = (t: number) => {
      const current = snapshot(t);
      const moments = plainAnnouncements(timers.clock, lastElapsedMs, current.elapsedMs);
      lastElapsedMs = current.elapsedMs;
      const line = moments.length > 0 ? momentLine(moments[moments.length - 1]!, current) : undefined;
      if (line !== undefined) write(line);
      for (const reminder of current.reminders) {
        if (!activeReminders.has(reminder.kind)) write(`Reminder: ${reminder.text}`);
      }
      activeReminders = new Set(current.reminders.map((reminder) => reminder.kind));
    };

    const tick = () => {
      const t = now();
      announce(t);
      options.onProgress({ ...timers, now: t });
    };

    const stop = () => {
      settled = true;
      clearInterval(interval);
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
      if (raw) input.setRawMode?.(false);
      input.pause();
    };
    const fail = (error: Error) => {
      stop();
      reject(error);
    };

    const runCommand = (command: PhaseCommand, t: number) => {
      timers = timersAfter(command, timers, t);
      if (command === 'next') {
        options.onProgress({ ...timers, now: t });
        const current = snapshot(t);
        const talked = current.phaseShare === null ? 'no talk recorded' : `you talked ${formatShare(current.phaseShare)} of it`;
        write(`Phase done after ${formatElapsed(current.elapsedMs)}; ${talked}.`);
        stop();
        resolve({ action: 'next', ...timers });
        return;
      }
      const current = snapshot(t);
      if (command === 'toggle-speaker') write(`${speakerLine(current.speaker)} ${shareLine(current, options.phase.maxTalkShare)}`);
      if (command === 'pause') write(current.paused ? 'Paused. Press p to go on.' : `Going on: ${timeLine(current)}.`);
      if (command === 'add-minute') write(`One more minute: ${timeLine(current)}.`);
      if (command === 'help') {
        HELP_LINES.forEach((line) => write(line));
        write(`Now: ${timeLine(current)}${current.paused ? ', paused' : ''}. ${shareLine(current, options.phase.maxTalkShare)}`);
      }
      if (command === 'note') {
        mode = 'note-text';
        noteText = '';
        write(raw ? 'Note: type it, then Enter. Esc cancels.' : 'Note: type it, then Enter. An empty line cancels.');
      }
      announce(t);
      options.onProgress({ ...timers, now: t });
    };

    const cancelNote = () => {
      mode = 'keys';
      noteText = '';
      write('Note cancelled.');
    };

    const askForTag = () => {
      if (noteText.trim() === '') return cancelNote();
      mode = 'note-tag';
      const how = raw ? 'Press one key; Esc cancels.' : 'Type the letter or the word, then Enter; an empty line cancels.';
      write(`What kind of note is it? ${TAG_KEY_HELP.join('; ')}. ${how}`);
    };

    const saveNote = (tag: NoteTag) => {
      options.onNote(tag, noteText.trim());
      write(`Noted (${NOTE_TAG_LABELS[tag]}): ${noteText.trim()}`);
      mode = 'keys';
      noteText = '';
    };

    const onKey = (key: string) => {
      const t = now();
      if (mode === 'note-text') {
        if (key === '\r' || key === '\n') askForTag();
        else if (key === ESC) cancelNote();
        else if (key === '\u007f' || key === '\b') noteText = noteText.slice(0, -1);
        else if (isPrintable(key)) noteText += key;
      } else if (mode === 'note-tag') {
        const tag = tagForKey(key);
        if (tag !== undefined) saveNote(tag);
        else if (key === ESC) cancelNote();
      } else {
        const command = commandForKey(key);
        if (command !== undefined) return runCommand(command, t);
        if (isPrintable(key)) write(`No key ${key} here; press ? for help.`);
      }
      options.onProgress({ ...timers, now: t });
    };

    const onLine = (line: string) => {
      if (mode === 'note-text') {
        noteText = line;
        askForTag();
      } else if (mode === 'note-tag') {
        const tag = tagFromLine(line);
        if (line.trim() === '') cancelNote();
        else if (tag !== undefined) saveNote(tag);
        else write(`Not a kind of note: ${line.trim()}. ${TAG_KEY_HELP.join('; ')}.`);
      } else {
        // Each letter is a key; a letter that opens the note field (or ends the phase) ends the line.
        for (const key of line.trim()) {
          onKey(key);
          if (mode !== 'keys' || settled) return;
        }
        return;
      }
      options.onProgress({ ...timers, now: now() });
    };

    const onRawData = (text: string) => {
      if (text.includes(CTRL_C)) return fail(new ExitPromptError('User force closed the prompt with Ctrl-C'));
      // Arrow and function keys arrive as escape sequences; a lone ESC is the Esc key.
      if (text.startsWith(ESC) && text.length > 1) return;
      for (const key of text) onKey(key);
    };

    const onLineData = (text: string) => {
      const lines = (pendingLine + text).split('\n');
      pendingLine = lines.pop() ?? '';
      for (const line of lines) onLine(line.replace(/\r$/, ''));
    };

    function onData(chunk: Buffer | string) {
      if (settled) return;
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (raw) onRawData(text);
      else onLineData(text);
    }
    function onEnd() {
      fail(new ExitPromptError('The input closed before the phase ended'));
    }
    function onAbort() {
      fail(new AbortPromptError({ cause: signal?.reason }));
    }

    const interval = setInterval(tick, 1000);
    signal?.addEventListener('abort', onAbort);
    introLines(options, raw).forEach((line) => write(line));
    write(speakerLine(timers.talk.speaker));
    announce(now());
    if (raw) input.setRawMode?.(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
