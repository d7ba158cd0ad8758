/**
 * A coach's note on a meeting: written by a lead (on a meeting held by an organizer they lead), a director or an
 * admin, and read by its author, the organizer who held the meeting, that organizer's lead, the directors and admins.
 */
export interface CoachNote {
  id: number;
  meetingId: number;
  /** The person met. */
  personId: number;
  personName: string;
  /** When the meeting was held. */
  heldAt: string;
  /** Who held the meeting. */
  organizer: string;
  /** Who wrote the note. */
  coach: string;
  text: string;
  at: string;
  /** When the organizer who held the meeting first read it in `review`; null until then. */
  readAt: string | null;
}

/** Coaching on a team server; the database decides who may write and read each note (row security). */
export interface CoachNotes {
  /**
   * A UserError in words when this login may not coach that meeting (an organizer; a lead of someone else's organizer;
   * one's own meeting; no such meeting; a server without a team).
   */
  add(meetingId: number, text: string, now: string): Promise<CoachNote>;
  /** The notes on a meeting this login may read, oldest first; none on a server without a team. */
  forMeeting(meetingId: number): Promise<CoachNote[]>;
  /** Notes on this login's own meetings not yet read in `review`, oldest first: shown by `followups`. */
  unread(): Promise<CoachNote[]>;
  /** The organizer who held the meeting has read its notes (in `review`); for any other login it changes nothing. */
  markRead(meetingId: number, now: string): Promise<void>;
}
