/**
 * The director's weekly review, on a team server: each organizer's numbers for a week, read from a view owned by the
 * schema, so a role that may not read a private note still sees the figures.
 */
export interface OrganizerWeek {
  organizer: string;
  /** The Monday the week starts on, local calendar day (YYYY-MM-DD). */
  week: string;
  oneOnOnes: number;
  goal: number | null;
}

export interface TeamReview {
  /** Oldest week first, organizers by name within a week; `organizer` narrows to one (a name or login). */
  weeks(options: { weeks: number; organizer?: string; now: string; utcOffsetMinutes: number }): Promise<OrganizerWeek[]>;
  /** The weekly 1:1 goal: for one organizer, or the team's default when `organizer` is absent. */
  setGoal(goal: { weekly: number; organizer?: string }): Promise<void>;
}
