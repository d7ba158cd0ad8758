import { differenceInCalendarDays, format } from 'date-fns';
import { formatCountdown } from '../meeting/display.js';

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

/** A countdown as mm:ss, rounded up while time is left, +mm:ss in overtime: the live screen's own formatting. */
export function formatClock(ms: number): string {
  return formatCountdown(ms);
}

export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
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
