/** The words for asks and follow-ups that the store keeps as codes. Another language is another module of this shape. */
import { spokenCatalogues } from './spoken.js';

export interface FollowUpWording {
  text: string | null;
  ask: { text: string; outcome: string | null } | null;
}

/** A follow-up with no words of the organizer's own, worded from the ask it follows (if any). */
export interface FollowUpWords {
  /** No ask behind it: "Follow up with Ana Ruiz". */
  alone(person: string): string;
  /** After a no: "Check back in with Ana Ruiz about: …". */
  afterNo(person: string, ask: string): string;
  /** Any other ask: "Remind Ana Ruiz about: …". */
  remind(person: string, ask: string): string;
}

const FOLLOW_UP_EN: FollowUpWords = {
  alone: (person) => `Follow up with ${person}`,
  afterNo: (person, ask) => `Check back in with ${person} about: ${ask}`,
  remind: (person, ask) => `Remind ${person} about: ${ask}`,
};

const words = (): FollowUpWords => spokenCatalogues()?.followUp ?? FOLLOW_UP_EN;

/** A follow-up in the organizer's words, or the default one worded from the ask it follows. */
export function followUpWords(followUp: FollowUpWording, person: string): string {
  if (followUp.text !== null) return followUp.text;
  if (!followUp.ask) return words().alone(person);
  if (followUp.ask.outcome === 'no') return words().afterNo(person, followUp.ask.text);
  return words().remind(person, followUp.ask.text);
}

/** The follow-up as it reads, for a screen or JSON: its text always in words. */
export function wordedFollowUp<F extends FollowUpWording>(followUp: F, person: string): F & { text: string } {
  return { ...followUp, text: followUpWords(followUp, person) };
}
