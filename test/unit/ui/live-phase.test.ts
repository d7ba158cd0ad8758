import { render } from '@inquirer/testing';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import type { NoteTag } from '../../../src/meeting/tags.js';
import { startTalkClock } from '../../../src/meeting/talk.js';
import { KEY_LIST } from '../../../src/messages/meeting.js';
import { livePhase, screenRows, wrapLine, type LivePhaseConfig, type PhaseProgress } from '../../../src/ui/live-phase.js';

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

/** The live screen on a hand-driven clock; `advance` moves meeting time and the fake interval together. */
async function startScreen(overrides: Partial<LivePhaseConfig> = {}) {
  let t = 0;
  const notes: { tag: NoteTag; text: string }[] = [];
  const progress: PhaseProgress[] = [];
  const config: LivePhaseConfig = {
    phase: explore,
    phaseCount: 5,
    clock: startPhaseClock(300, 0),
    talk: startTalkClock(0),
    meetingTalkBefore: { organizerMs: 0, otherMs: 0 },
    now: () => t,
    onProgress: (p) => progress.push(p),
    onNote: (tag, text) => notes.push({ tag, text }),
    color: false,
    columns: 160,
    ...overrides,
  };
  const screen = await render(livePhase, config);
  // A screen a test leaves open is force-closed when the worker exits; that rejection is expected, not a failure.
  screen.answer.catch(() => undefined);
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += 1000) {
      t += 1000;
      vi.advanceTimersByTime(1000);
    }
  };
  return { ...screen, advance, notes, progress };
}

beforeEach(() => {
  // Only the interval is faked: @inquirer/testing waits on real setImmediate.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live phase screen', () => {
  test('shows the phase, its guide, a countdown from the planned time and the keys', async () => {
    const { getScreen } = await startScreen();
    const screen = getScreen();
    expect(screen).toContain('Phase 2 of 5: Explore');
    expect(screen).toContain('Listen for what they care about.');
    expect(screen).toContain('What keeps you up at night?');
    expect(screen).toContain('05:00 of 05:00');
    expect(screen).toContain(KEY_LIST);
  });

  test('keeps counting down while a note is typed, then hands the note and its tag to onNote', async () => {
    const { events, getScreen, advance, notes } = await startScreen();
    events.keypress('a');
    events.type('Cares about the bus route');
    advance(3000);
    expect(getScreen()).toContain('04:57 of 05:00');
    expect(getScreen()).toContain('Note: Cares about the bus route');
    expect(getScreen()).toContain('Esc cancel');
    events.keypress('enter');
    advance(1000);
    expect(getScreen()).toContain('04:56 of 05:00');
    expect(getScreen()).toContain('v value');
    events.keypress('s');
    expect(notes).toEqual([{ tag: 'issue', text: 'Cares about the bus route' }]);
    expect(getScreen()).toContain(KEY_LIST);
  });

  test('drops a note on Esc without calling onNote', async () => {
    const { events, getScreen, notes } = await startScreen();
    events.keypress('a');
    events.type('never mind');
    events.keypress('escape');
    expect(notes).toEqual([]);
    expect(getScreen()).toContain('Note cancelled.');
  });

  test('changes the organizer share for the phase and the meeting when the talk clock is toggled', async () => {
    const { events, getScreen, advance } = await startScreen({ meetingTalkBefore: { organizerMs: 0, otherMs: 20_000 } });
    advance(20_000);
    expect(getScreen()).toContain('You talked 0% of this phase, 0% of the meeting');
    events.keypress('space');
    advance(20_000);
    expect(getScreen()).toContain('Talking now: you');
    expect(getScreen()).toContain('You talked 50% of this phase, 33% of the meeting');
    events.keypress('t');
    expect(getScreen()).toContain('Talking now: them');
  });

  test('reminds in words once the organizer talked over the limit past the first minute', async () => {
    const { events, getScreen, advance } = await startScreen();
    events.keypress('t');
    advance(59_000);
    expect(getScreen()).not.toContain('Reminder');
    advance(1000);
    expect(getScreen()).toContain("Reminder: You've talked 100% of this phase. Ask an open question and listen.");
    advance(31_000);
    expect(getScreen()).toContain("You've been talking for 91 seconds without a break.");
  });

  test('says ONE MINUTE LEFT in the last minute and OVERTIME with time counting up after zero', async () => {
    const { getScreen, advance } = await startScreen();
    advance(240_000);
    expect(getScreen()).toContain('ONE MINUTE LEFT');
    advance(65_000);
    expect(getScreen()).toContain('OVERTIME +00:05');
    expect(getScreen()).not.toContain('ONE MINUTE LEFT');
  });

  test('adds a minute with +', async () => {
    const { events, getScreen } = await startScreen();
    events.keypress('+');
    expect(getScreen()).toContain('06:00 of 06:00');
  });

  test('stops the countdown while paused', async () => {
    const { events, getScreen, advance } = await startScreen();
    advance(2000);
    events.keypress('p');
    advance(10_000);
    expect(getScreen()).toContain('04:58 of 05:00');
    expect(getScreen()).toContain('PAUSED');
    events.keypress('p');
    advance(1000);
    expect(getScreen()).toContain('04:57 of 05:00');
  });

  test('reports progress every second and on every key', async () => {
    const { events, advance, progress } = await startScreen();
    advance(3000);
    events.keypress('t');
    expect(progress.map((p) => p.now)).toEqual([1000, 2000, 3000, 3000]);
    expect(progress.at(-1)?.talk.speaker).toBe('organizer');
  });

  test('n resolves with the clocks it kept, stopped at the moment n was pressed', async () => {
    const { events, answer, advance } = await startScreen();
    advance(10_000);
    events.keypress('t');
    advance(5000);
    events.keypress('n');
    const result = await answer;
    expect(result.action).toBe('next');
    expect(result.clock).toMatchObject({ bankedMs: 15_000, runningSince: null });
    expect(result.talk).toMatchObject({ banked: { organizerMs: 5000, otherMs: 10_000 }, runningSince: null });
  });

  test('lets Ctrl-C reject the prompt instead of taking it as a note tag', async () => {
    const { events, answer, notes } = await startScreen();
    events.keypress('a');
    events.type('x');
    events.keypress('enter');
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(notes).toEqual([]);
  });
});

