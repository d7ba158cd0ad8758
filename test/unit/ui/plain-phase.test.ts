import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import type { NoteTag } from '../../../src/meeting/tags.js';
import { startTalkClock } from '../../../src/meeting/talk.js';
import type { PhaseProgress } from '../../../src/ui/live-phase.js';
import { runPlainPhase, type PlainInput } from '../../../src/ui/plain-phase.js';

const explore = {
  position: 2,
  key: 'explore',
  title: 'Explore',
  plannedSeconds: 300,
  maxTalkShare: 0.2,
  purpose: 'Listen for what they care about.',
  tips: ['Ask open questions.'],
  questions: ['What keeps you up at night?'],
};

/** A raw-mode terminal stand-in: a PassThrough that says it is a TTY. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & PlainInput;
  input.isTTY = true;
  const rawModes: boolean[] = [];
  input.setRawMode = (raw: boolean) => rawModes.push(raw);
  return { input, rawModes };
}

function startPlain(input: PassThrough = new PassThrough()) {
  let t = 0;
  const lines: string[] = [];
  const notes: { tag: NoteTag; text: string }[] = [];
  const progress: PhaseProgress[] = [];
  const result = runPlainPhase({
    phase: explore,
    phaseCount: 5,
    clock: startPhaseClock(300, 0),
    talk: startTalkClock(0),
    meetingTalkBefore: { organizerMs: 0, otherMs: 0 },
    now: () => t,
    onProgress: (p) => progress.push(p),
    onNote: (tag, text) => notes.push({ tag, text }),
    color: false,
    input,
    write: (line) => lines.push(line),
  });
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += 1000) {
      t += 1000;
      vi.advanceTimersByTime(1000);
    }
  };
  /** Write to the input and let the stream deliver it. */
  const send = async (text: string) => {
    input.write(text);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const said = (text: string) => lines.filter((line) => line.includes(text)).length;
  return { result, lines, notes, progress, advance, send, said };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('plain phase', () => {
  test('prints the phase, its purpose, tips, questions and keys at the start', async () => {
    const { lines, send, result } = startPlain();
    expect(lines).toContain('Phase 2 of 5: Explore. 05:00 planned.');
    expect(lines).toContain('Purpose: Listen for what they care about.');
    expect(lines).toContain('Tip: Ask open questions.');
    expect(lines).toContain('Ask: What keeps you up at night?');
    expect(lines.some((line) => line.startsWith('Keys: n next phase'))).toBe(true);
    await send('n\n');
    await result;
  });

  test('says half time, one minute left and time is up once each, not every second', async () => {
    const { advance, said, lines, send, result } = startPlain();
    advance(400_000);
    expect(said('Half time: 02:30 left')).toBe(1);
    expect(said('One minute left in this phase.')).toBe(1);
    expect(said('Time is up for this phase; press n when you are ready')).toBe(1);
    expect(lines.length).toBeLessThan(15);
    await send('n\n');
    await result;
  });

  test('reads letters then Enter when the input is not a terminal, with the same result as the live screen', async () => {
    const { advance, send, result, lines } = startPlain();
    advance(10_000);
    await send('t\n');
    expect(lines).toContain('Talking now: you. Press space when you stop. You talked 0% of this phase, 0% of the meeting (aim for at most 20%).');
    advance(5000);
    await send('n\n');
    const phase = await result;
    expect(phase.action).toBe('next');
    expect(phase.clock).toMatchObject({ bankedMs: 15_000, runningSince: null });
    expect(phase.talk).toMatchObject({ banked: { organizerMs: 5000, otherMs: 10_000 }, runningSince: null });
  });

  test('takes a note as a line and its kind as a letter or a word on the next line', async () => {
    const { send, notes, result } = startPlain();
    await send('a\n');
    await send('Her kids walk to school on Elm\n');
    await send('s\n');
    await send('a\nWorks nights\ncapacity\n');
    expect(notes).toEqual([
      { tag: 'issue', text: 'Her kids walk to school on Elm' },
      { tag: 'capacity', text: 'Works nights' },
    ]);
    await send('n\n');
    await result;
  });

  test('prints a share reminder once when it is crossed, not every second', async () => {
    const { advance, send, said, result } = startPlain();
    await send('t\n');
    advance(120_000);
    expect(said("Reminder: You've talked")).toBe(1);
    expect(said('Reminder: You\'ve been talking for 91 seconds')).toBe(1);
    await send('n\n');
    await result;
  });

  test('reads single keys in raw mode on a terminal and restores the terminal afterwards', async () => {
    const { input, rawModes } = fakeTerminal();
    const { send, notes, result, advance } = startPlain(input);
    await send('a');
    await send('hi');
    advance(2000);
    await send('\r');
    await send('v');
    expect(notes).toEqual([{ tag: 'value', text: 'hi' }]);
    await send('n');
    await result;
    expect(rawModes).toEqual([true, false]);
  });

  test('rejects with ExitPromptError on Ctrl-C in raw mode, like inquirer', async () => {
    const { input, rawModes } = fakeTerminal();
    const { send, result } = startPlain(input);
    const rejected = expect(result).rejects.toMatchObject({ name: 'ExitPromptError' });
    await send('\u0003');
    await rejected;
    expect(rawModes).toEqual([true, false]);
  });

  test('reports progress every second and on every key', async () => {
    const { advance, send, progress, result } = startPlain();
    advance(2000);
    await send('p\n');
    expect(progress.map((p) => p.now)).toEqual([1000, 2000, 2000]);
    expect(progress.at(-1)?.clock.runningSince).toBeNull();
    await send('n\n');
    await result;
  });
});
