/**
 * Words that should not leave the organizer's computer for a shared server without a decision: immigration status
 * above all, which immigrant-serving organizations advise never to record. Matched as whole words, accents and case
 * folded, except a term written in capitals (ICE), matched as written so that "ice" in a sentence is not.
 */
export const SENSITIVE_TERMS: readonly string[] = [
  'undocumented', 'immigration status', 'no papers', 'green card', 'visa', 'deported', 'deportation', 'ICE',
  'sin papeles', 'papeles', 'indocumentado', 'indocumentada', 'la migra', 'deportado', 'deportada', 'deportación',
];

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
  const found = [...terms]
    .sort((a, b) => b.length - a.length)
    .filter((term) => pattern(term).test(inCapitals(term) ? text : folded));
  return found.filter((term) => !found.some((longer) => longer !== term && fold(longer).includes(fold(term))));
}
