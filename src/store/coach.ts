/** A coach's note on a meeting: written by a lead or director, read by the organizer who held it and their supervisors. */
export interface CoachNote {
  id: number;
  meetingId: number;
  personName: string;
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
  /** A UserError in words when this login may not coach that meeting (not a lead of its organizer, not a director). */
  add(meetingId: number, text: string, now: string): Promise<CoachNote>;
  /** The notes on a meeting this login may read, oldest first. */
  forMeeting(meetingId: number): Promise<CoachNote[]>;
  /** Notes on this login's own meetings not yet read in `review`, oldest first: shown by `followups`. */
  unread(): Promise<CoachNote[]>;
  /** The organizer who held the meeting has read its notes (in `review`). */
  markRead(meetingId: number, now: string): Promise<void>;
}
