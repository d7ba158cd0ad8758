/**
 * Words that should not leave the organizer's computer for a shared server without a decision: immigration status
 * above all, which immigrant-serving organizations advise never to record. Matched as whole words, accents and case
 * folded, except a term written in capitals (ICE), matched as written so that "ice" in a sentence is not.
 */
export const SENSITIVE_TERMS: readonly string[] = [
  'undocumented', 'immigration status', 'no papers', 'green card', 'visa', 'deported', 'deportation', 'ICE',
  'sin papeles', 'papeles', 'indocumentado', 'indocumentada', 'la migra', 'deportado', 'deportada', 'deportación',
];

/** What the organizer does with a text that names a term: a note kept private to them, rewritten, or sent as it is. */
export type SensitiveChoice = 'private' | 'rewrite' | 'send';

/** A note's visibility on a team server, when the organizer chose it rather than its tag. */
export type ChosenVisibility = 'private' | 'team';

/** How texts are checked before they leave for a server: the defaults and the team's own words, and whether a note may be kept private there. */
export interface SensitiveCheck {
  terms: readonly string[];
  /** A team server: a note can be private to its author. A server without a team has no private notes. */
  canKeepPrivate: boolean;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const inCapitals = (term: string) => term === term.toUpperCase() && term !== term.toLowerCase();

function pattern(term: string): RegExp {
  const body = escape(inCapitals(term) ? term : fold(term)).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
}

/** The terms found in a text, each once, longest first so "sin papeles" is named rather than "papeles". */
export function sensitiveTermsIn(text: string, terms: readonly string[] = SENSITIVE_TERMS): string[] {
  const folded = fold(text);
  const found = [...new Set(terms)]
    .sort((a, b) => b.length - a.length)
    .filter((term) => pattern(term).test(inCapitals(term) ? text : folded));
  return found.filter((term) => !found.some((longer) => longer !== term && fold(longer).includes(fold(term))));
}

/** The terms a check finds in a text; none without a check (a file on this computer: nothing leaves it). */
export function flaggedTerms(check: SensitiveCheck | undefined, text: string | null | undefined): string[] {
  if (!check || !text) return [];
  return sensitiveTermsIn(text, check.terms);
}

/** Two ways of writing one term ("Green  card", "green card"), which match the same texts: the same term. */
export function termKey(term: string): string {
  const spaced = term.trim().replace(/\s+/g, ' ');
  return inCapitals(spaced) ? spaced : fold(spaced);
}

/** Every term checked: the defaults, then the team's own (a team's word the defaults already have is checked once). */
export function checkedTerms(teamWords: readonly string[]): string[] {
  const keys = new Set(SENSITIVE_TERMS.map(termKey));
  return [...SENSITIVE_TERMS, ...teamWords.filter((term) => !keys.has(termKey(term)))];
}

/** What a term must be to be checked: a word or phrase with a letter or digit in it, short enough to be one. */
export const MAX_TERM_LENGTH = 60;

export function isUsableTerm(term: string): boolean {
  const spaced = term.trim().replace(/\s+/g, ' ');
  return spaced.length > 0 && spaced.length <= MAX_TERM_LENGTH && /[\p{L}\p{N}]/u.test(spaced) && !/\p{Cc}/u.test(spaced);
}

/** Where a team server keeps its own words (a JSON list), among the settings; only an admin changes it. */
export const TEAM_WORDS_SETTING = 'team-sensitive-words';
