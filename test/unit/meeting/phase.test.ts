import { describe, expect, test } from 'vitest';
import { pausePhaseClock, startPhaseClock } from '../../../src/meeting/clock.js';
import {
  noteField,
  openPhase,
  phaseStep,
  type PhaseEffect,
  type PhaseEvent,
  type PhaseMessage,
  type PhaseState,
  type PhaseStep,
} from '../../../src/meeting/phase.js';
import { pauseTalk, startTalkClock, toggleSpeaker } from '../../../src/meeting/talk.js';

const setup = {
  clock: startPhaseClock(300, 0),
  talk: startTalkClock(0),
  maxTalkShare: 0.2,
  meetingTalkBefore: { organizerMs: 0, otherMs: 0 },
};

const opened = (): PhaseState => openPhase(setup, 0).state;
const key = (char?: string, field?: string): PhaseEvent => ({ kind: 'key', char, field });
const line = (text: string): PhaseEvent => ({ kind: 'line', text });
const tick: PhaseEvent = { kind: 'tick' };

/** Runs events one after another, each at its own time; the step returned is the last one. */
function run(state: PhaseState, ...events: [PhaseEvent, number][]): PhaseStep {
  let step: PhaseStep = { state, effects: [] };
  for (const [event, now] of events) step = phaseStep(step.state, event, now);
  return step;
}

function said(step: PhaseStep): PhaseMessage[] {
  return step.effects.flatMap((effect) => (effect.kind === 'say' ? [effect.message] : []));
}

function saved({ clock, talk }: PhaseState, now: number): PhaseEffect {
  return { kind: 'save-progress', progress: { clock, talk, now } };
}

const noTimeYet = { phaseShare: null, meetingShare: null, maxTalkShare: 0.2 };
const nobodyTalked = { phaseShare: 0, meetingShare: 0, maxTalkShare: 0.2 };

describe('opening a phase', () => {
  test('starts in the keys with no note, nothing said and both clocks running', () => {
    expect(openPhase(setup, 0)).toEqual({
      state: { ...setup, mode: 'keys', note: '', notice: null, saidAtMs: 0, remindersSaid: [], done: false },
      effects: [],
    });
  });

  test('says the latest moment a resumed phase has already crossed, without saving', () => {
    const resumed = { ...setup, clock: startPhaseClock(300, 0, 200_000) };
    expect(openPhase(resumed, 0).effects).toEqual([{ kind: 'say', message: { code: 'half-time', remainingMs: 100_000 } }]);
  });
});

describe('the keys of a phase', () => {
  test('space and t say who is talking now, with the shares, and save the clocks', () => {
    const step = phaseStep(opened(), key(' '), 10_000);
    expect(step.state.talk.speaker).toBe('organizer');
    expect(step.effects).toEqual([
      { kind: 'say', message: { code: 'speaker', speaker: 'organizer', talk: nobodyTalked } },
      saved(step.state, 10_000),
    ]);
    const back = phaseStep(step.state, key('T'), 20_000);
    expect(back.state.talk.speaker).toBe('other');
    expect(said(back)).toEqual([{ code: 'speaker', speaker: 'other', talk: { phaseShare: 0.5, meetingShare: 0.5, maxTalkShare: 0.2 } }]);
  });

  test('p pauses both clocks and says so; p again goes on and says the time left', () => {
    const paused = phaseStep(opened(), key('p'), 2000);
    expect(paused.state.clock).toEqual(pausePhaseClock(setup.clock, 2000));
    expect(paused.state.talk).toEqual(pauseTalk(setup.talk, 2000));
    expect(said(paused)).toEqual([{ code: 'paused' }]);
    const going = phaseStep(paused.state, key('p'), 60_000);
    expect(going.state.clock.runningSince).toBe(60_000);
    expect(going.state.talk.runningSince).toBe(60_000);
    expect(said(going)).toEqual([{ code: 'going-on', remainingMs: 298_000 }]);
  });

  test('+ gives the phase one more minute', () => {
    const step = phaseStep(opened(), key('+'), 0);
    expect(step.state.clock.extraSeconds).toBe(60);
    expect(step.effects).toEqual([{ kind: 'say', message: { code: 'minute-added', remainingMs: 360_000 } }, saved(step.state, 0)]);
  });

  test('? opens the help and closes it again, and the other keys work while it is open', () => {
    const help = phaseStep(opened(), key('?'), 0);
    expect(help.state.mode).toBe('help');
    expect(said(help)).toEqual([{ code: 'help', remainingMs: 300_000, paused: false, talk: noTimeYet }]);
    const talking = phaseStep(help.state, key('t'), 0);
    expect(talking.state).toMatchObject({ mode: 'help', talk: { speaker: 'organizer' } });
    expect(phaseStep(talking.state, key('?'), 0).state.mode).toBe('keys');
  });

  test('n stops both clocks where they are, says how the phase went and is done', () => {
    const talking = phaseStep(opened(), key('t'), 10_000).state;
    const step = phaseStep(talking, key('n'), 15_000);
    const timers = { clock: pausePhaseClock(setup.clock, 15_000), talk: pauseTalk(toggleSpeaker(setup.talk, 10_000), 15_000) };
    expect(step.state).toMatchObject({ ...timers, done: true });
    expect(step.effects).toEqual([
      saved(step.state, 15_000),
      { kind: 'say', message: { code: 'phase-done', elapsedMs: 15_000, phaseShare: 5000 / 15_000 } },
      { kind: 'done', timers },
    ]);
  });

  test('a phase that is done takes no more keys, lines or ticks', () => {
    const done = phaseStep(opened(), key('n'), 1000).state;
    for (const event of [key('t'), line('p'), tick]) expect(phaseStep(done, event, 2000)).toEqual({ state: done, effects: [] });
  });

  test('an unknown key says there is no such key and changes nothing', () => {
    const state = opened();
    const step = phaseStep(state, key('x'), 1000);
    expect(step.state).toBe(state);
    expect(step.effects).toEqual([{ kind: 'say', message: { code: 'not-a-key', char: 'x' } }, saved(state, 1000)]);
  });

  test('Enter, Esc, Backspace and keys with no character only save the clocks outside a note', () => {
    const state = opened();
    for (const char of ['\r', '\u001b', '\u007f', undefined]) {
      expect(phaseStep(state, key(char), 1000)).toEqual({ state, effects: [saved(state, 1000)] });
    }
  });
});