describe('fitting the live screen to the terminal', () => {
  const crowded = {
    ...explore,
    tips: Array.from({ length: 20 }, (_, i) => `Tip number ${i + 1}: keep listening.`),
    questions: Array.from({ length: 20 }, (_, i) => `Question number ${i + 1}?`),
  };

  test('counts the rows a line takes once the terminal wraps it', () => {
    expect(screenRows(['short'], 80)).toBe(1);
    expect(screenRows(['aaaa bbbb cccc'], 10)).toBe(2);
    expect(screenRows(['x'.repeat(25)], 10)).toBe(3);
    expect(screenRows(['', 'one'], 80)).toBe(2);
  });

  test('cuts a guide taller than the terminal and says how much is hidden, keeping the countdown and keys', async () => {
    const { getScreen } = await startScreen({ phase: crowded, rows: 20, columns: 160 });
    const screen = getScreen();
    expect(screen.split('\n').length).toBeLessThanOrEqual(19);
    expect(screen).toContain('05:00 of 05:00');
    expect(screen).toContain(KEY_LIST);
    expect(screen).toMatch(/… \d+ more lines of the guide/);
    expect(screen).not.toContain('Question number 20?');
  });

  test('shows the whole guide when the terminal is tall enough', async () => {
    const { getScreen } = await startScreen({ phase: crowded, rows: 80, columns: 160 });
    expect(getScreen()).toContain('Question number 20?');
    expect(getScreen()).not.toContain('more lines of the guide');
  });
});

describe('live phase progress for resuming', () => {
  test('hands a minute added with + to the caller at once, so a resumed phase keeps it', async () => {
    const { events, progress } = await startScreen();
    events.keypress('+');
    expect(progress.at(-1)?.clock.extraSeconds).toBe(60);
  });

  test('starts from a resumed clock with the minutes added before', async () => {
    const { getScreen } = await startScreen({ clock: startPhaseClock(300, 0, 100_000, 60) });
    expect(getScreen()).toContain('04:20 of 06:00');
  });
});

describe('wrapping the guide', () => {
  test('breaks the key list between keys on a narrow terminal, never inside one', async () => {
    const { getScreen } = await startScreen({ columns: 60 });
    const keyLines = getScreen().split('\n').filter((line) => /Keys:|^ {8}\S/.test(line));
    expect(keyLines.length).toBeGreaterThan(1);
    expect(keyLines.every((line) => line.length <= 59)).toBe(true);
    expect(getScreen()).toContain('Ctrl-C stop (kept as a draft)');
  });

  test('breaks long lines between words with a hanging indent', () => {
    expect(wrapLine('Ask open questions and let pauses sit', 23, '  - ', '    ')).toEqual(['  - Ask open questions', '    and let pauses sit']);
    expect(wrapLine('short', 80, '  ', '  ')).toEqual(['  short']);
  });
});
