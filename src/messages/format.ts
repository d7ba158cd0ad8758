/**
 * Dates, spans and shares as a screen says them, in this run's language: "Thu 3 Dec 2026, 19:00", "21 days ago",
 * "LATE 3 days"… A screen takes them from here, not from support/format.ts, so a Spanish run says "jue 3 dic 2026".
 */
import { daysAgo, formatDate, formatDateTime, formatMinutes, formatShare, formatSoon, lateness } from '../support/format.js';
import { spokenCatalogues } from './spoken.js';

export interface FormatWords {
  /** "Thu 3 Dec 2026, 19:00" */
  dateTime(moment: string | Date): string;
  /** "Thu 3 Dec 2026" */
  date(moment: string | Date): string;
  /** "today", "yesterday", "21 days ago", "in 3 days", "never" */
  daysAgo(moment: string | null, now?: Date): string;
  /** "late today", "today", "in 2 days", "3 days late" */
  lateness(due: string, now?: Date): string;
  /** "today 18:00", "tomorrow", "Thu 26 Nov 18:00" */
  soon(moment: string | Date, now?: Date, options?: { allDay?: boolean }): string;
  /** "25%", "–" */
  share(share: number | null): string;
  /** "30 min", "0.5 min" */
  minutes(seconds: number): string;
}

const FORMAT_EN: FormatWords = {
  dateTime: formatDateTime,
  date: formatDate,
  daysAgo,
  lateness,
  soon: formatSoon,
  share: formatShare,
  minutes: formatMinutes,
};

/** The formats of this run's language. */
export const formats = (): FormatWords => spokenCatalogues()?.format ?? FORMAT_EN;
