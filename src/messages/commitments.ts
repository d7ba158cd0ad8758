/** The words for asks and follow-ups that the store keeps as codes. */

export interface FollowUpWording {
  text: string | null;
  ask: { text: string; outcome: string | null } | null;
}

/** A follow-up in the organizer's words, or the default one worded from the ask it follows. */
export function followUpWords(followUp: FollowUpWording, person: string): string {
  if (followUp.text !== null) return followUp.text;
  if (!followUp.ask) return `Follow up with ${person}`;
  if (followUp.ask.outcome === 'no') return `Check back in with ${person} about: ${followUp.ask.text}`;
  return `Remind ${person} about: ${followUp.ask.text}`;
}

/** The follow-up as it reads, for a screen or JSON: its text always in words. */
export function wordedFollowUp<F extends FollowUpWording>(followUp: F, person: string): F & { text: string } {
  return { ...followUp, text: followUpWords(followUp, person) };
}
