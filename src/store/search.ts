/**
 * The search read model's part of the store contract (owned with the search feature; re-exported by contract.ts).
 * An engine finds the words in its own full-text index, kept exact on every write, and ranks what it finds there
 * (best match first): it never hands the records over to be scanned.
 */

/** What a hit is: a note (its tag says which kind), an ask, a follow-up, a meeting's agitation, a person's details. */
export const SEARCH_KINDS = ['note', 'ask', 'followup', 'agitation', 'person'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One word to find, as typed: matched whole, case and accents aside ("jose" finds "José"); with `prefix`, its last
 * part may go on ("organi" finds "organizing"). A word with punctuation inside ("lead-in", "o'brien") is its parts
 * side by side. A word with no letter or digit in it can match nothing.
 */
export interface SearchWord {
  text: string;
  prefix: boolean;
}

export interface SearchQuery {
  /** Every word must match, anywhere in the same note, ask, follow-up, agitation or person's details. */
  words: SearchWord[];
  /** Only notes with this tag (a code of NOTE_TAGS). */
  tag?: string;
  limit: number;
}

/** A stretch of a record's text: matched by the search, or around a match. */
export interface SearchPart {
  text: string;
  match: boolean;
}

/** One field of a hit where the words were found: its text (cut around the matches when long), with them marked. */
export interface SearchField {
  /** The column it came from: text, barriers, support, agitation, name, email, phone, neighborhood, organization, notes. */
  name: string;
  parts: SearchPart[];
}

export interface SearchHit {
  kind: SearchKind;
  /** The note's, ask's, follow-up's, meeting's (for agitation) or person's id. */
  id: number;
  personId: number;
  personName: string;
  /** When: the meeting it was said in (held_at), else when it was written down (for a person, when they were added). */
  at: string;
  meetingId: number | null;
  /** A note's tag; null for every other kind. */
  tag: string | null;
  /** The fields that matched, in the record's order: one for most kinds; an ask or a person may match in several. */
  fields: SearchField[];
}

export interface SearchPage {
  /** Best first, at most the query's limit. */
  hits: SearchHit[];
  /** True when more records match than were shown. */
  more: boolean;
}

export interface SearchReadModel {
  find(query: SearchQuery): Promise<SearchPage>;
}
