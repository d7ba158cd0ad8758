import { describe, expect, test } from 'vitest';
import {
  addMinute,
  pausePhaseClock,
  phaseElapsedMs,
  phaseRemainingMs,
  phaseStage,
  plainAnnouncements,
  resumePhaseClock,
  startPhaseClock,
  type PhaseMoment,
} from '../../../src/meeting/clock.js';

const T0 = 1_000_000;

describe('phase clock', () => {
  test('counts down from the planned time', () => {
    const clock = startPhaseClock(300, T0);
    expect(phaseRemainingMs(clock, T0)).toBe(300_000);
    expect(phaseRemainingMs(clock, T0 + 1000)).toBe(299_000);
    expect(phaseElapsedMs(clock, T0 + 1000)).toBe(1000);
  });

  test('is running until one minute is left, then in its last minute', () => {
    const clock = startPhaseClock(300, T0);
    expect(phaseStage(clock, T0 + 239_999)).toBe('running');
    expect(phaseStage(clock, T0 + 240_000)).toBe('last-minute');
    expect(phaseStage(clock, T0 + 299_999)).toBe('last-minute');
  });

  test('goes into overtime at zero and keeps counting, never ending the phase itself', () => {
    const clock = startPhaseClock(300, T0);
    expect(phaseStage(clock, T0 + 300_000)).toBe('overtime');
    expect(phaseRemainingMs(clock, T0 + 383_000)).toBe(-83_000);
    expect(phaseStage(clock, T0 + 10 * 3_600_000)).toBe('overtime');
  });

  test('adding a minute in overtime brings the phase back into its last minute', () => {
    const clock = addMinute(startPhaseClock(300, T0));
    expect(phaseRemainingMs(clock, T0 + 330_000)).toBe(30_000);
    expect(phaseStage(clock, T0 + 330_000)).toBe('last-minute');
  });

  test('stops while paused and goes on from where it stopped', () => {
    const paused = pausePhaseClock(startPhaseClock(300, T0), T0 + 10_000);
    expect(phaseElapsedMs(paused, T0 + 600_000)).toBe(10_000);
    expect(pausePhaseClock(paused, T0 + 700_000)).toBe(paused);
    const resumed = resumePhaseClock(paused, T0 + 600_000);
    expect(phaseElapsedMs(resumed, T0 + 605_000)).toBe(15_000);
    expect(resumePhaseClock(resumed, T0 + 900_000)).toBe(resumed);
  });

  test('starts with time already spent when a meeting is resumed', () => {
    const clock = startPhaseClock(300, T0, 125_000);
    expect(phaseRemainingMs(clock, T0 + 5000)).toBe(170_000);
  });
});

describe('plain announcements', () => {
  function tickThrough(plannedSeconds: number, seconds: number, change = (c: ReturnType<typeof startPhaseClock>, s: number) => c) {
    let clock = startPhaseClock(plannedSeconds, 0);
    let last = -1;
    const said: PhaseMoment[] = [];
    for (let second = 0; second <= seconds; second++) {
      clock = change(clock, second);
      const elapsed = phaseElapsedMs(clock, second * 1000);
      said.push(...plainAnnouncements(clock, last, elapsed));
      last = elapsed;
    }
    return said;
  }

  test('says start, half time, one minute left and zero once each, in order', () => {
    expect(tickThrough(300, 400)).toEqual(['start', 'half', 'one-minute', 'zero']);
  });

  test('has no one-minute moment in a phase of a minute or less', () => {
    expect(tickThrough(45, 100)).toEqual(['start', 'half', 'zero']);
  });

  test('says zero again when a minute is added in overtime', () => {
    const said = tickThrough(300, 400, (clock, second) => (second === 310 ? addMinute(clock) : clock));
    expect(said).toEqual(['start', 'half', 'one-minute', 'zero', 'zero']);
  });

  test('reports every moment crossed in one long jump, such as a suspend', () => {
    const clock = startPhaseClock(300, 0);
    expect(plainAnnouncements(clock, 10_000, 280_000)).toEqual(['half', 'one-minute']);
  });
});
