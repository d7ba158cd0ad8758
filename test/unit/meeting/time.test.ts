import { describe, expect, test } from 'vitest';
import { createMeetingTime, realMeetingTime } from '../../../src/meeting/time.js';

/** Two hand-driven clocks: monotonic and wall, in ms. */
function fakeClocks(monotonic = 5_000, wall = 1_700_000_000_000) {
  const clocks = { monotonic, wall };
  const now = createMeetingTime(
    () => clocks.monotonic,
    () => clocks.wall,
  );
  return { clocks, now };
}

describe('meeting time', () => {
  test('advances exactly with the monotonic clock over an hour of one-second ticks, whatever the wall clock jitter', () => {
    const { clocks, now } = fakeClocks();
    const start = now();
    for (let second = 1; second <= 3600; second++) {
      clocks.monotonic += 1000;
      // The wall clock wobbles up to half a second either way (NTP, scheduling).
      clocks.wall = 1_700_000_000_000 + second * 1000 + (second % 2 === 0 ? 500 : -500);
      now();
    }
    expect(now() - start).toBe(3_600_000);
  });

  test('adds the time the laptop was suspended, when the wall clock moved on but the monotonic clock stopped', () => {
    const { clocks, now } = fakeClocks();
    const start = now();
    clocks.monotonic += 1000;
    clocks.wall += 1000 + 10 * 60_000;
    expect(now() - start).toBe(601_000);
    clocks.monotonic += 1000;
    clocks.wall += 1000;
    expect(now() - start).toBe(602_000);
  });

  test('ignores the wall clock being set back an hour', () => {
    const { clocks, now } = fakeClocks();
    const start = now();
    clocks.monotonic += 1000;
    clocks.wall -= 3_600_000;
    expect(now() - start).toBe(1000);
  });

  test('treats a wall clock two seconds ahead as jitter, not a suspend', () => {
    const { clocks, now } = fakeClocks();
    const start = now();
    clocks.monotonic += 1000;
    clocks.wall += 3000;
    expect(now() - start).toBe(1000);
  });

  test('the real meeting time never goes backwards', () => {
    const now = realMeetingTime();
    const first = now();
    expect(now()).toBeGreaterThanOrEqual(first);
  });
});
