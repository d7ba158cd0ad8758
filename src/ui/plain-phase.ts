import { StringDecoder } from 'node:string_decoder';
import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { phaseStep, type PhaseEffect, type PhaseEvent, type PhaseStep } from '../meeting/phase.js';
import { keyHelp, live, noteTagLabel, phaseHeading, phaseWords, speakerLine, type Typing } from '../messages/meeting.js';
import { formatCountdown } from '../support/format.js';
import { openPhaseFor, type LivePhaseConfig, type PhaseResult } from './live-phase.js';

/** process.stdin fits, and so does a PassThrough in tests. */
export type PlainInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface PlainPhaseOptions extends LivePhaseConfig {
  input: PlainInput;
  write: (line: string) => void;
  signal?: AbortSignal;
}

const CTRL_C = '\u0003';
const ESC = '\u001b';

function introLines(options: PlainPhaseOptions, raw: boolean): string[] {
  const { phase } = options;
  const { screen } = live();
  const lines = [
    screen.plainIntro(phaseHeading(phase, options.phaseCount), formatCountdown(phase.plannedSeconds * 1000)),
    screen.purpose(phase.purpose),
    ...phase.tips.map(screen.tip),
    ...phase.questions.map(screen.question),
  ];
  if (phase.noteTags?.length) lines.push(`${screen.listenFor(phase.noteTags.map(noteTagLabel))}.`);
  lines.push(`${screen.keysLabel} ${keyHelp(phase.marks === true).join('; ')}.${raw ? '' : screen.typeThenEnter}`);
  return lines;
}

/**
 * The --plain phase: lines instead of a redrawn screen, for TERM=dumb and screen readers.
 * Same keys, callbacks and result as `livePhase`; Ctrl-C rejects with inquirer's ExitPromptError.
 */
export function runPlainPhase(options: PlainPhaseOptions): Promise<PhaseResult> {
  const { input, write, signal } = options;
  const raw = input.isTTY === true && typeof input.setRawMode === 'function';
  const typing: Typing = raw ? 'keys' : 'lines';
  let pendingLine = '';
  let settled = false;
  const decoder = new StringDecoder('utf8');
  if (signal?.aborted) return Promise.reject(new AbortPromptError({ cause: signal.reason }));

  return new Promise<PhaseResult>((resolve, reject) => {
    const opening = openPhaseFor(options);
    let phase = opening.state;

    const carryOut = (effect: PhaseEffect) => {
      switch (effect.kind) {
        case 'say':
          return phaseWords(effect.message, typing).split('\n').forEach((line) => write(line));
        case 'save-progress':
          return options.onProgress(effect.progress);
        case 'note':
          return options.onNote(effect.tag, effect.text);
        case 'held-note':
          return options.onHeldNote?.(effect.change);
        case 'done':
          stop();
          return resolve({ action: 'next', ...effect.timers });
      }
    };
    const follow = ({ state, effects }: PhaseStep) => {
      phase = state;
      effects.forEach(carryOut);
    };
    const step = (event: PhaseEvent) => follow(phaseStep(phase, event, options.now()));

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

    const onRawData = (text: string) => {
      if (text.includes(CTRL_C)) return fail(new ExitPromptError('User force closed the prompt with Ctrl-C'));
      // Arrow and function keys arrive as escape sequences; a lone ESC is the Esc key.
      if (text.startsWith(ESC) && text.length > 1) return;
      for (const char of text) step({ kind: 'key', char });
    };

    const onLineData = (text: string) => {
      const lines = (pendingLine + text).split('\n');
      pendingLine = lines.pop() ?? '';
      for (const line of lines) step({ kind: 'line', text: line.replace(/\r$/, '') });
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

    const interval = setInterval(() => step({ kind: 'tick' }), 1000);
    signal?.addEventListener('abort', onAbort);
    introLines(options, raw).forEach((line) => write(line));
    write(speakerLine(phase.talk.speaker));
    follow(opening);
    if (raw) input.setRawMode?.(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
