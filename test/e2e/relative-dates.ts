/**
 * Dates for e2e tests that use the tool's real clock. The binary runs with TZ=UTC (passed explicitly), and these
 * helpers write dates in UTC, so the test and the tool agree on what "today" is.
 */
const DAY = 86_400_000;

/** 'YYYY-MM-DD HH:MM' (UTC) `days` from today, at the given time of day. */
export function dayAt(days: number, time = '12:00'): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.toISOString().slice(0, 10)} ${time}`;
}

/** The stored (ISO) form of dayAt. */
export function isoAt(days: number, time = '12:00'): string {
  return `${dayAt(days, time).replace(' ', 'T')}:00.000Z`;
}

/** The start of a UTC day `days` from today, as the tool stores an all-day item's due. */
export function dayStart(days: number): string {
  return isoAt(days, '00:00');
}

/**
 * Expectations in whole days break if the date changes in the middle of a test file. Near midnight (UTC), wait
 * until the new day has begun; at any other time this returns at once.
 */
export async function awayFromMidnight(marginMs = 180_000): Promise<void> {
  const now = Date.now();
  const untilMidnight = DAY - (now % DAY);
  if (untilMidnight < marginMs) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
}
