/** What an organizer listens for and writes down, in the guides' words. */
export const NOTE_TAGS = [
  'value',
  'interest',
  'motivation',
  'issue',
  'skill',
  'capacity',
  'story',
  'lead-in',
  'note',
] as const;

export type NoteTag = (typeof NOTE_TAGS)[number];

export const NOTE_TAG_LABELS: Record<NoteTag, string> = {
  value: 'value',
  interest: 'self-interest',
  motivation: 'motivation',
  issue: 'issue',
  skill: 'skill',
  capacity: 'capacity',
  story: 'story shared',
  'lead-in': 'lead-in',
  note: 'note',
};

export function isNoteTag(text: string): text is NoteTag {
  return (NOTE_TAGS as readonly string[]).includes(text);
}

export const GOALS = ['recruitment', 'maintenance', 'escalation'] as const;
export type Goal = (typeof GOALS)[number];

export const OUTCOMES = ['yes', 'maybe', 'no'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ASK_RESULTS = ['kept', 'broken'] as const;
export type AskResult = (typeof ASK_RESULTS)[number];