describe('writing a note', () => {
  test('a opens an empty note field and clears the last notice', () => {
    const cancelled: PhaseState = { ...opened(), notice: { code: 'note-cancelled' } };
    const step = phaseStep(cancelled, key('a'), 0);
    expect(step.state).toMatchObject({ mode: 'note-text', note: '', notice: null });
    expect(said(step)).toEqual([{ code: 'note-opened' }]);
    expect(noteField(step.state)).toBe('');
  });

  test('typed letters make the note, Backspace takes one back, and a line editor field replaces it', () => {
    const open = phaseStep(opened(), key('a'), 0).state;
    const typed = run(open, [key('h'), 0], [key('i'), 0], [key('x'), 0], [key('\u007f'), 0], [key('\t'), 0]);
    expect(typed.state.note).toBe('hi');
    expect(noteField(typed.state)).toBe('hi');
    expect(typed.effects).toEqual([saved(typed.state, 0)]);
    expect(phaseStep(typed.state, key(undefined, 'hello'), 0).state.note).toBe('hello');
  });

  test('Enter asks for the kind, and one key files it with its trimmed text', () => {
    const written = run(opened(), [key('a'), 0], [key(undefined, ' bus route '), 0]).state;
    const asking = phaseStep(written, key('\r'), 1000);
    expect(asking.state.mode).toBe('note-tag');
    expect(noteField(asking.state)).toBe('');
    expect(said(asking)).toEqual([{ code: 'ask-note-kind' }]);
    const filed = phaseStep(asking.state, key('S'), 2000);
    const notice = { code: 'noted', tag: 'issue', text: 'bus route' };
    expect(filed.state).toMatchObject({ mode: 'keys', note: '', notice });
    expect(filed.effects).toEqual([
      { kind: 'note', tag: 'issue', text: 'bus route' },
      { kind: 'say', message: notice },
      saved(filed.state, 2000),
    ]);
    expect(phaseStep(filed.state, key('+'), 3000).state.notice).toBeNull();
  });

  test('waiting for its kind, n files a plain note instead of ending the phase, and other keys are ignored', () => {
    const asking = run(opened(), [key('a'), 0], [key('x'), 0], [key('\r'), 0]).state;
    expect(phaseStep(asking, key('q'), 0)).toEqual({ state: asking, effects: [saved(asking, 0)] });
    const filed = phaseStep(asking, key('n'), 0);
    expect(filed.state.done).toBe(false);
    expect(filed.effects[0]).toEqual({ kind: 'note', tag: 'note', text: 'x' });
  });

  test('Esc drops the note while it is typed or while it waits for its kind', () => {
    const typing = run(opened(), [key('a'), 0], [key('x'), 0]).state;
    const asking = phaseStep(typing, key('\r'), 0).state;
    for (const state of [typing, asking]) {
      const step = phaseStep(state, key('\u001b'), 0);
      expect(step.state).toMatchObject({ mode: 'keys', note: '', notice: { code: 'note-cancelled' } });
      expect(step.effects).toEqual([{ kind: 'say', message: { code: 'note-cancelled' } }, saved(step.state, 0)]);
    }
  });

  test('an empty note closes the field with nothing kept and no notice left on screen', () => {
    const blank = run(opened(), [key('a'), 0], [key(' '), 0]).state;
    const step = phaseStep(blank, key('\r'), 0);
    expect(step.state).toMatchObject({ mode: 'keys', note: '', notice: null });
    expect(step.effects).toEqual([{ kind: 'say', message: { code: 'note-cancelled' } }, saved(step.state, 0)]);
  });

  test('p and the other command letters are part of the note, so the clocks keep running while it is typed', () => {
    const typed = run(opened(), [key('a'), 1000], [key('p'), 2000], [key('n'), 3000], [tick, 4000]).state;
    expect(typed).toMatchObject({ mode: 'note-text', note: 'pn', done: false, saidAtMs: 4000 });
    expect(typed.clock.runningSince).toBe(0);
    expect(typed.talk.runningSince).toBe(0);
  });
});

