import { differenceInCalendarDays, format } from 'date-fns';

/** One way of writing dates, durations and shares across the whole tool. */
export function formatDateTime(iso: string | Date): string {
  return format(new Date(iso), 'EEE d MMM yyyy, HH:mm');
}

export function formatDate(iso: string | Date): string {
  return format(new Date(iso), 'EEE d MMM yyyy');
}

export function formatMinutes(seconds: number): string {
  const minutes = seconds / 60;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

export function formatShare(share: number | null): string {
  return share === null ? '–' : `${percent(share)}%`;
}

export function daysAgo(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const days = differenceInCalendarDays(now, new Date(iso));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

export function lateness(dueIso: string, now: Date = new Date()): string {
  const days = differenceInCalendarDays(now, new Date(dueIso));
  if (days <= 0) return new Date(dueIso) < now ? 'late today' : days === 0 ? 'today' : `in ${-days} day${days === -1 ? '' : 's'}`;
  return `${days} day${days === 1 ? '' : 's'} late`;
}

/** A moment near now, as a day-planner writes it: "today 18:00", "tomorrow", "Thu 26 Nov 18:00", "Mon 4 Jan 2027". */
export function formatSoon(moment: string | Date, now: Date = new Date(), options: { allDay?: boolean } = {}): string {
  const date = new Date(moment);
  const days = differenceInCalendarDays(date, now);
  const day =
    days === 0 ? 'today'
      : days === 1 ? 'tomorrow'
        : days === -1 ? 'yesterday'
          : format(date, date.getFullYear() === now.getFullYear() ? 'EEE d MMM' : 'EEE d MMM yyyy');
  return options.allDay ? day : `${day} ${format(date, 'HH:mm')}`;
}

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

/** Whole percent, the number the organizer reads; comparisons use it so text and rule agree. */
export function percent(share: number): number {
  return Math.round(share * 100);
}

export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** "1 note", "3 notes": English plurals until the messages catalogue words them. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1,234": whole numbers grouped by hand, since the first call of toLocaleString loads ICU (12–21 ms of a start). */
export function wholeCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
