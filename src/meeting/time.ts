/**
 * Meeting time: follows the monotonic clock (no drift, immune to the wall clock being set back),
 * but adds the time a laptop spent suspended, because the conversation went on meanwhile.
 * Linux CLOCK_MONOTONIC (and macOS's) stops during suspend; the wall clock does not.
 */
export const SUSPEND_GAP_MS = 2000;

export function createMeetingTime(readMonotonicMs: () => number, readWallMs: () => number): () => number {
  let lastMonotonic = readMonotonicMs();
  let lastWall = readWallMs();
  let suspendedMs = 0;
  return () => {
    const monotonic = readMonotonicMs();
    const wall = readWallMs();
    const gap = wall - lastWall - (monotonic - lastMonotonic);
    // A small gap is NTP slewing or scheduling jitter; only a long one is a suspend.
    if (gap > SUSPEND_GAP_MS) suspendedMs += gap;
    lastMonotonic = monotonic;
    lastWall = wall;
    return monotonic + suspendedMs;
  };
}

export function realMeetingTime(): () => number {
  return createMeetingTime(
    () => performance.now(),
    () => Date.now(),
  );
}