describe('lines, where input comes a line at a time', () => {
  test('each letter of a line is a key, each saving the clocks as they stood', () => {
    const step = phaseStep(opened(), line(' tp '), 5000);
    const talking = phaseStep(opened(), key('t'), 5000).state;
    expect(step.state.clock.runningSince).toBeNull();
    expect(step.effects).toEqual([
      { kind: 'say', message: { code: 'speaker', speaker: 'organizer', talk: nobodyTalked } },
      saved(talking, 5000),
      { kind: 'say', message: { code: 'paused' } },
      saved(step.state, 5000),
    ]);
  });

  test('a letter that opens the note ends the line, and an empty line does nothing', () => {
    const step = phaseStep(opened(), line('axt'), 0);
    expect(step.state).toMatchObject({ mode: 'note-text', note: '', talk: { speaker: 'other' } });
    expect(phaseStep(opened(), line(''), 0).effects).toEqual([]);
  });

  test('a line is the note, and the next line names its kind by letter or by word', () => {
    const asking = run(opened(), [line('a'), 0], [line('Works nights'), 0]);
    expect(asking.state).toMatchObject({ mode: 'note-tag', note: 'Works nights' });
    expect(said(asking)).toEqual([{ code: 'ask-note-kind' }]);
    expect(phaseStep(asking.state, line(' Capacity '), 0).effects[0]).toEqual({ kind: 'note', tag: 'capacity', text: 'Works nights' });
    expect(phaseStep(asking.state, line('i'), 0).effects[0]).toEqual({ kind: 'note', tag: 'interest', text: 'Works nights' });
  });

  test('a word that is no kind of note says so and keeps waiting; an empty line drops the note', () => {
    const asking = run(opened(), [line('a'), 0], [line('x'), 0]).state;
    const wrong = phaseStep(asking, line(' zzz '), 0);
    expect(wrong.state).toBe(asking);
    expect(said(wrong)).toEqual([{ code: 'not-a-kind', text: 'zzz' }]);
    expect(phaseStep(asking, line('  '), 0).state).toMatchObject({ mode: 'keys', notice: { code: 'note-cancelled' } });
  });

  test('an empty note line closes the field', () => {
    const step = run(opened(), [line('a'), 0], [line(''), 0]);
    expect(step.state.mode).toBe('keys');
    expect(said(step)).toEqual([{ code: 'note-cancelled' }]);
  });
});

describe('ticks', () => {
  /** Ticks every second from `from` to `to`, checking each saves the clocks; returns what was said, and when. */
  const ticks = (state: PhaseState, from: number, to: number) => {
    const messages: [number, PhaseMessage][] = [];
    for (let now = from; now <= to; now += 1000) {
      const step = phaseStep(state, tick, now);
      expect(step.effects.at(-1)).toEqual(saved(step.state, now));
      messages.push(...said(step).map((message): [number, PhaseMessage] => [now, message]));
      state = step.state;
    }
    return { state, messages };
  };

  test('say half time, one minute left and time is up once each, and save every second', () => {
    expect(ticks(opened(), 1000, 320_000).messages).toEqual([
      [150_000, { code: 'half-time', remainingMs: 150_000 }],
      [240_000, { code: 'one-minute-left' }],
      [300_000, { code: 'time-up' }],
    ]);
  });

  test('say only the latest moment when several passed at once', () => {
    expect(said(phaseStep(opened(), tick, 280_000))).toEqual([{ code: 'one-minute-left' }]);
  });

  test('say time is up again after a minute added in overtime runs out', () => {
    const over = ticks(opened(), 1000, 310_000).state;
    const more = phaseStep(over, key('+'), 310_000).state;
    expect(ticks(more, 311_000, 370_000).messages).toEqual([[360_000, { code: 'time-up' }]]);
  });

  test('say each talk reminder once while it holds, and again after it lapsed', () => {
    const talking = phaseStep(opened(), key('t'), 0).state;
    const first = ticks(talking, 1000, 100_000);
    expect(first.messages).toEqual([
      [60_000, { code: 'reminder', reminder: { kind: 'share', share: 1 } }],
      [91_000, { code: 'reminder', reminder: { kind: 'monologue', seconds: 91 } }],
    ]);
    const listening = phaseStep(first.state, key('t'), 100_000).state;
    const lapsed = ticks(listening, 101_000, 500_000).state;
    expect(lapsed.remindersSaid).toEqual([]);
    const again = phaseStep(lapsed, key('t'), 500_000).state;
    expect(ticks(again, 501_000, 591_000).messages).toEqual([
      [504_000, { code: 'reminder', reminder: { kind: 'share', share: 104 / 504 } }],
      [591_000, { code: 'reminder', reminder: { kind: 'monologue', seconds: 91 } }],
    ]);
  });
});
