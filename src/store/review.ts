/**
 * The director's weekly review, on a team server: each organizer's numbers for a week, read through a function the
 * schema owns, so a role that may not read a private note still sees the figures (and never a note).
 */
import type { TalkRow } from '../meeting/stats.js';
import type { TeamRole } from './contract.js';

/** One organizer's week as the server counts it; the command works out the median talk share and the verdict. */
export interface OrganizerWeekRow {
  organizer: string;
  login: string;
  role: TeamRole;
  /** The moment the week starts (local Monday 00:00), as it was asked for. */
  weekStart: string;
  /** Complete meetings they held (drafts never count). */
  oneOnOnes: number;
  /** Their own weekly goal, else the team's, else null. */
  goal: number | null;
  /** Their meetings that week with talk time recorded. */
  talk: TalkRow[];
  asks: { made: number; yes: number; kept: number };
  /** People first added through a referral, by them, that week. */
  broughtIn: number;
  moves: { up: number; down: number };
  /** Follow-ups of their people open and past due at the week's end (for this week: now). */
  overdueFollowUps: number;
}

export interface GoalChange {
  /** The organizer whose goal it is; undefined for the team's own. */
  organizer?: string;
  weekly: number;
  was: number | null;
}

export interface TeamReview {
  /**
   * `starts` are the week boundaries, oldest first: N + 1 moments for N weeks (the last is when the newest week
   * ends). Rows: oldest week first, organizers by name within a week, only those the login may see; `organizer`
   * narrows to one (a name or login).
   */
  weeks(request: { starts: string[]; now: string; organizer?: string }): Promise<OrganizerWeekRow[]>;
  /** The weekly 1:1 goal: for one organizer, or the team's default when `organizer` is absent. */
  setGoal(goal: { weekly: number; organizer?: string }): Promise<GoalChange>;
}
