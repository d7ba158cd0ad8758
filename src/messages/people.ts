import type { RungCause } from '../store/contract.js';
import { formatDate } from '../support/format.js';

export interface RungChangeWording {
  cause: RungCause;
  reason: string | null;
  detail: string | null;
  meetingHeldAt: string | null;
}

/** Why someone moved on the ladder: the organizer's own words, else the cause, worded in the local calendar. */
export function rungReason(change: RungChangeWording): string | null {
  if (change.reason !== null) return change.reason;
  switch (change.cause) {
    case 'added':
      return 'added';
    case 'meeting':
      return change.meetingHeldAt === null ? 'after a meeting' : `after the meeting of ${formatDate(change.meetingHeldAt)}`;
    case 'import':
      return `imported from ${change.detail ?? 'a file'}`;
    case 'manual':
      return null;
  }
}
