/** Countdown text: whole seconds rounded up while time is left (05:00, 04:59 … 00:01), then +00:00, +00:01 … */
export function formatCountdown(ms: number): string {
  if (ms > 0) return minutesAndSeconds(Math.ceil(ms / 1000));
  return `+${minutesAndSeconds(Math.floor(-ms / 1000))}`;
}

/** Time spent, in whole seconds rounded down: 12:34. */
export function formatElapsed(ms: number): string {
  return minutesAndSeconds(Math.floor(Math.max(0, ms) / 1000));
}

function minutesAndSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function formatShare(share: number): string {
  return `${percent(share)}%`;
}

/** Whole percent, the number the organizer reads; comparisons use it so text and rule agree. */
export function percent(share: number): number {
  return Math.round(share * 100);
}

export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
